// Package bot serves the tutor's commands. Router is platform-neutral: it
// turns a Request (from Discord or the local console) into a Response built
// by the answer engine. Bot adapts it to Discord with discordgo: slash
// commands, autocomplete, buttons and mentions, each acknowledged at once and
// answered with embeds that respect Discord's limits and never ping anyone.
package bot
