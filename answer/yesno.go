package answer

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/retrieval"
)

// reNegation finds what a sentence denies: "ne seront pas abordés",
// "aucun", "exclut".
var reNegation = regexp.MustCompile(`\b(?:ne|n)\s+(?:\S+\s+){0,3}?(?:pas|plus|jamais|point|ni)\b|\b(?:aucun|aucune|exclu|exclus|exclue|exclues|exclut|interdit|interdits|interdite)\b`)

// yesNo answers a closed question "Oui." or "Non." only when the sentence
// that answers states it: it holds most of what is asked (a student's word
// or a word of the texts it stands for; its heading's words count half), and
// it either denies it ("ne seront
// pas abordés", "aucun", "exclut") or grants it (may, must, authorised, or
// the item is listed among the savoirs of the programme). The question's own
// polarity ("on fera pas de…, c'est vrai ?") turns the answer. Otherwise it
// says nothing and the sentence speaks for itself.
func (e *Engine) yesNo(q *Query, l sentence) string {
	head := map[string]bool{}
	for _, t := range e.Index.Terms(l.sec.Path()) {
		head[t] = true
	}
	var got, total float64
	for _, w := range e.residual(q.Norm, e.subjects(q)) {
		t := retrieval.Stem(w)
		idf := e.Index.IDF(t)
		if idf == 0 {
			continue
		}
		total += idf
		held := l.terms[t]
		for _, s := range e.norm.StandsFor(w) {
			held = held || l.terms[retrieval.Stem(s)]
		}
		switch {
		case held:
			got += idf
		case head[t]:
			// What the heading says frames the sentence; it does not
			// state it.
			got += idf / 2
		}
	}
	if total == 0 || got/total < 0.5 {
		return ""
	}
	text := " " + strings.Join(retrieval.Tokens(l.full), " ") + " "
	var yes bool
	switch {
	case reNegation.MatchString(text):
		yes = false
	case reGrant.MatchString(text) || l.sec.Kind == tutor.KindSavoir && q.Asked(AttrLimites):
		yes = true
	default:
		return ""
	}
	if yes != q.Negative {
		return "Oui. "
	}
	return "Non. "
}

// reGrant finds what a sentence allows or requires.
var reGrant = regexp.MustCompile(`\b(?:peut|peuvent|pourra|pourront|autorise|autorises|autorisee|autorisees|obligatoire|obligatoirement|doit|doivent|possible)\b`)
