package discord

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
	maxTypedAnswer  = 80 // characters of a typed quiz answer
	maxChoiceLen    = 100
	maxThreadName   = 100
	ephemeral       = 1 << 6
	ellipsis        = "…"
	maxButtonsInRow = 5
)

// runes is the length Discord counts.
func runes(s string) int { return len([]rune(s)) }
