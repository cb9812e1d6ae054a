package corpus

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// fold lower-cases and strips French accents, for matching only.
func fold(s string) string { return tutor.Fold(s) }

var reTags = regexp.MustCompile(`<[^>]*>`)

// markup is what clean removes or replaces: emphasis markers (escaped or
// not), entities, and the private-use bullets of PDF conversions.
var markup = strings.NewReplacer(`\*`, "", "*", "", "&nbsp;", " ", "&amp;", "&",
	"\uf0b7", "•", "\uf0a7", "•", "\uf0e5", "•")

// clean removes inline markup and collapses white space. It runs on every
// line of every référentiel, so it avoids regular expressions where it can.
func clean(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = strings.ReplaceAll(s, "<sup>", "")
		s = reTags.ReplaceAllString(s, " ")
	}
	return collapseSpaces(markup.Replace(s))
}

// collapseSpaces turns every run of spaces, tabs and non-breaking spaces
// into one space and trims the ends.
func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\u00a0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// splitSentences cuts a long text at sentence ends, keeping punctuation.
func splitSentences(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != ';' && r != '!' && r != '?' && r != ':' {
			continue
		}
		if i+1 < len(rs) && rs[i+1] != ' ' {
			continue
		}
		out = append(out, strings.TrimSpace(string(rs[start:i+1])))
		start = i + 1
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}
