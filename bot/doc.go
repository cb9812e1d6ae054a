// Package bot will adapt the tutor to Discord (discordgo): slash commands,
// embeds and buttons over the same answer engine the console uses. Until then
// the console (tutor with no arguments) speaks the same commands.
package bot
