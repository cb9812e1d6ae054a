package answer

import (
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// A glossary of the terms the texts define, read once when the engine is
// built: "Un projet commercial se définit comme…", "du prospect (client
// potentiel)", "Veille et parangonnage (benchmarking)". A question that asks
// what a term means leads with the sentence that defines it.

// gloss is a sentence of the texts that defines a term.
type gloss struct {
	key  []string // the term's index terms, in order
	sec  *tutor.Section
	text string
}

var (
	// reDefinedAs finds "X se définit comme", "X désigne", "on entend par X".
	reDefinedAs = regexp.MustCompile(`(?i)^(.*?)\s+(?:se\s+d[ée]finit\s+comme|se\s+d[ée]finissent\s+comme|d[ée]signe|d[ée]signent|s['’]entend\s+comme)\b`)
	reEntendPar = regexp.MustCompile(`(?i)\bon\s+entend\s+par\s+((?:[\p{L}’'-]+\s*){1,3})`)
	// reParenGloss finds a word glossed in brackets: "prospect (client
	// potentiel)", "parangonnage (benchmarking)".
	reParenGloss = regexp.MustCompile(`([\p{L}][\p{L}’'-]+)\s+\(([\p{L}][\p{L}’' -]{2,40})\)`)
	// reAcronym finds an acronym given after its words: "système
	// d'information commerciale (SIC)".
	reAcronym = regexp.MustCompile(`\s\(([A-Z]{2,6})\)`)
)

// notGloss are the words that open a bracketed remark, not a gloss.
var notGloss = map[string]bool{"à": true, "a": true, "ou": true, "hors": true, "en": true, "de": true, "du": true, "des": true, "le": true,
	"la": true, "les": true, "au": true, "aux": true, "et": true, "sauf": true, "par": true, "pour": true, "avec": true, "sans": true,
	"dont": true, "voir": true, "cf": true, "suite": true, "durée": true, "soit": true, "y": true, "notamment": true, "ex": true, "exemple": true}

// articles open a term without belonging to it.
var articles = map[string]bool{"un": true, "une": true, "le": true, "la": true, "les": true, "l": true, "des": true, "du": true, "de": true, "d": true, "ce": true, "cette": true}

// buildGlossary reads every sentence of the texts for the terms it defines.
func (e *Engine) buildGlossary() {
	for _, d := range e.Corpus.Docs {
		for i := range d.Sections {
			s := &d.Sections[i]
			for _, sent := range sentencesOf(s) {
				for _, term := range definedTerms(sent) {
					if key := e.Index.Terms(term); len(key) > 0 && len(key) <= 3 {
						e.glossary = append(e.glossary, gloss{key: key, sec: s, text: sent})
					}
				}
			}
		}
	}
}

// definedTerms are the terms a sentence defines.
func definedTerms(sent string) []string {
	var out []string
	// Cheap tests first: this runs on every sentence of the texts.
	lower := strings.ToLower(sent)
	if !strings.Contains(lower, "fini") && !strings.Contains(lower, "signe") && !strings.Contains(lower, "entend") && !strings.Contains(sent, "(") {
		return nil
	}
	if m := reDefinedAs.FindStringSubmatch(sent); m != nil {
		if t := lastWords(m[1], 3); t != "" {
			out = append(out, t)
		}
	}
	if m := reEntendPar.FindStringSubmatch(sent); m != nil {
		out = append(out, strings.TrimSpace(m[1]))
	}
	if !strings.Contains(sent, "(") {
		return out
	}
	for _, m := range reAcronym.FindAllStringSubmatch(sent, -1) {
		out = append(out, m[1])
	}
	for _, m := range reParenGloss.FindAllStringSubmatch(sent, -1) {
		inner := strings.TrimSpace(m[2])
		words := strings.Fields(strings.ToLower(inner))
		if len(words) > 4 || len([]rune(inner)) < 4 || len([]rune(m[1])) < 4 || notGloss[words[0]] {
			// "volume annuel (à titre indicatif)", "produits (ou
			// services)": a remark, not the term's other name.
			continue
		}
		out = append(out, m[1], inner)
	}
	return out
}

// lastWords is the last n words of s, without a leading article; "" when
// they hold a punctuation mark (a clause, not a term).
func lastWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) > n {
		words = words[len(words)-n:]
	}
	for len(words) > 0 && articles[strings.ToLower(strings.TrimRight(words[0], "’'"))] {
		words = words[1:]
	}
	t := strings.Join(words, " ")
	if strings.ContainsAny(t, ",;:.()") {
		return ""
	}
	return t
}

// asksMeaning reports whether a question asks what a term means.
func asksMeaning(q *Query) bool {
	if len(q.Codes) > 0 {
		return false
	}
	for _, p := range []string{"veut dire", "veulent dire", "signifie", "signifient", "signification", "definition", "definir", "au sens", "designe", "c est quoi un", "c est quoi une", "c est quoi au juste", "ca correspond a quoi",
		"c est quoi exactement", "quoi exactement", "difference avec un", "difference avec une", "difference avec le", "difference avec la"} {
		if q.Norm.Has(p) {
			return true
		}
	}
	return false
}

// definition is the sentence that defines what a question asks the meaning
// of, in the question's documents: the longest term of the glossary whose
// words the question holds. ok is false when the question asks no meaning
// or the texts define none of its terms.
func (e *Engine) definition(q *Query) (gloss, bool) {
	if !asksMeaning(q) {
		return gloss{}, false
	}
	have := map[string]bool{}
	for _, t := range e.Index.Terms(strings.Join(q.Norm.Topic, " ")) {
		have[t] = true
	}
	var best gloss
	for _, g := range e.glossary {
		if !slices.ContainsFunc(q.Docs, func(d *corpus.Doc) bool { return d.Meta.Diploma == g.sec.Diploma }) {
			continue
		}
		if len(g.key) <= len(best.key) || slices.ContainsFunc(g.key, func(t string) bool { return !have[t] }) {
			continue
		}
		best = g
	}
	return best, best.sec != nil
}

// withDefinition puts the passage that defines the term first among the
// results.
func withDefinition(res []retrieval.Result, g gloss) []retrieval.Result {
	top := 1.0
	if len(res) > 0 {
		top = res[0].Score
	}
	out := []retrieval.Result{{Section: g.sec, Score: top}}
	for _, r := range res {
		if r.Section.ID != g.sec.ID {
			out = append(out, r)
		}
	}
	return out
}

// leadWithDefinition makes the defining sentence the first lead; the best
// other lead follows it when it speaks of the same term.
func (e *Engine) leadWithDefinition(leads []sentence, g gloss, ask []term) []sentence {
	out := []sentence{{text: e.condense(g.text, ask), full: g.text, sec: g.sec}}
	for _, l := range leads {
		if l.full != g.text && !strings.Contains(g.text, l.full) && slices.ContainsFunc(g.key, func(t string) bool { return l.terms[t] }) {
			return append(out, l)
		}
	}
	return out
}
