package discord

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
)

// Embed colours.
const (
	colorAnswer    = 0x2B6CB0
	colorAbstained = 0x718096
	colorInfo      = 0x38A169
)

// noMentions lets no text of a message ping anyone: not @everyone, not a
// role, not a user, not even the author of a replied message.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// embedSize is what Discord counts towards the 6 000 characters of a message.
func embedSize(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	return n
}

// answerEmbed renders a cited reply: the answer as description, one field
// per source (as many as fit), the mode and hint in the footer. Whatever is
// too long is trimmed at a line or word boundary, never rejected.
func answerEmbed(resp bot.Response) *discordgo.MessageEmbed {
	r := resp.Reply
	e := &discordgo.MessageEmbed{Title: tutor.Clip(plainLine(resp.Title), maxTitle), Color: colorAnswer}
	if r.Abstained {
		e.Color = colorAbstained
	}
	footer := bot.ModeLine(*r)
	if r.Note != "" {
		footer += "\n" + r.Note
	}
	if resp.Hint != "" {
		footer += "\n" + resp.Hint
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: tutor.Clip(footer, maxFooter)}

	// Keep room for the sources: at least 1 200 characters when there are any.
	room := maxEmbedsTotal - runes(e.Title) - runes(e.Footer.Text)
	descMax := min(maxDescription, room)
	if len(r.Citations) > 0 {
		descMax = min(maxDescription, room-1200)
	}
	desc := r.Answer
	if runes(desc) > descMax {
		desc = tutor.Clip(desc, descMax-runes(cutNote)) + cutNote
	}
	e.Description = desc
	room -= runes(desc)

	for i, c := range r.Citations {
		name := tutor.Clip(fmt.Sprintf("[%d] BTS %s · %s", c.N, c.Diploma, c.Lines), maxFieldName)
		value := tutor.Clip(c.Section, 600) + "\n*" + tutor.Clip(c.DocTitle+", "+c.DocDate, 400) + "*"
		left := len(r.Citations) - i - 1
		reserve := 0
		if left > 0 {
			reserve = 40 // for the "and N more" field
		}
		if len(e.Fields) >= maxFields-1 && left > 0 || runes(name)+runes(value)+reserve > room {
			more := fmt.Sprintf("… et %d autre(s) source(s)", len(r.Citations)-i)
			if runes(more)+1 <= room {
				e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: more, Value: "« Voir les passages »"})
			}
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
		room -= runes(name) + runes(value)
	}
	return e
}

const cutNote = "\n*(réponse abrégée : « Voir les passages » donne les textes cités en entier)*"

// infoEmbed renders a plain message.
func infoEmbed(title, text string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: tutor.Clip(plainLine(title), maxTitle), Color: colorInfo}
	e.Description = tutor.Clip(text, min(maxDescription, maxEmbedsTotal-runes(e.Title)))
	return e
}

// Button custom IDs: "p:<reply>" shows the passages, "v:<reply>:+" and
// "v:<reply>:-" vote. They hold only the stored reply's number, so they work
// after a restart.
func answerButtons(replyID int64) []discordgo.MessageComponent {
	id := strconv.FormatInt(replyID, 10)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Voir les passages", Style: discordgo.SecondaryButton, CustomID: "p:" + id, Emoji: &discordgo.ComponentEmoji{Name: "📖"}},
		discordgo.Button{Label: "Utile", Style: discordgo.SecondaryButton, CustomID: "v:" + id + ":+", Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{Label: "Pas utile", Style: discordgo.SecondaryButton, CustomID: "v:" + id + ":-", Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	}}}
}

// button is a parsed custom ID.
type button struct {
	kind    byte // 'p' or 'v'
	replyID int64
	vote    int
}

// parseButton reads a custom ID made by answerButtons.
func parseButton(id string) (button, bool) {
	parts := strings.Split(id, ":")
	if len(parts) < 2 || len(id) > maxCustomID {
		return button{}, false
	}
	n, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || n <= 0 {
		return button{}, false
	}
	switch {
	case parts[0] == "p" && len(parts) == 2:
		return button{kind: 'p', replyID: n}, true
	case parts[0] == "v" && len(parts) == 3 && parts[2] == "+":
		return button{kind: 'v', replyID: n, vote: tutor.VoteUp}, true
	case parts[0] == "v" && len(parts) == 3 && parts[2] == "-":
		return button{kind: 'v', replyID: n, vote: tutor.VoteDown}, true
	}
	return button{}, false
}

// passageEmbeds shows the cited passages in full, one embed each, as many
// as fit in one message; the last says how many were left out.
func passageEmbeds(r tutor.Reply) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	room := maxEmbedsTotal
	for i, c := range r.Citations {
		if len(out) == maxEmbeds {
			break
		}
		e := &discordgo.MessageEmbed{
			Title:  tutor.Clip(fmt.Sprintf("[%d] BTS %s — %s", c.N, c.Diploma, c.Section), maxTitle),
			Color:  colorAnswer,
			Footer: &discordgo.MessageEmbedFooter{Text: tutor.Clip(fmt.Sprintf("%s, %s — %s, %s", c.DocTitle, c.DocDate, c.Source, c.Lines), maxFooter)},
		}
		left := len(r.Citations) - i - 1
		reserve := 0
		if left > 0 {
			reserve = 200 // keep room for at least a clipped next passage
		}
		budget := min(maxDescription, room-runes(e.Title)-runes(e.Footer.Text)-reserve)
		if budget < 100 {
			break
		}
		e.Description = tutor.Clip(quoteBlock(c.Text), budget)
		room -= embedSize(e)
		out = append(out, e)
	}
	if n := len(r.Citations) - len(out); n > 0 && len(out) > 0 {
		last := out[len(out)-1]
		note := fmt.Sprintf("\n\n*%d autre(s) passage(s) non affiché(s) : reposez une question plus précise.*", n)
		if runes(note) <= room && runes(last.Description)+runes(note) <= maxDescription {
			last.Description += note
		}
	}
	return out
}

func quoteBlock(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// textContent is a plain message body within the 2 000 characters.
func textContent(s string) string { return tutor.Clip(s, maxContent) }

// plainLine makes a user's text fit for a title or a thread's name: control
// and invisible formatting characters (bidi overrides that turn text
// around, zero-width spaces) go, spaces are collapsed, and @everyone or
// @here cannot even look like a mention.
func plainLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("@everyone", "@\u2060everyone", "@here", "@\u2060here").Replace(s)
}
