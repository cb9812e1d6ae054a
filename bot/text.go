package bot

import (
	"fmt"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// Text renders a response for a terminal: the same content as on Discord,
// as plain text.
func Text(resp Response) string {
	var b strings.Builder
	if resp.Reply != nil {
		b.WriteString(ReplyText(*resp.Reply))
		if resp.Reply.Mode == "llm" || resp.Reply.Note != "" {
			b.WriteString("\n\n" + ModeLine(*resp.Reply))
		}
		if resp.Reply.Note != "" {
			b.WriteString("\n" + resp.Reply.Note)
		}
	} else {
		// Bold markers are for Discord; a terminal shows them raw.
		b.WriteString(strings.ReplaceAll(resp.Text, "**", ""))
	}
	if resp.Hint != "" {
		b.WriteString("\n" + resp.Hint)
	}
	return b.String()
}

// ReplyText renders a reply for a terminal: the answer, then the sources.
func ReplyText(r tutor.Reply) string {
	var b strings.Builder
	b.WriteString(r.Answer)
	if len(r.Citations) > 0 {
		b.WriteString("\n\nSources :\n")
		for _, c := range r.Citations {
			fmt.Fprintf(&b, "[%d] %s\n", c.N, sourceLine(c))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// sourceLine names a citation: diploma, breadcrumb, lines, text and date.
func sourceLine(c tutor.Citation) string {
	return fmt.Sprintf("BTS %s — %s — %s, %s (%s, %s)", c.Diploma, c.Section, c.Source, c.Lines, c.DocTitle, c.DocDate)
}

// ModeLine says how a reply was made, for the footer and the console.
func ModeLine(r tutor.Reply) string {
	switch {
	case r.Mode == "llm" && !r.Verified:
		return "Réponse rédigée par un modèle de langue, vérifiée en partie : une phrase invérifiable a été retirée ; relisez les passages cités."
	case r.Mode == "llm":
		return "Réponse rédigée par un modèle de langue et vérifiée : chaque [n] renvoie à un passage cité, chaque chiffre à un texte."
	}
	return "Réponse extractive : les textes sont cités mot pour mot."
}
