package answer

import (
	"slices"
	"strings"

	"github.com/btstutor/tutor/retrieval"
)

// term is a weighted index term of what a question asks; cue is set for the
// words that only say what kind of answer is wanted ("composée", "limites").
type term struct {
	t   string
	w   float64
	cue bool
	// heading is set for the words of the heading that names the part
	// stating what is asked (headedBy): a passage under it ranks first.
	heading bool
	// focus is set for the words of the texts that the student's own
	// expression stands for ("personnel" for "en binôme").
	focus bool
	// states is set for the words that state an attribute asked by words
	// that only ask ("préparation" for "combien de temps de prépa").
	states bool
}

// alsoAsking are words that ask for an attribute once it is asked, but are
// too common to tell it on their own: "des heures" of a timetable.
var alsoAsking = map[Attr][]string{
	AttrHoraires: {"heures", "heure", "semaine"},
	AttrContenu:  {"sert", "servir", "but"},
}

// askTerms are the index terms a sentence must hold to answer: the question's
// own words and codes, the pairs of them, the words they stand for and the
// words that state what is asked, each weighted by its rarity.
func (e *Engine) askTerms(q *Query, subjects []ref) []term {
	var out []term
	seen := map[string]bool{}
	add := func(t string, w float64) {
		if seen[t] {
			return
		}
		seen[t] = true
		if idf := e.Index.IDF(t); idf > 0 {
			out = append(out, term{t: t, w: w * idf, cue: w == weightCue})
		}
	}
	asking := e.askingTerms(q)
	own := e.Index.Terms(strings.Join(e.residual(q.Norm, subjects), " "))
	for _, t := range own {
		if !asking[t] {
			add(t, 1)
		}
	}
	for _, r := range q.Codes {
		add(retrieval.CodeTerm(r.code), weightCode)
	}
	for _, t := range retrieval.Bigrams(own) {
		add(t, weightBigram)
	}
	for _, at := range q.Asks {
		for _, t := range e.Index.Terms(strings.Join(at.def().cues, " ")) {
			add(t, weightCue)
			if at.asking() && len(out) > 0 && out[len(out)-1].t == t {
				out[len(out)-1].states = true
			}
		}
		// The heading that names the part ("Composition de la
		// commission") says what its sentences state; a heading's word
		// counts half, so it weighs twice.
		for _, t := range e.Index.Terms(strings.Join(headedBy[at], " ")) {
			if e.Index.IDF(t) == 0 {
				continue
			}
			h := term{t: t, w: 2 * weightCue * e.Index.IDF(t), heading: true}
			if i := slices.IndexFunc(out, func(o term) bool { return o.t == t }); i >= 0 {
				out[i] = h
				continue
			}
			seen[t] = true
			out = append(out, h)
		}
	}
	for _, t := range own {
		add(t, weightCue) // the asking words left
	}
	// What the student's own expression stands for ("personnel" for "en
	// binôme") is what the question is about: it weighs most.
	for _, t := range e.Index.Terms(strings.Join(q.Norm.Focus, " ")) {
		if !seen[t] {
			add(t, weightFocus)
			if len(out) > 0 && out[len(out)-1].t == t {
				out[len(out)-1].focus = true
			}
		}
	}
	expansion := e.Index.Terms(strings.Join(q.Norm.Expansion, " "))
	for _, t := range expansion {
		add(t, weightExpansion)
	}
	// An expression the texts use for the student's ("la recherche des
	// entreprises d'accueil" for "trouver mon stage") counts whole too.
	for _, t := range retrieval.Bigrams(expansion) {
		add(t, weightExpansion*weightBigram)
	}
	return out
}

// askingTerms are the index terms of the words that ask for an attribute
// ("jury", "dure"): they only say what kind of answer is wanted, and weigh
// as the words that state it do.
func (e *Engine) askingTerms(q *Query) map[string]bool {
	asking := map[string]bool{}
	for _, at := range append(append([]Attr(nil), q.Asks...), q.Dropped...) {
		for _, tr := range alsoAsking[at] {
			for _, t := range e.Index.Terms(tr) {
				asking[t] = true
			}
		}
		if !at.asking() && !slices.Contains(q.Dropped, at) {
			continue
		}
		for _, tr := range at.def().triggers {
			for _, t := range e.Index.Terms(tr) {
				asking[t] = true
			}
		}
	}
	return asking
}

// answers decides whether the texts answer a question that names no item:
// it must be about the studies (a word of the texts' headings or of school,
// a diploma named, something asked), not made mostly of words the texts never
// use, and a passage must hold enough of it.
func (e *Engine) answers(q *Query, res []retrieval.Result) bool {
	if !e.anchored(q) {
		return false
	}
	if e.unknownSide(q) {
		return false
	}
	ev, known, unknown, held := e.evidenceDetail(q, res)
	return held > 0 && ev >= minEvidence && !(unknown >= 2 && known <= 1)
}

// unknownSide reports whether a question compares two things ("la
// différence entre un virus et une bactérie") one of which the texts never
// name: they cannot tell the difference. Each side is the few words around
// "entre … et …"; a side is unknown when it holds words of the topic and
// the texts use none of them.
func (e *Engine) unknownSide(q *Query) bool {
	const span = 4
	topic := map[string]bool{}
	for _, w := range q.Norm.Topic {
		topic[w] = true
	}
	unknown := func(side []string) bool {
		n := 0
		for _, x := range side {
			if !topic[x] {
				continue
			}
			// A diploma or a code is known whatever its texts' words.
			if e.weight(x) > 0 || e.Corpus.Doc(x) != nil || hasDigit(x) {
				return false
			}
			n++
		}
		return n > 0
	}
	w := q.Norm.Words
	i := slices.Index(w, "entre")
	if i < 0 {
		return false
	}
	j := slices.Index(w[i+1:min(len(w), i+2+span)], "et")
	if j < 0 {
		return false
	}
	left, right := w[i+1:i+1+j], w[i+2+j:min(len(w), i+2+j+span)]
	return unknown(left) || unknown(right)
}

// weight is how much a student's word tells: the rarity in the texts of the
// word or of the words it stands for; 0 for a word the texts never use.
func (e *Engine) weight(w string) float64 {
	weight := e.Index.IDF(retrieval.Stem(w))
	for _, s := range e.norm.StandsFor(w) {
		weight = max(weight, e.Index.IDF(retrieval.Stem(s)))
	}
	return weight
}

// anchored reports whether a question is about the studies at all.
func (e *Engine) anchored(q *Query) bool {
	if q.Named || len(q.Codes) > 0 || len(q.Titles) > 0 || len(q.Asks) > 0 {
		return true
	}
	for _, w := range q.Norm.Topic {
		if e.anchors[retrieval.Stem(w)] {
			return true
		}
	}
	return false
}

// evidence tells whether the texts answer: the share of the question's topic
// (its words weighted by rarity) that the best of the first passages holds.
// A student's word counts as held when a word of the texts it stands for is.
// Words the texts never use are not looked for, but a question made mostly of
// them is about something else ("la capitale du Canada"): the evidence is
// scaled down by their share.
func (e *Engine) evidence(q *Query, res []retrieval.Result) float64 {
	ev, _, _, _ := e.evidenceDetail(q, res)
	return ev
}

// evidenceDetail is evidence with its counts: the distinct words of the
// question the texts know and do not know, and the most of the known ones
// that one passage holds.
func (e *Engine) evidenceDetail(q *Query, res []retrieval.Result) (ev float64, known, unknown, held int) {
	words := e.residual(q.Norm, nil)
	if len(words) == 0 {
		return 1, 0, 0, 0
	}
	type want struct {
		alts []string
		w    float64
	}
	var wants []want
	var knownW, unknownW float64
	rarest := 0.0
	seen := map[string]bool{}
	for _, w := range words {
		t := retrieval.Stem(w)
		if seen[t] || hasDigit(w) {
			continue
		}
		seen[t] = true
		alts, weight := []string{t}, e.weight(w)
		for _, s := range e.norm.StandsFor(w) {
			if st := retrieval.Stem(s); e.Index.IDF(st) > 0 {
				alts = append(alts, st)
			}
		}
		rarest = max(rarest, weight)
		if weight == 0 {
			unknownW++
			unknown++
			continue
		}
		knownW += weight
		known++
		wants = append(wants, want{alts, weight})
	}
	// What the student's expressions stand for ("facile à garder":
	// fidéliser) is one more thing asked, held by any of its words.
	var exp want
	for _, x := range q.Norm.Expansion {
		t := retrieval.Stem(x)
		if idf := e.Index.IDF(t); idf > 0 && !seen[t] {
			seen[t] = true
			exp.alts = append(exp.alts, t)
			exp.w = max(exp.w, idf)
		}
	}
	if len(exp.alts) > 0 {
		wants = append(wants, exp)
		knownW += exp.w
		known++
	}
	if knownW == 0 {
		return 0, 0, unknown, 0
	}
	best := 0.0
	for i, r := range res {
		if i >= leadDepth {
			break
		}
		got, n := 0.0, 0
		for _, w := range wants {
			for _, alt := range w.alts {
				if e.Index.Holds(r.Section, alt) {
					got += w.w
					n++
					break
				}
			}
		}
		best = max(best, got/knownW)
		held = max(held, n)
	}
	if share := knownW / (knownW + unknownW*rarest); share < 0.5 {
		best *= share / 0.5
	}
	return best, known, unknown, held
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
