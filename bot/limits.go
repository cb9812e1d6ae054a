package bot

import "strings"

// Discord's limits on what a message may hold, in characters.
const (
	maxContent      = 2000
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxEmbedsTotal  = 6000 // all embeds of one message together
	maxEmbeds       = 10
	maxCustomID     = 100
	maxButtonLabel  = 80
	maxChoices      = 25
	maxChoiceLen    = 100
	maxThreadName   = 100
	ephemeral       = 1 << 6
	ellipsis        = "…"
	maxButtonsInRow = 5
)

// clip shortens s to at most n characters, cutting at a line end or a space
// when one is near, and marks the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return string(r[:n])
	}
	cut := n - 1
	for i := cut - 1; i > cut/2; i-- {
		if r[i] == '\n' {
			return strings.TrimRight(string(r[:i]), " \n") + "\n" + ellipsis
		}
	}
	for i := cut; i > cut/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:\n") + ellipsis
}

// runes is the length Discord counts.
func runes(s string) int { return len([]rune(s)) }
