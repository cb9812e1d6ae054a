// Package discord adapts the bot to Discord with discordgo, and is the only
// package besides cmd/tutor that imports it: gateway supervision, the
// registration of the command table as slash commands, interactions
// (commands, autocomplete, buttons, mentions) each acknowledged as the
// table says, rendering to embeds and components within Discord's limits,
// never pinging anyone, and posting what the quiz scheduler hands it.
package discord
