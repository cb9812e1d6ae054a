package eval

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

// The matching rules of the shared scorer: text is folded (case, accents,
// markup, typographic signs), a gold excerpt is found in a passage as a whole
// or, when long, by any 40-character window; a short or numeric fact must
// stand alone ("4" is not found in "E4").

const window = 40

var (
	reTag    = regexp.MustCompile(`<[^>]+>`)
	reSpaces = regexp.MustCompile(`\s+`)
	reMarks  = regexp.MustCompile(`[*#|]`)
	reNonW   = regexp.MustCompile(`[^\p{L}\p{N}_]+`)
	reNumber = regexp.MustCompile(`^[\d.,]+$`)
	signs    = strings.NewReplacer("**", " ", `\*`, "*", "\u2019", "'", "\u2018", "'", "\u2013", "-", "\u2014", "-", "\u00a0", " ", "\u0153", "oe", "\u0152", "oe")
)

// norm folds a text for matching.
func norm(s string) string {
	s = reTag.ReplaceAllString(s, " ")
	s = signs.Replace(s)
	s = stripMarks(s)
	s = reMarks.ReplaceAllString(s, " ")
	return strings.TrimSpace(reSpaces.ReplaceAllString(s, " "))
}

// stripMarks removes diacritics the way a decomposition would ("é" → "e")
// and folds case.
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		a, c := tutor.FoldRune(r)
		b.WriteRune(a)
		if c != 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// loose is norm without punctuation.
func loose(s string) string {
	return strings.TrimSpace(reNonW.ReplaceAllString(norm(s), " "))
}

// hits reports whether a passage holds an excerpt.
func hits(anchor, passage string) bool {
	a, p := []rune(loose(anchor)), loose(passage)
	if len(a) <= window {
		return strings.Contains(p, string(a))
	}
	for i := 0; i+window <= len(a); i += 4 {
		if strings.Contains(p, string(a[i:i+window])) {
			return true
		}
	}
	return false
}

// span is where an excerpt sits in the corpus: its source and lines.
type span struct {
	source string
	lines  tutor.Lines
}

// locator finds excerpts in the texts, once each.
type locator struct {
	docs  []*corpus.Doc
	cache map[string]*span
}

func newLocator(c *corpus.Corpus) *locator {
	docs := append([]*corpus.Doc(nil), c.Docs...)
	sort.Slice(docs, func(i, j int) bool { return docs[i].Meta.Source < docs[j].Meta.Source })
	return &locator{docs: docs, cache: map[string]*span{}}
}

// find returns where an excerpt sits, nil when nowhere.
func (l *locator) find(anchor string) *span {
	if s, ok := l.cache[anchor]; ok {
		return s
	}
	a := []rune(loose(anchor))
	var found *span
	for _, d := range l.docs {
		lines := d.Lines()
		starts := make([]int, len(lines))
		parts := make([]string, len(lines))
		pos := 0
		for i, line := range lines {
			parts[i] = loose(line)
			starts[i] = pos
			pos += len([]rune(parts[i])) + 1
		}
		whole := []rune(strings.Join(parts, " "))
		i := runeIndex(whole, a)
		if i < 0 && len(a) > window {
			for j := 0; j+window <= len(a) && i < 0; j += 4 {
				i = runeIndex(whole, a[j:j+window])
			}
		}
		if i >= 0 {
			first := sort.SearchInts(starts, i+1)
			last := sort.SearchInts(starts, i+len(a))
			found = &span{d.Meta.Source, tutor.Lines{first, last}}
			break
		}
	}
	l.cache[anchor] = found
	return found
}

func runeIndex(s, sub []rune) int {
	i := strings.Index(string(s), string(sub))
	if i < 0 {
		return -1
	}
	return len([]rune(string(s)[:i]))
}

// passage is what a result or a citation shows.
type passage struct {
	section, text, source string
	lines                 tutor.Lines
}

// cites reports whether a passage proves an excerpt: it quotes it (heading
// path included) or its lines cover the excerpt's.
func (l *locator) cites(anchor string, p passage) bool {
	if hits(anchor, p.section+" "+p.text) {
		return true
	}
	s := l.find(anchor)
	if s == nil || p.source != s.source || p.lines[0] == 0 {
		return false
	}
	return p.lines[0] <= s.lines[1] && s.lines[0] <= p.lines[1]
}

// factIn reports whether a folded answer holds a fact; a short or numeric
// fact must stand alone.
func factIn(alt, answer string) bool {
	a := norm(alt)
	if len([]rune(a)) > 3 && !reNumber.MatchString(a) {
		return strings.Contains(answer, a)
	}
	for i := 0; ; {
		j := strings.Index(answer[i:], a)
		if j < 0 {
			return false
		}
		j += i
		before, after := rune(0), rune(0)
		if j > 0 {
			before = lastRune(answer[:j])
		}
		if end := j + len(a); end < len(answer) {
			after = []rune(answer[end:])[0]
		}
		if !alnum(before) && !alnum(after) {
			return true
		}
		i = j + 1
	}
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func alnum(r rune) bool { return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' }

// factsOK reports whether an answer holds one fact of every group.
func factsOK(groups [][]string, answer string) bool {
	t := norm(answer)
	for _, g := range groups {
		ok := false
		for _, alt := range g {
			if factIn(alt, t) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
