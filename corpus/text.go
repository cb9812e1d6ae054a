package corpus

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// fold lower-cases and strips French accents, for matching only.
func fold(s string) string { return tutor.Fold(s) }

var (
	reTags   = regexp.MustCompile(`<[^>]*>`)
	reSpaces = regexp.MustCompile(`[ \t\x{00a0}]+`)
)

// clean removes inline markup and collapses white space.
func clean(s string) string {
	s = strings.ReplaceAll(s, "<sup>", "")
	s = reTags.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, `\*`, "*")
	s = strings.ReplaceAll(s, "*", "")
	s = strings.ReplaceAll(s, "&nbsp;", " ")
	s = strings.ReplaceAll(s, "&amp;", "&")
	s = strings.ReplaceAll(s, "\uf0b7", "•")
	s = strings.ReplaceAll(s, "\uf0a7", "•")
	s = strings.ReplaceAll(s, "\uf0e5", "•")
	s = reSpaces.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
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
