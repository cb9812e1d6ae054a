package answer

import (
	"strings"

	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// intent is what a question asks about an item of the référentiel.
type intent struct {
	coef, duree, prep, forme, competences, criteres, limites bool
	// card asks for everything the model holds, as a reference card.
	card bool
}

// about reports whether the question asks for a fact the model holds.
func (in intent) about() bool {
	return in.coef || in.duree || in.prep || in.forme || in.competences || in.criteres
}

func parseIntent(q string) intent {
	f := " " + strings.Join(retrieval.Words(q), " ") + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(f, w) {
				return true
			}
		}
		return false
	}
	return intent{
		coef:        has(" coef", "coeff", "poids", " compte pour", " rapporte"),
		duree:       has(" duree", " dure ", " durent", "combien de temps", " temps ", " heures", " minutes", " longtemps", " long "),
		prep:        has("prepa"),
		forme:       has(" forme", " ecrit", " oral", "comment se passe", "deroul", " ccf", "ponctuel", " type d epreuve"),
		competences: has(" competences", " evalue", " evaluees", " valide"),
		criteres:    has(" critere", " exige", " note sur", " jury attend"),
		limites:     has(" limite", "jusqu ou", "jusquou", " jusqu", " programme", " a savoir", " faut il savoir", " approfondi"),
	}
}

// genericTitleWords do not identify an épreuve by themselves.
var genericTitleWords = map[string]bool{
	"epreuv": true, "bts": true, "unit": true, "commercial": true, "commercial ": true,
	"solut": true, "techniqu": true, "relat": true, "client": true, "ccst": true, "nrc": true,
	"oral": true, "ecrit": true, "coef": true, "coefficient": true, "dur": true, "duree": true,
}

// epreuvesByTitle finds the épreuves a question names by their title words
// ("l'épreuve de management", "l'oral de langue").
func (e *Engine) epreuvesByTitle(q string, docs []*corpus.Doc) []ref {
	qs := map[string]bool{}
	for _, t := range (retrieval.Analyzer{}).Terms(q, "x") {
		if !genericTitleWords[t] && !strings.HasPrefix(t, "#") {
			qs[t] = true
		}
	}
	type cand struct {
		r     ref
		score int
	}
	var best []cand
	top := 0
	for _, d := range docs {
		for _, ep := range d.Model.Epreuves {
			list := append([]struct{ code, title string }{{ep.Code, ep.Title}}, nil...)
			for _, p := range ep.Parts {
				list = append(list, struct{ code, title string }{p.Code, p.Title})
			}
			for _, it := range list {
				score := 0
				for _, t := range (retrieval.Analyzer{}).Terms(it.title, "x") {
					if qs[t] {
						score++
						qs[t] = qs[t] // count each question word once per title
					}
				}
				switch {
				case score > top:
					top, best = score, []cand{{ref{d, it.code}, score}}
				case score == top && score > 0:
					best = append(best, cand{ref{d, it.code}, score})
				}
			}
		}
	}
	if top == 0 || len(best) > 2 {
		return nil
	}
	var out []ref
	for _, c := range best {
		out = append(out, c.r)
	}
	return out
}
