package answer

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// verified is a generated answer after the checks.
type verified struct {
	text      string
	citations []tutor.Citation // the passages cited, renumbered 1..n
	removed   int              // markers to no passage
	own       int              // the model's sentences kept with a citation
	corrected bool             // a sentence replaced by a fact
	dropped   bool             // a sentence removed, no fact to replace it
	filtered  int              // sentences removed for a link, a mention or the rules' words
}

var (
	markerRE = regexp.MustCompile(`\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]`)
	numberRE = regexp.MustCompile(`\d+(?:[,.]\d+)?`)
)

// verify checks a generated answer sentence by sentence against the
// passages it cites and the facts of the extractive answer (whose markers
// number the same passages). A sentence stays when it cites a passage and
// every value, code and law it states is stated there (or in the facts),
// for the épreuve it is about; the question is never evidence. Otherwise
// it is replaced by the fact it tried to state, or removed. A sentence with
// a link, a mention or the words of the rules is removed whatever it says;
// a sentence that states nothing and cites nothing ("Bon courage !") is
// left out silently.
func (e *Engine) verify(q *Query, text string, passages []tutor.Citation, base tutor.Reply) verified {
	var v verified
	factLines := strings.Split(base.Answer, "\n")
	evidence := &evidenceSet{passages: passages, facts: base.Answer}
	var kept []string
	for _, sent := range sentences(text) {
		sent = v.fixMarkers(sent, len(passages))
		if strings.TrimSpace(markerRE.ReplaceAllString(sent, "")) == "" {
			continue
		}
		ev := evidence.of(sent)
		if unsafe(sent, ev.text, ruleRuns()) != "" {
			v.filtered++
			v.dropped = true
			continue
		}
		if ownFact(sent, base.Answer) {
			// A line of the extractive answer: the référentiel's facts.
			kept = append(kept, sent)
			if len(citedIn(sent)) > 0 {
				v.own++
			}
			continue
		}
		cited := len(citedIn(sent)) > 0
		if !cited && !hasClaim(sent) {
			continue
		}
		if cited && e.claimsHold(sent, q.Docs, q.Codes) && e.claimsStated(sent, ev) {
			kept = append(kept, sent)
			v.own++
			continue
		}
		if fix := factFor(sent, factLines); fix != "" {
			if !slices.Contains(kept, fix) {
				kept = append(kept, fix)
			}
			v.corrected = true
			continue
		}
		v.dropped = true
	}
	v.text, v.citations = renumber(strings.TrimSpace(joinSentences(kept)), passages)
	return v
}

// ownFact reports whether a sentence is a line, or a sentence of a line, of
// the extractive answer: facts resolved from the texts, already verified.
func ownFact(sent, facts string) bool {
	sent = strings.TrimSpace(sent)
	if len(sent) < 8 || strings.HasPrefix(sent, ">") {
		return false
	}
	for _, line := range strings.Split(facts, "\n") {
		if line = strings.TrimSpace(line); line == sent || strings.Contains(line, sent) && !strings.HasPrefix(line, ">") {
			return true
		}
	}
	return false
}

// fixMarkers removes the numbers of a sentence's markers that point to no
// passage, counting them.
func (v *verified) fixMarkers(s string, n int) string {
	return markerRE.ReplaceAllStringFunc(s, func(m string) string {
		var keep []string
		for _, k := range markerNumbers(m) {
			if k >= 1 && k <= n {
				keep = append(keep, fmt.Sprint(k))
			} else {
				v.removed++
			}
		}
		if len(keep) == 0 {
			return ""
		}
		return "[" + strings.Join(keep, ", ") + "]"
	})
}

// citedIn returns the passage numbers cited in s.
func citedIn(s string) map[int]bool {
	out := map[int]bool{}
	for _, m := range markerRE.FindAllString(s, -1) {
		for _, k := range markerNumbers(m) {
			out[k] = true
		}
	}
	return out
}

// markerNumbers reads the numbers of one marker: "[1, 3]" → 1, 3.
func markerNumbers(marker string) []int {
	var out []int
	for _, f := range strings.FieldsFunc(strings.Trim(marker, "[]"), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		var k int
		fmt.Sscanf(f, "%d", &k)
		out = append(out, k)
	}
	return out
}

// numbers returns the numbers written in s, codes (E4, C1.3) and citation
// markers left out, decimals with a comma.
func numbers(s string) map[string]bool {
	s = markerRE.ReplaceAllString(s, " ")
	return numbersBesides(s, tutor.FindCodes(s, tutor.StyleCompact))
}

// numbersBesides is numbers of a text without markers whose codes were
// found already.
func numbersBesides(s string, codes []tutor.CodeMatch) map[string]bool {
	b := []byte(s)
	for _, m := range codes {
		for i := m.Start; i < m.End; i++ {
			b[i] = ' '
		}
	}
	out := map[string]bool{}
	for _, n := range numberRE.FindAllString(string(b), -1) {
		out[strings.ReplaceAll(n, ".", ",")] = true
	}
	return out
}

var coefRE = regexp.MustCompile(`(?i)coef\w*\D{0,25}?(\d+(?:[,.]\d+)?)`)

// claimsHold checks the coefficients a sentence states against the model,
// each against the épreuve named just before it (or, without one, the
// épreuves the question is about): "l'E5 a un coefficient de 4 et l'E4 un
// coefficient de 3" is false when the E4's is 6.
func (e *Engine) claimsHold(sent string, docs []*corpus.Doc, asked []ref) bool {
	from := 0
	for _, m := range coefRE.FindAllStringSubmatchIndex(sent, -1) {
		stated := strings.ReplaceAll(sent[m[2]:m[3]], ".", ",")
		// The épreuves named since the previous coefficient ("l'E6
		// (U61, U62) a un coefficient de 6"), else all the sentence
		// names, else the question's.
		refs := asked
		if named, _ := e.resolveCodes(sent[from:m[0]], docs); len(named) > 0 {
			refs = named
		} else if named, _ := e.resolveCodes(sent, docs); len(named) > 0 {
			refs = named
		}
		from = m[1]
		var coefs []string
		for _, r := range refs {
			if ep, ok := r.doc.Model.Epreuve(r.code); ok {
				coefs = append(coefs, ep.Coef)
				for _, p := range ep.Parts {
					coefs = append(coefs, p.Coef)
				}
			}
		}
		if len(coefs) > 0 && !slices.Contains(coefs, stated) {
			return false
		}
	}
	return true
}

// factFor finds the fact line of the extractive answer that says what the
// sentence tried to say: the same code and the same kind of figure.
func factFor(sent string, facts []string) string {
	codes := tutor.FindCodes(sent, tutor.StyleCompact)
	kind := ""
	f := retrieval.Fold(sent)
	for _, k := range []string{"coefficient", "duree", "preparation", "ponctuelle", "ccf"} {
		if strings.Contains(f, k) {
			kind = k
			break
		}
	}
	for _, line := range facts {
		l := retrieval.Fold(line)
		if strings.HasPrefix(strings.TrimSpace(line), ">") || !markerRE.MatchString(line) {
			continue
		}
		if kind != "" && !strings.Contains(l, kind) {
			continue
		}
		if len(codes) > 0 {
			match := false
			for _, c := range codes {
				if strings.Contains(line, strings.ToUpper(strings.ReplaceAll(sent[c.Start:c.End], " ", ""))) {
					match = true
				}
			}
			if !match {
				continue
			}
		}
		if kind == "" && len(codes) == 0 {
			continue
		}
		return strings.TrimSpace(line)
	}
	return ""
}

// renumber keeps the passages a text cites, numbered in order of first
// citation, and rewrites the markers.
func renumber(text string, passages []tutor.Citation) (string, []tutor.Citation) {
	order := map[int]int{}
	var out []tutor.Citation
	for _, m := range markerRE.FindAllString(text, -1) {
		for _, k := range markerNumbers(m) {
			if _, ok := order[k]; !ok && k >= 1 && k <= len(passages) {
				order[k] = len(out) + 1
				c := passages[k-1]
				c.N = len(out) + 1
				out = append(out, c)
			}
		}
	}
	text = markerRE.ReplaceAllStringFunc(text, func(m string) string {
		var ns []int
		for _, k := range markerNumbers(m) {
			if n, ok := order[k]; ok {
				ns = append(ns, n)
			}
		}
		sort.Ints(ns)
		parts := make([]string, len(ns))
		for i, n := range ns {
			parts[i] = fmt.Sprintf("[%d]", n)
		}
		return strings.Join(parts, "")
	})
	return text, out
}

// sentences splits a text into sentences and lines, keeping each one's end
// punctuation and markers ("… de 6 [1]." stays whole).
func sentences(text string) []string {
	var out []string
	r := []rune(text)
	start := 0
	flush := func(end int) {
		if s := strings.TrimSpace(string(r[start:end])); s != "" {
			out = append(out, s)
		}
		start = end
	}
	quoted := 0 // inside « … »: a quotation is one sentence with its marker
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '«':
			quoted++
		case '»':
			quoted = max(0, quoted-1)
		case '\n':
			flush(i + 1)
			quoted = 0
		case '.', '!', '?':
			if quoted > 0 {
				continue
			}
			// Not inside a number (1.5) and followed by a space or the end.
			if i+1 == len(r) || r[i+1] == ' ' || r[i+1] == '\n' {
				j := i + 1
				// Keep markers written after the period: "… 6. [1]".
				for j < len(r) && r[j] == ' ' {
					j++
				}
				if j < len(r) && r[j] == '[' {
					if k := slices.Index(r[j:], ']'); k >= 0 { // in runes, as i and j are
						i = j + k
					}
				}
				flush(i + 1)
			}
		}
	}
	flush(len(r))
	return out
}

// joinSentences puts sentences back: list items and lines ending a
// paragraph on their own line.
func joinSentences(s []string) string {
	var b strings.Builder
	for i, x := range s {
		if i > 0 {
			if strings.HasPrefix(x, "•") || strings.HasPrefix(x, "-") || strings.HasSuffix(s[i-1], ":") {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(x)
	}
	return b.String()
}
