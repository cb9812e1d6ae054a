package retrieval

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:embed lexicon.txt
var lexiconText string

// Normalizer rewrites a question typed the way students type (no accents, SMS
// spellings, contractions, typos) into the words the référentiels use. Its
// rules are data (lexicon.txt); typos are repaired against the corpus
// vocabulary. It is safe for concurrent use once built.
type Normalizer struct {
	words    map[string][]string // one word → its replacement
	phrases  []rule              // word sequences → replacement, longest first
	synonyms []rule              // word sequences → words of the texts to add
	noise    map[string]bool
	domain   []string
	known    map[string]bool // words the lexicon produces or names
	vocab    map[string]int  // corpus word → occurrences
	byFirst  map[byte][]string
	keep     func(word string) bool
	forms    sync.Map // phrase looked up → its normalised form
}

type rule struct {
	from, to []string
}

// Normal is a question after normalisation.
type Normal struct {
	// Words are the question's words, folded and rewritten, in order (noise
	// words included: "quand", "ou" tell what is asked).
	Words []string
	// Topic are the words that say what the question is about: Words
	// without noise and stop words.
	Topic []string
	// Expansion are words of the texts that the question's words stand for
	// ("jury" → "commission"), for search only.
	Expansion []string
	// Focus are the words of Expansion that stand for the student's own
	// expressions, a phrase or a word the texts never use ("en binôme" →
	// "personnel"): what such a question is about, in the texts' words.
	Focus []string
	// Repaired maps each word corrected against the corpus to its fix.
	Repaired map[string]string
	text     string      // Words joined, padded with spaces
	by       *Normalizer // what wrote it, to read a looked-up phrase the same way
}

// Text is the normalised question as one folded string, words separated by
// single spaces and the whole padded with a space at each end so that
// phrases can be looked up with strings.Contains(" "+phrase+" ").
func (n Normal) Text() string {
	if n.text == "" {
		return " " + strings.Join(n.Words, " ") + " "
	}
	return n.text
}

// Has reports whether the normalised question holds the phrase (folded words
// separated by spaces).
//
// The phrase is also read as the question was: a table's "perso" or "coef"
// matches a question whose "perso" became "personnel".
func (n Normal) Has(phrase string) bool {
	if !isTokens(phrase) {
		phrase = strings.Join(Tokens(phrase), " ")
	}
	if strings.Contains(n.Text(), " "+phrase+" ") {
		return true
	}
	if n.by == nil {
		return false
	}
	form := n.by.form(phrase)
	return form != phrase && form != "" && strings.Contains(n.Text(), " "+form+" ")
}

// form is a phrase's normalised words, joined by spaces; remembered, since
// tables look up the same phrases in every question. Callers look up the
// tables' phrases and the texts' names, never a student's words: the cache
// stays bounded.
func (n *Normalizer) form(phrase string) string {
	if f, ok := n.forms.Load(phrase); ok {
		return f.(string)
	}
	f := strings.Join(n.Normalize(phrase).Words, " ")
	n.forms.Store(phrase, f)
	return f
}

// isTokens reports whether a phrase is already folded words separated by
// single spaces, as the tables write their triggers.
func isTokens(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && s[i-1] != ' ') {
			return false
		}
	}
	return true
}

// NewNormalizer reads the lexicon and takes the corpus vocabulary (folded
// words and their counts) for typo repair; keep tells the words never to
// repair (those the index already matches through their stem, the words a
// caller looks for). It fails on a malformed lexicon.
func NewNormalizer(vocab map[string]int, keep func(word string) bool) (*Normalizer, error) {
	if keep == nil {
		keep = func(string) bool { return false }
	}
	n := &Normalizer{words: map[string][]string{}, noise: map[string]bool{}, known: map[string]bool{}, vocab: vocab, byFirst: map[byte][]string{}, keep: keep}
	if err := n.parse(lexiconText); err != nil {
		return nil, err
	}
	for w := range vocab {
		if len(w) >= 4 {
			n.byFirst[w[0]] = append(n.byFirst[w[0]], w)
		}
	}
	for _, list := range n.byFirst {
		sort.Strings(list)
	}
	return n, nil
}

func (n *Normalizer) parse(text string) error {
	section := ""
	for i, line := range strings.Split(text, "\n") {
		if j := strings.Index(line, "#"); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		if section == "domaine" {
			// A word about the studies is never "repaired" into a word
			// of the texts ("révisions" is not "prévisions").
			for _, w := range Tokens(line) {
				n.domain = append(n.domain, w)
				n.known[w] = true
			}
			continue
		}
		if section == "bruit" {
			for _, w := range Tokens(line) {
				n.noise[w] = true
			}
			continue
		}
		from, to, ok := strings.Cut(line, "=>")
		f, t := Tokens(from), Tokens(to)
		if !ok || len(f) == 0 || (len(t) == 0 && section != "expressions") {
			return fmt.Errorf("retrieval : lexique, ligne %d : %q n'est pas de la forme DE => VERS", i+1, line)
		}
		for _, w := range t {
			n.known[w] = true
		}
		switch section {
		case "mots":
			if len(f) != 1 {
				return fmt.Errorf("retrieval : lexique, ligne %d : [mots] attend un seul mot, pas %q", i+1, from)
			}
			n.words[f[0]] = t
			n.known[f[0]] = true
		case "expressions":
			n.phrases = append(n.phrases, rule{f, t})
		case "synonymes":
			n.synonyms = append(n.synonyms, rule{f, t})
			for _, w := range f {
				n.known[w] = true
			}
		default:
			return fmt.Errorf("retrieval : lexique, ligne %d : section inconnue %q", i+1, section)
		}
	}
	byLen := func(rs []rule) {
		sort.SliceStable(rs, func(a, b int) bool { return len(rs[a].from) > len(rs[b].from) })
	}
	byLen(n.phrases)
	byLen(n.synonyms)
	return nil
}

// Tokens folds text and splits it into words: letters and digits; every
// other character (apostrophes, hyphens, punctuation) separates words, so
// "c'est" gives "c", "est" and "jusqu'où" gives "jusqu", "ou".
func Tokens(text string) []string {
	var out []string
	var cur strings.Builder
	for _, r := range Fold(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
			continue
		}
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Normalize rewrites one question. It never fails: what it cannot read it
// leaves as it is.
func (n *Normalizer) Normalize(text string) Normal {
	out := Normal{Repaired: map[string]string{}, by: n}
	var words []string
	// Expressions first on the words as typed ("b to c" before "c" is read
	// "c'est"), then once more on the rewritten words ("candidat libre");
	// what an expression wrote is not rewritten again.
	// "%" is a word: "cb de % de réussite" asks a percentage.
	text = strings.ReplaceAll(text, "%", " pourcent ")
	raw := applyPhrases(toks(Tokens(text)), n.phrases)
	var rewritten []tok
	for i, t := range raw {
		if t.fixed {
			rewritten = append(rewritten, t)
			continue
		}
		w := n.squeeze(t.w)
		if w == "c" && i+1 < len(raw) && (raw[i+1].w == "est" || raw[i+1].w == "etait") {
			// "c'est" written with its apostrophe: nothing to rewrite.
			rewritten = append(rewritten, tok{w: w})
			continue
		}
		if rep, ok := n.words[w]; ok {
			for _, r := range rep {
				rewritten = append(rewritten, tok{w: r})
			}
			continue
		}
		if fix := n.contraction(w); fix != nil {
			for _, r := range fix {
				rewritten = append(rewritten, tok{w: r})
			}
			continue
		}
		if fix := n.repair(w); fix != "" {
			out.Repaired[w] = fix
			w = fix
		}
		rewritten = append(rewritten, tok{w: w})
	}
	for _, t := range applyPhrases(rewritten, n.phrases) {
		words = append(words, t.w)
	}
	out.Words = words
	out.text = " " + strings.Join(words, " ") + " "
	out.Expansion, out.Focus = n.expand(words)
	for _, w := range words {
		// A lone digit stays: "bloc 4", "fonction 2" are read as one term.
		if n.noise[w] || stopWords[w] || (len(w) < 2 && !hasDigit(w)) {
			continue
		}
		out.Topic = append(out.Topic, w)
	}
	return out
}

// StandsFor lists the words of the texts that a student's word stands for
// ("tablette" → "outils", "communication", "nomades"); nil when none.
func (n *Normalizer) StandsFor(w string) []string {
	var out []string
	for _, r := range n.synonyms {
		if len(r.from) == 1 && r.from[0] == w {
			out = append(out, r.to...)
		}
	}
	return out
}

// Domain lists the students' words that say a question is about their
// studies ("prof", "cours", "exam").
func (n *Normalizer) Domain() []string { return n.domain }

// IsNoise reports whether a folded word says nothing about a question's topic.
func (n *Normalizer) IsNoise(w string) bool { return n.noise[w] || stopWords[w] }

// squeeze shortens letters repeated three times or more ("ouiii", "stageee"),
// keeping the corpus's spelling when there is one.
func (n *Normalizer) squeeze(w string) string {
	r := []rune(w)
	var two, one []rune
	changed := false
	for i := 0; i < len(r); i++ {
		j := i
		for j+1 < len(r) && r[j+1] == r[i] {
			j++
		}
		run := j - i + 1
		if run >= 3 && unicode.IsLetter(r[i]) {
			changed = true
			two = append(two, r[i], r[i])
			one = append(one, r[i])
		} else {
			two = append(two, r[i:j+1]...)
			one = append(one, r[i:j+1]...)
		}
		i = j
	}
	if !changed {
		return w
	}
	if s := string(one); n.vocab[s] > 0 || n.known[s] {
		return s
	}
	return string(two)
}

// contraction splits "jdois", "jpasse" into "je dois", "je passe" when the
// rest is a word of the corpus.
func (n *Normalizer) contraction(w string) []string {
	if len(w) < 4 || w[0] != 'j' || strings.ContainsRune("aeiouyh", rune(w[1])) || n.vocab[w] > 0 {
		return nil
	}
	// "jredouble": a word of the texts or of the lexicon after the "j".
	if n.vocab[w[1:]] > 0 || n.known[w[1:]] {
		return []string{"je", w[1:]}
	}
	return nil
}

// feminine are the endings of feminine nouns and their masculine.
var feminine = [][2]string{{"trices", "teurs"}, {"trice", "teur"}, {"euses", "eurs"}, {"euse", "eur"}, {"ieres", "iers"}, {"iere", "ier"}, {"iennes", "iens"}, {"ienne", "ien"}}

// repair corrects a word the corpus does not know to the most frequent corpus
// word within one edit (two for long words), the same first letter first
// (another first letter only for words of eight letters or more).
// Numbers, short words and words the lexicon knows are left alone.
func (n *Normalizer) repair(w string) string {
	if len(w) < 6 || n.vocab[w] > 0 || n.known[w] || n.noise[w] || stopWords[w] || hasDigit(w) || n.keep(w) {
		return ""
	}
	// A job in the feminine ("téléprospectrice", "vendeuse") is the texts'
	// masculine.
	for _, f := range feminine {
		if stem, ok := strings.CutSuffix(w, f[0]); ok && n.vocab[stem+f[1]] > 0 {
			return stem + f[1]
		}
	}
	maxDist := 1
	if len(w) >= 11 {
		maxDist = 2
	}
	best, bestN := "", 0
	try := func(cands []string) {
		for _, v := range cands {
			if abs(len(v)-len(w)) > maxDist {
				continue
			}
			if editDistance(w, v, maxDist) <= maxDist {
				if c := n.vocab[v]; c > bestN || (c == bestN && v < best) {
					best, bestN = v, c
				}
			}
		}
	}
	try(n.byFirst[w[0]])
	// A first letter mistyped is rarer than a word the corpus lacks
	// ("disent" is not "visent"): only long words are tried that way.
	if best == "" && len(w) >= 8 {
		for first, list := range n.byFirst {
			if first != w[0] {
				try(list)
			}
		}
	}
	return best
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// tok is a word being normalised; fixed when an expression wrote it.
type tok struct {
	w     string
	fixed bool
}

func toks(words []string) []tok {
	out := make([]tok, len(words))
	for i, w := range words {
		out[i] = tok{w: w}
	}
	return out
}

// applyPhrases replaces word sequences, longest rules first, left to right;
// words an expression already wrote are not matched again.
func applyPhrases(words []tok, rules []rule) []tok {
	var out []tok
	for i := 0; i < len(words); {
		matched := false
		for _, r := range rules {
			if hasTokAt(words, i, r.from) {
				for _, w := range r.to {
					out = append(out, tok{w: w, fixed: true})
				}
				i += len(r.from)
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, words[i])
			i++
		}
	}
	return out
}

func hasTokAt(words []tok, i int, seq []string) bool {
	if i+len(seq) > len(words) {
		return false
	}
	for k, w := range seq {
		if words[i+k].fixed || words[i+k].w != w {
			return false
		}
	}
	return true
}

func hasAt(words []string, i int, seq []string) bool {
	if i+len(seq) > len(words) {
		return false
	}
	for k, w := range seq {
		if words[i+k] != w {
			return false
		}
	}
	return true
}

// expand lists the words of the texts that the question's words and
// expressions stand for, each once, and among them those that stand for the
// student's own expressions (a phrase, or a word the texts never use).
func (n *Normalizer) expand(words []string) (out, focus []string) {
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	for i := range words {
		for _, r := range n.synonyms {
			if !hasAt(words, i, r.from) {
				continue
			}
			own := len(r.from) > 1 || n.vocab[r.from[0]] == 0
			for _, t := range r.to {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
					if own {
						focus = append(focus, t)
					}
				}
			}
		}
	}
	return out, focus
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance, cut short past max.
func editDistance(a, b string, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// IsStopWord reports whether a folded word is one of the grammatical words
// search ignores ("de", "et", "la").
func IsStopWord(w string) bool { return stopWords[w] }
