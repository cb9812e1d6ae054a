package scenario

import (
	"fmt"
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

// Quote is a passage of a référentiel, verbatim (spaces collapsed), with the
// lines it was read from. Everything the jury's sheet says about the épreuve
// is a Quote, so a teacher can check it in the text.
type Quote struct {
	Text    string      `json:"text"`
	Diploma string      `json:"diploma"`
	Lines   tutor.Lines `json:"lines"`
}

// Ref is the short citation shown after a quote.
func (q Quote) Ref() string { return fmt.Sprintf("BTS %s, %s", q.Diploma, q.Lines) }

// text gives access to a référentiel's lines.
type text struct {
	doc   *corpus.Doc
	lines []string // lines[0] is line 1
}

func newText(doc *corpus.Doc) *text { return &text{doc: doc, lines: doc.Lines()} }

var norm = corpus.Normalize

// line returns source line n, normalised.
func (t *text) line(n int) string { return t.doc.Span(tutor.Lines{n, n}) }

// span returns lines from..to joined and normalised.
func (t *text) span(l tutor.Lines) string { return t.doc.Span(l) }

// locate finds s within the lines of rng: on one line, or across a few line
// breaks (texts extracted from PDF wrap long sentences).
func (t *text) locate(rng tutor.Lines, s string) (Quote, bool) {
	want := norm(s)
	for width := 0; width < 6; width++ {
		for n := rng[0]; n+width <= rng[1]; n++ {
			l := tutor.Lines{n, n + width}
			if strings.Contains(t.span(l), want) {
				return Quote{Text: want, Diploma: t.doc.Meta.Diploma, Lines: l}, true
			}
		}
	}
	return Quote{}, false
}

// quoteLine quotes line n as it stands.
func (t *text) quoteLine(n int) Quote {
	return Quote{Text: t.line(n), Diploma: t.doc.Meta.Diploma, Lines: tutor.Lines{n, n}}
}

// Holds reports whether a quote is verbatim in the référentiel at its lines.
func Holds(c *corpus.Corpus, q Quote) bool {
	doc := c.Doc(q.Diploma)
	if doc == nil || q.Text == "" {
		return false
	}
	return strings.Contains(doc.Span(q.Lines), norm(q.Text))
}

// exam is what a brief takes from the épreuve E4 of a référentiel.
type exam struct {
	Epreuve     *tutor.Epreuve
	Criteria    []Quote
	Phases      []Quote // parts of the ponctuelle form with their durations
	Situations  map[int]situation
	Competences []Quote // compétences the épreuve certifies (NRC; CCST per situation)
	Modified    Quote   // the sentence on the parameters the commission modifies
}

type situation struct {
	Title       Quote
	Competences []Quote
	About       Quote   // "Elle porte sur …"
	Extra       []Quote // preparation time, what the situation consists of
}

var (
	rePhase     = regexp.MustCompile(`(?i)(1[èe]re|premi[èe]re|2[èe]me|seconde|deuxi[èe]me) partie\s*\([^)]*\)`)
	reSituation = regexp.MustCompile(`(?i)situation d'évaluation n°\s*(\d)`)
	reCompLine  = regexp.MustCompile(`^(C\d+(?:\.\d+)?)\s+\S`)
)

// loadExam reads the épreuve E4 of doc: its criteria, timings, situations and
// compétences, each located in the text. An error means the text does not say
// what a brief needs (a référentiel whose E4 is not a negotiation).
func loadExam(t *text) (*exam, error) {
	e, ok := t.doc.Model.Epreuve("E4")
	if !ok || len(e.Criteres) == 0 || e.DefLines[0] == 0 {
		return nil, fmt.Errorf("le référentiel du BTS %s ne décrit pas d'épreuve E4 avec des critères", t.doc.Meta.Diploma)
	}
	x := &exam{Epreuve: e, Situations: map[int]situation{}}
	def := e.DefLines
	for _, c := range e.Criteres {
		q, ok := t.locate(def, c)
		if !ok {
			return nil, fmt.Errorf("critère introuvable dans la définition de l'E4 : %q", c)
		}
		x.Criteria = append(x.Criteria, q)
	}
	current := 0 // situation being read
	for n := def[0]; n <= def[1]; n++ {
		l := t.line(n)
		if m := rePhase.FindString(l); m != "" {
			x.Phases = append(x.Phases, Quote{Text: norm(m), Diploma: t.doc.Meta.Diploma, Lines: tutor.Lines{n, n}})
		}
		if x.Modified.Text == "" && strings.Contains(l, "modifi") {
			x.Modified, _ = t.sentenceWith(tutor.Lines{n - 1, min(n+1, def[1])}, "modifi", "paramètres")
		}
		if m := reSituation.FindStringSubmatch(l); m != nil && strings.HasPrefix(l, "Situation") {
			current = int(m[1][0] - '0')
			x.Situations[current] = situation{Title: t.quoteLine(n)}
			continue
		}
		if strings.HasPrefix(l, "Forme ponctuelle") || strings.HasPrefix(l, "Composition de la commission") {
			current = 0
		}
		if m := reCompLine.FindStringSubmatch(l); m != nil {
			q := t.quoteLine(n)
			if current > 0 {
				s := x.Situations[current]
				s.Competences = append(s.Competences, q)
				x.Situations[current] = s
			} else if len(x.Situations) == 0 && !hasQuote(x.Competences, m[1]) {
				x.Competences = append(x.Competences, q)
			}
			continue
		}
		if current > 0 {
			s := x.Situations[current]
			switch {
			case strings.HasPrefix(l, "Elle porte sur"):
				s.About = t.quoteLine(n)
			case strings.Contains(l, "temps de préparation"):
				q, _ := t.sentenceWith(tutor.Lines{n, n}, "temps de préparation")
				s.Extra = append(s.Extra, q)
			}
			x.Situations[current] = s
		}
	}
	if len(x.Phases) == 0 && e.Duration == "" {
		return nil, fmt.Errorf("le référentiel du BTS %s ne donne pas la durée de l'E4", t.doc.Meta.Diploma)
	}
	return x, nil
}

func hasQuote(qs []Quote, code string) bool {
	for _, q := range qs {
		if strings.HasPrefix(q.Text, code+" ") {
			return true
		}
	}
	return false
}

// sentenceWith quotes the first sentence of the lines l that contains every
// word, with the lines it actually spans.
func (t *text) sentenceWith(l tutor.Lines, words ...string) (Quote, bool) {
next:
	for _, s := range splitSentences(t.span(l)) {
		for _, w := range words {
			if !strings.Contains(s, w) {
				continue next
			}
		}
		return t.locate(l, s)
	}
	return Quote{}, false
}

func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			out = append(out, strings.TrimSpace(s[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// trades reads the list of trades the CCST référentiel gives as examples
// (« peut travailler dans les domaines suivants »).
func trades(t *text) []Quote {
	var out []Quote
	for n := 1; n <= len(t.lines); n++ {
		if !strings.Contains(t.line(n), "peut travailler dans les domaines suivants") {
			continue
		}
		for m := n + 1; m <= len(t.lines); m++ {
			raw := strings.TrimSpace(t.lines[m-1])
			if raw == "" {
				if len(out) > 0 {
					break
				}
				continue
			}
			if !strings.HasPrefix(raw, "-") {
				break
			}
			if l := t.line(m); !strings.HasPrefix(l, "Etc") {
				out = append(out, t.quoteLine(m))
			}
		}
		break
	}
	return out
}

// savoirQuotes quotes what a savoir of the model says (title and limits),
// located in the text.
func savoirQuotes(t *text, code string) ([]Quote, error) {
	s, ok := t.doc.Model.Savoir(code)
	if !ok {
		return nil, fmt.Errorf("savoir %s absent du référentiel du BTS %s", code, t.doc.Meta.Diploma)
	}
	out := []Quote{t.quoteLine(s.Lines[0])}
	for _, l := range s.Limites {
		if q, ok := t.locate(s.Lines, l); ok && len(q.Text) > 20 {
			out = append(out, q)
		}
	}
	return out, nil
}
