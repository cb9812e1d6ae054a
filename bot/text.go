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
			b.WriteString("\n\n" + modeLine(*resp.Reply))
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
