package answer

import (
	"maps"
	"slices"
	"sort"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// intent is what the facts of the structured model must state about an item.
type intent struct {
	coef, duree, prep, forme, competences, criteres, limites, conditions bool
	// card asks for everything the model holds, as a reference card.
	card bool
}

// about reports whether the question asks for a fact the model holds.
func (in intent) about() bool {
	return in.coef || in.duree || in.prep || in.forme || in.competences || in.criteres
}

// intentOf is what a question asks of the model.
func intentOf(q *Query) intent {
	return intent{
		coef:        q.Asked(AttrCoef),
		duree:       q.Asked(AttrDuree),
		prep:        q.Asked(AttrPreparation),
		forme:       q.Asked(AttrForme) || q.Asked(AttrSituations),
		competences: q.Asked(AttrCompetences),
		criteres:    q.Asked(AttrCriteres),
		limites:     q.Asked(AttrLimites),
		conditions:  q.Norm.Has("conditions de realisation") || q.Norm.Has("conditions"),
	}
}

// genericWords name a kind of item, the exam itself or the kind of question
// ("au programme", "jusqu'à quel niveau"), not what it is about. What the
// question asks is read from them (attrs.go); its topic is the rest.
var genericWords = map[string]bool{
	"bts": true, "diplome": true, "diplomes": true, "referentiel": true, "referentiels": true,
	"epreuve": true, "epreuves": true, "unite": true, "unites": true, "code": true, "codes": true,
	"sous": true, "examen": true, "programme": true, "limite": true, "limites": true, "niveau": true,
	"connaitre": true, "connaissances": true, "etudie": true, "etudier": true, "etudies": true,
	"apprendre": true, "apprend": true, "aborde": true, "abordes": true, "approfondi": true,
	"pousse": true, "poussee": true, "poussees": true, "detail": true, "savoir": true, "savoirs": true,
	"competence": true, "competences": true, "tache": true, "taches": true, "activite": true, "activites": true,
}

// searchWords are the words a question is searched with: its topic without
// the diploma names (the texts rarely name their own diploma) and the words
// that only name a kind of item.
func (e *Engine) searchWords(n retrieval.Normal) []string {
	var out []string
	for _, w := range e.withoutNames(n.Topic) {
		if !genericWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// withoutNames removes the diplomas' names from a list of words: "nrc",
// "négociation et relation client" as a whole (its words alone are topics).
func (e *Engine) withoutNames(words []string) []string {
	var names [][]string
	for _, d := range e.Corpus.Docs {
		// Its code and title; not the aliases ("technico-commercial"), which
		// are words of the texts too.
		for _, name := range diplomaNames(d.Meta)[:2] {
			names = append(names, strings.Fields(name))
		}
	}
	var out []string
	for i := 0; i < len(words); {
		skip := 0
		for _, nm := range names {
			if len(nm) > skip && i+len(nm) <= len(words) && strings.Join(words[i:i+len(nm)], " ") == strings.Join(nm, " ") {
				skip = len(nm)
			}
		}
		if skip > 0 {
			i += skip
			continue
		}
		out = append(out, words[i])
		i++
	}
	return out
}

// residual lists a question's topic words once its diploma names, the kind
// of item and the words of the items it names are set aside: what else it
// asks ("jury" in "qui est dans le jury de l'E4").
func (e *Engine) residual(n retrieval.Normal, subjects []ref) []string {
	titleStems := map[string]bool{}
	for _, s := range subjects {
		for _, t := range e.Index.Terms(e.titleOf(s)) {
			titleStems[t] = true
		}
	}
	var out []string
	for _, w := range e.withoutNames(n.Topic) {
		if genericWords[w] || e.norm.IsNoise(w) || len(w) < 2 {
			continue
		}
		if titleStems[retrieval.Stem(w)] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// titleOf is the title of an item the model holds, "" if none.
func (e *Engine) titleOf(r ref) string {
	m := r.doc.Model
	if ep, ok := m.Epreuve(r.code); ok {
		return ep.Title
	}
	if c, ok := m.Competence(r.code); ok {
		return c.Title
	}
	if s, ok := m.Savoir(r.code); ok {
		return s.Title
	}
	for _, a := range m.Activites {
		if a.Code == r.code {
			return a.Title
		}
	}
	return ""
}

// genericTitleWords do not identify an épreuve by themselves.
var genericTitleWords = map[string]bool{
	"epreuv": true, "bts": true, "unit": true, "commercial": true, "commercial ": true,
	"solut": true, "techniqu": true, "relat": true, "client": true, "ccst": true, "nrc": true,
	"oral": true, "ecrit": true, "coef": true, "coefficient": true, "dur": true, "duree": true,
}

// epreuvesByTitle finds the épreuves a question names by their title
// ("l'épreuve de management", "la conduite et présentation de projets
// commerciaux", "l'oral de langue"): the titles whose distinctive words the
// question holds, weighted by rarity, phrases counting more. The best title is
// kept when it is clearly ahead; two when they tie (an épreuve and its part).
func (e *Engine) epreuvesByTitle(n retrieval.Normal, docs []*corpus.Doc) []ref {
	qterms := e.Index.Terms(strings.Join(n.Words, " "))
	qs := map[string]float64{}
	for _, t := range append(qterms, retrieval.Bigrams(qterms)...) {
		qs[t] = 1
	}
	// The texts' words a student's stand for ("l'anglais": a langue
	// vivante étrangère) name titles too, less than the texts' own words
	// the student wrote ("module d'approfondissement").
	exp := e.Index.Terms(strings.Join(n.Expansion, " "))
	for _, t := range append(exp, retrieval.Bigrams(exp)...) {
		if qs[t] == 0 {
			qs[t] = expandedTitleWord
		}
	}
	cands := e.titleCandidates(n, docs, qs)
	if len(cands) == 0 || e.notion(n) {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	best := cands[0].score
	// "la partie comm-nego" names the savoirs' domain S7
	// Communication-négociation, not the épreuve Communication commerciale;
	// "la fonction organisation et management de l'activité commerciale"
	// names a function, not the épreuve E5.
	for _, d := range docs {
		for _, s := range d.Model.Savoirs {
			if e.titleScore(s.Title, qs, nil) > best {
				return nil
			}
		}
		for _, a := range d.Model.Activites {
			if e.titleScore(a.Title, qs, nil) > best {
				return nil
			}
		}
	}
	var out []ref
	for _, c := range cands {
		switch {
		case c.score >= best*0.999:
			out = append(out, c.r)
		case c.score > best/1.5 && !e.namesMore(cands[0].title, c.title, qs):
			// A close second: the title is not clearly named. A title
			// whose words the first's holds too is no second: the first
			// names it and more ("l'écrit de langue vivante" is E21, not
			// E2 or EF1 « Langue vivante »).
			return nil
		}
	}
	if len(out) > 2 {
		return nil
	}
	return out
}

// expandedTitleWord is how much a word of the texts that a student's word
// stands for counts in naming a title, against 1 for a word written.
const expandedTitleWord = 0.5

// titleCand is an épreuve a question may name by its title, with how much
// of the title it holds.
type titleCand struct {
	r     ref
	title string // with its épreuve's, for a part named by both
	score float64
}

// namesMore reports whether every term of the question that title b holds,
// title a holds too.
func (e *Engine) namesMore(a, b string, qs map[string]float64) bool {
	in := map[string]bool{}
	ta := e.Index.Terms(a)
	for _, t := range append(ta, retrieval.Bigrams(ta)...) {
		in[t] = true
	}
	tb := e.Index.Terms(b)
	for _, t := range append(tb, retrieval.Bigrams(tb)...) {
		if qs[t] > 0 && !in[t] {
			return false
		}
	}
	return true
}

// titleCandidates are the épreuves whose titles the question's terms qs
// hold, with their scores.
// notion reports whether a question asks about a thing in general ("c'est
// quoi un projet commercial ?"), not the épreuve titled with its words: a
// word of the texts right after "un" or "une", and no word of an exam.
func (e *Engine) notion(n retrieval.Normal) bool {
	for _, w := range []string{"epreuve", "epreuves", "oral", "ecrit", "exam", "examen", "coef", "coefficient", "duree", "jury", "note"} {
		if slices.Contains(n.Words, w) {
			return false
		}
	}
	for i, w := range n.Words[:max(len(n.Words)-1, 0)] {
		if (w == "un" || w == "une") && e.weight(n.Words[i+1]) > 0 && !retrieval.IsStopWord(n.Words[i+1]) {
			return true
		}
	}
	return false
}

func (e *Engine) titleCandidates(n retrieval.Normal, docs []*corpus.Doc, qs map[string]float64) []titleCand {
	// "la langue obligatoire" is not the optional épreuve of the same
	// title; "l'épreuve facultative de langue" is.
	optional := n.Has("facultative") || n.Has("facultatif") || n.Has("option") || n.Has("en option")
	mandatory := n.Has("obligatoire") || n.Has("obligatoires")
	var cands []titleCand
	consider := func(d *corpus.Doc, ep *tutor.Epreuve, title string, own map[string]bool) {
		if mandatory && !optional && ep.Optional || optional && !mandatory && !ep.Optional {
			return
		}
		if sc := e.titleScore(title, qs, own); sc > 0 {
			cands = append(cands, titleCand{ref{d, ep.Code}, title, sc})
		}
	}
	// A part is named with its épreuve's words ("l'écrit de langue": E21,
	// under E2 Langue vivante) once one of its own words is there.
	var walk func(d *corpus.Doc, list []tutor.Epreuve, parent string)
	walk = func(d *corpus.Doc, list []tutor.Epreuve, parent string) {
		for i := range list {
			ep := &list[i]
			title, own := ep.Title, map[string]bool(nil)
			if parent != "" {
				// Among its siblings, even a common word ("écrit", "oral")
				// tells a part.
				own = map[string]bool{}
				for _, t := range e.Index.Terms(ep.Title) {
					own[t] = qs[t] > 0
				}
				if slices.Contains(slices.Collect(maps.Values(own)), true) {
					title = parent + " " + ep.Title
				}
			}
			consider(d, ep, title, own)
			walk(d, ep.Parts, title)
		}
	}
	for _, d := range docs {
		walk(d, d.Model.Epreuves, "")
	}
	return cands
}

// titleScore is how much of a title a question's terms hold: the rarity of
// its distinctive words found, and a bonus for each pair found side by side.
// A title named by one common word only scores 0. The words of distinctive
// count even when common (a part's own words, among its siblings).
func (e *Engine) titleScore(title string, qs map[string]float64, distinctive map[string]bool) float64 {
	terms := e.Index.Terms(title)
	score, words := 0.0, 0
	seen := map[string]bool{}
	for _, t := range terms {
		if genericTitleWords[t] && !distinctive[t] || seen[t] || qs[t] == 0 {
			continue
		}
		seen[t] = true
		score += e.Index.IDF(t) * qs[t]
		words++
	}
	for _, b := range retrieval.Bigrams(terms) {
		if qs[b] > 0 {
			score += 2 * qs[b]
		}
	}
	if words == 0 || (words == 1 && len(distinct(terms)) > 2 && score < 4) {
		return 0
	}
	return score
}

func distinct(terms []string) map[string]bool {
	out := map[string]bool{}
	for _, t := range terms {
		if !genericTitleWords[t] {
			out[t] = true
		}
	}
	return out
}
