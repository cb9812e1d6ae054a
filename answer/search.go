package answer

import (
	"context"
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// Search runs the search a question leads to, for the search command and
// the evaluation: the question's analysis (diplomas, codes, what it asks)
// shapes the query. A comparison interleaves each diploma's passages.
func (e *Engine) Search(ctx context.Context, question, diploma string, k int) ([]retrieval.Result, error) {
	q, err := e.Analyze(question, diploma)
	if err != nil {
		return nil, err
	}
	if !q.Compare {
		return e.search(ctx, q, e.subjects(q), k)
	}
	var lists [][]retrieval.Result
	for _, d := range q.Docs {
		res, err := e.search(ctx, e.narrow(q, d), nil, k)
		if err != nil {
			return nil, err
		}
		lists = append(lists, res)
	}
	var out []retrieval.Result
	for i := 0; len(out) < k; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) && len(out) < k {
				r := l[i]
				r.Rank = len(out) + 1
				out = append(out, r)
				added = true
			}
		}
		if !added {
			break
		}
	}
	return out, nil
}

// Retrieve is Search, kept for callers that name it so.
func (e *Engine) Retrieve(ctx context.Context, question, diploma string, k int) ([]retrieval.Result, error) {
	return e.Search(ctx, question, diploma, k)
}

// search runs the retrieval query of an analysed question; subjects are the
// items it names, whose parts of the texts rise.
// The passages that hold what is asked come first: the form the question
// names, the part of a function it asks, the definition of the term it asks
// the meaning of.
func (e *Engine) search(ctx context.Context, q *Query, subjects []ref, k int) ([]retrieval.Result, error) {
	form := formOf(q)
	depth := k
	if form != "" {
		// The passages of the other form go after the rest: search deeper
		// for the rest to be there.
		depth = 2 * k
	}
	res, err := e.rank(ctx, q, subjects, depth)
	if err != nil {
		return nil, err
	}
	res = preferForm(res, form)
	if len(subjects) > 0 {
		res = preferPart(res, q) // "l'autonomie en F2", not "il est autonome ?"
	}
	if def, ok := e.definition(q); ok {
		res = withDefinition(res, def)
	}
	res = res[:min(k, len(res))]
	for i := range res {
		res[i].Rank = i + 1
	}
	return res, nil
}

// rank runs the retrieval query of an analysed question.
func (e *Engine) rank(ctx context.Context, q *Query, subjects []ref, k int) ([]retrieval.Result, error) {
	rq := e.retrievalQuery(q, subjects, k)
	if len(rq.Within) == 0 {
		return e.Index.Search(ctx, rq)
	}
	// A question that names an item is answered from the part of the texts
	// the item owns first; the other passages follow.
	only := rq
	only.Only = true
	res, err := e.Index.Search(ctx, only)
	if err != nil || len(res) >= k {
		return res, err
	}
	rest, err := e.Index.Search(ctx, rq)
	if err != nil {
		return nil, err
	}
	return backfill(res, rest, k), nil
}

// headedBy are the words of the headings the texts give the parts that
// state an attribute ("Composition de la commission d'évaluation").
var headedBy = map[Attr][]string{
	AttrJury:        {"composition"},
	AttrCriteres:    {"criteres"},
	AttrDeroulement: {"deroulement"},
	AttrContenu:     {"objectif"},
	AttrQualites:    {"comportements aptitudes"},
	AttrResultats:   {"resultats attendus"},
	AttrAutonomie:   {"autonomie"},
	AttrLiaisons:    {"liaisons"},
	AttrExercice:    {"exercice"},
}

// retrievalQuery is the search an analysed question leads to.
func (e *Engine) retrievalQuery(q *Query, subjects []ref, k int) retrieval.Query {
	words, extra := e.splitAsking(q)
	rq := retrieval.Query{Text: strings.Join(words, " "), Extra: append(extra, q.Norm.Expansion...), K: k, Mode: e.Mode}
	if q.Asked(AttrHoraires) && !e.namesRow(q) {
		// Hours asked of no teaching in particular: the total row answers
		// (every row of a timetable has a "Total" column: its label says).
		rq.Text += " total"
		rq.Headed = append(rq.Headed, "total")
	}
	if len(q.Docs) == 1 {
		rq.Diploma = q.Docs[0].Meta.Diploma
	}
	// The passages that define a code rise when the code is all the
	// question is about, or names one passage (a compétence, a savoir, an
	// activity or its task); when it asks more of an épreuve ("le jury de
	// l'E4"), its words choose among the parts of the text the code names.
	if q.Optional {
		// The optional épreuves are listed from the model: their codes do
		// not steer the search.
	} else if len(subjects) == 0 || !e.asksMore(q, subjects) && q.asksRow() || q.aboutItself() && !e.epreuveRef(subjects[0]) && !q.asksPart() {
		for _, r := range q.Codes {
			rq.Codes = append(rq.Codes, r.code)
		}
	} else if !q.aboutItself() {
		// Named as context ("une dispense de l'unité 6"): the code is one
		// more word of the question, a light one.
		for _, r := range q.Codes {
			rq.Extra = append(rq.Extra, r.code)
		}
	}
	for _, a := range q.Asks {
		d := a.def()
		rq.Extra = append(rq.Extra, d.cues...)
		rq.Kinds = append(rq.Kinds, d.kinds...)
		rq.Headed = append(rq.Headed, headedBy[a]...)
	}
	// "en CCF": the parts headed by that form rise.
	switch formOf(q) {
	case formCCF:
		rq.Headed = append(rq.Headed, "controle")
	case formPonctuelle:
		rq.Headed = append(rq.Headed, "ponctuelle")
	}
	docs := map[string]bool{}
	if q.aboutItself() {
		for _, s := range subjects {
			rq.Within = append(rq.Within, e.spans(s)...)
			docs[s.doc.Meta.Diploma] = true
		}
	}
	if len(docs) == 1 {
		for d := range docs {
			rq.Diploma = d
		}
	}
	if strings.TrimSpace(rq.Text) == "" && len(rq.Codes) == 0 {
		rq.Text = strings.Join(q.Norm.Words, " ")
		if strings.TrimSpace(rq.Text) == "" {
			rq.Text = q.Raw
		}
	}
	return rq
}

// splitAsking separates the question's search words from those that ask
// for an attribute ("jury", "dure"): these weigh as the words of the texts
// that state it, since they say what kind of passage is wanted, not what it
// is about.
func (e *Engine) splitAsking(q *Query) (words, asking []string) {
	isAsking := map[string]bool{}
	for _, a := range append(append([]Attr(nil), q.Asks...), q.Dropped...) {
		if !a.asking() && !slices.Contains(q.Dropped, a) {
			continue
		}
		for _, t := range a.def().triggers {
			if !strings.Contains(t, " ") {
				isAsking[t] = true
			}
		}
	}
	for _, w := range e.searchWords(q.Norm) {
		if isAsking[w] {
			asking = append(asking, w)
		} else {
			words = append(words, w)
		}
	}
	return words, asking
}

// backfill completes first's results with rest's up to k, never above the
// last of first.
func backfill(first, rest []retrieval.Result, k int) []retrieval.Result {
	seen := map[string]bool{}
	for _, r := range first {
		seen[r.Section.ID] = true
	}
	floor := 0.0
	if len(first) > 0 {
		floor = first[len(first)-1].Score
	}
	for _, r := range rest {
		if len(first) >= k {
			break
		}
		if !seen[r.Section.ID] {
			r.Score = min(r.Score, floor)
			r.Rank = len(first) + 1
			first = append(first, r)
		}
	}
	return first
}

// asksMore reports whether a question that names items asks more than the
// facts the model holds about them: a word of its topic beyond the items'
// titles and the words that ask for those facts ("dure", "coef").
func (e *Engine) asksMore(q *Query, subjects []ref) bool {
	if q.asksText() {
		return true
	}
	asking := map[string]bool{}
	for _, a := range q.Asks {
		for _, t := range a.def().triggers {
			for _, w := range retrieval.Tokens(t) {
				asking[w] = true
			}
		}
	}
	for _, w := range e.residual(q.Norm, subjects) {
		if !asking[w] {
			return true
		}
	}
	return false
}

// narrow is a comparison's question restricted to one référentiel.
func (e *Engine) narrow(q *Query, d *corpus.Doc) *Query {
	sub := *q
	sub.Docs = []*corpus.Doc{d}
	sub.Compare = false
	sub.Codes, sub.Missing = e.resolveCodes(codeWords(q.Raw), sub.Docs)
	if len(sub.Codes) == 0 {
		sub.Codes = optionalEpreuves(&sub)
		sub.Optional = len(sub.Codes) > 0
	}
	sub.Titles = nil
	if len(sub.Codes) == 0 && aboutEpreuve(&sub) {
		// "en NRC c'est que de l'oral ? et en CCST il y a un écrit ?": each
		// diploma's épreuve is named in its own clause.
		// Its own words first ("et en CCST y a un écrit"), with the words
		// of the whole question that name no part of an épreuve ("la LV
		// obligatoire"); then what both share; then the whole question.
		own, clause := e.clauseOf(q, d)
		for _, n := range []retrieval.Normal{e.withContext(own, q, d), clause, q.Norm} {
			if len(sub.Titles) == 0 && len(n.Words) > 0 {
				sub.Titles = e.epreuvesByTitle(n, sub.Docs)
			}
		}
	}
	return &sub
}

// withContext adds to a clause the words of the whole question that name
// no part of the diploma's épreuves: they may name the épreuve, while the
// part is chosen by the clause's own words.
func (e *Engine) withContext(own retrieval.Normal, q *Query, d *corpus.Doc) retrieval.Normal {
	if len(own.Words) == 0 {
		return own
	}
	parts := map[string]bool{}
	var walk func(list []tutor.Epreuve, inside bool)
	walk = func(list []tutor.Epreuve, inside bool) {
		for i := range list {
			if inside {
				for _, t := range e.Index.Terms(list[i].Title) {
					parts[t] = true
				}
			}
			walk(list[i].Parts, true)
		}
	}
	walk(d.Model.Epreuves, false)
	words := slices.Clone(own.Words)
	for _, w := range q.Norm.Words {
		if !slices.ContainsFunc(e.Index.Terms(w), func(t string) bool { return parts[t] }) {
			words = append(words, w)
		}
	}
	return retrieval.Normal{Words: words, Expansion: own.Expansion}
}

// reQuestionSentence splits a question into its sentences.
var reQuestionSentence = regexp.MustCompile(`[?!;.]+\s*`)

// sentencesOf is clauseOf for a question whose sentences each name one
// diploma ("la LV c'est que de l'oral en NRC ? et en CCST il y a un
// écrit ?"): the sentences naming d alone, and with them those naming
// none. ok is false when no sentence names d alone, or when one sentence
// names both.
func (e *Engine) sentencesOf(q *Query, d *corpus.Doc) (own, clause retrieval.Normal, ok bool) {
	names := func(n retrieval.Normal, doc *corpus.Doc) bool {
		return slices.ContainsFunc(diplomaNames(doc.Meta), n.Has)
	}
	var mine, shared []string
	for _, part := range reQuestionSentence.Split(q.Raw, -1) {
		n := e.norm.Normalize(part)
		var in []*corpus.Doc
		for _, doc := range q.Docs {
			if names(n, doc) {
				in = append(in, doc)
			}
		}
		switch {
		case len(in) > 1:
			return own, clause, false
		case len(in) == 0:
			shared = append(shared, n.Words...)
		case in[0] == d:
			mine = append(mine, n.Words...)
		}
	}
	if len(mine) == 0 {
		return own, clause, false
	}
	return retrieval.Normal{Words: mine, Expansion: q.Norm.Expansion}, retrieval.Normal{Words: append(shared, mine...), Expansion: q.Norm.Expansion}, true
}

// clauseOf is the part of a comparison that is about one diploma: its own
// words, from the diploma's name to the next diploma's, and with them what
// comes before the first diploma named. Both are empty when the question
// does not name the diplomas apart.
func (e *Engine) clauseOf(q *Query, d *corpus.Doc) (own, clause retrieval.Normal) {
	if own, clause, ok := e.sentencesOf(q, d); ok {
		return own, clause
	}
	words := q.Norm.Words
	owner := make([]*corpus.Doc, len(words)) // the diploma named at each word
	for _, doc := range q.Docs {
		for _, name := range diplomaNames(doc.Meta) {
			nw := strings.Fields(name)
			for i := 0; i+len(nw) <= len(words); i++ {
				if slices.Equal(words[i:i+len(nw)], nw) {
					owner[i] = doc
				}
			}
		}
	}
	var mine, shared []string
	var cur *corpus.Doc
	named := 0
	for i, w := range words {
		if owner[i] != nil {
			if owner[i] != cur {
				named++
			}
			cur = owner[i]
		}
		switch cur {
		case nil:
			shared = append(shared, w)
		case d:
			mine = append(mine, w)
		}
	}
	if named < 2 {
		return retrieval.Normal{}, retrieval.Normal{}
	}
	return retrieval.Normal{Words: mine, Expansion: q.Norm.Expansion}, retrieval.Normal{Words: append(shared, mine...), Expansion: q.Norm.Expansion}
}

// subjects are the items a question names: its codes, else the épreuves it
// names by title.
func (e *Engine) subjects(q *Query) []ref {
	if q.Optional {
		return nil // listed from the model; the search stays open
	}
	if len(q.Codes) > 0 {
		return q.Codes
	}
	return q.Titles
}

// spans are the parts of the texts that an item's answers come from: an
// épreuve's row and definition, a compétence's table, a savoir with its
// limits, an activité with its tasks.
func (e *Engine) spans(r ref) []retrieval.Span {
	dip := r.doc.Meta.Diploma
	m := r.doc.Model
	var out []retrieval.Span
	add := func(l tutor.Lines) {
		if l[0] > 0 {
			out = append(out, retrieval.Span{Diploma: dip, Lines: l, Code: r.code})
		}
	}
	if ep, ok := m.Epreuve(r.code); ok {
		add(ep.Lines)
		add(ep.DefLines)
		for _, p := range ep.Parts {
			add(p.Lines)
			add(p.DefLines)
		}
		return out
	}
	if c, ok := m.Competence(r.code); ok {
		add(c.Lines)
		return out
	}
	if s, ok := m.Savoir(r.code); ok {
		add(s.Lines)
		if p, ok := m.Savoir(s.Parent); ok {
			add(p.Lines)
		}
		return out
	}
	for _, a := range m.Activites {
		if a.Code == r.code || strings.HasPrefix(r.code, a.Code+"T") {
			add(a.Lines)
		}
	}
	return out
}

// ref is a code resolved in one document.
type ref struct {
	doc  *corpus.Doc
	code string
}

// resolveCodes finds the codes of a question in the target documents.
// missing lists codes found in no target.
func (e *Engine) resolveCodes(q string, docs []*corpus.Doc) (found []ref, missing []string) {
	for _, m := range questionCodes(q) {
		raw := strings.Join(strings.Fields(m.Raw), "")
		// "c 3 4": the code goes on after a space ("C3.4", "C34") when
		// that code exists.
		if next := reNextDigits.FindStringSubmatch(q[m.End:]); next != nil && next[2] == "" && e.addCodes(&found, raw+next[1], docs) {
			continue
		}
		if !e.addCodes(&found, raw, docs) {
			missing = append(missing, strings.ToUpper(raw))
		}
	}
	return found, missing
}

// addCodes adds the references a code as written stands for in docs, and
// reports whether there is one. "C1.3" or "C4-1" says its style: the first
// reading that exists wins. "c13" may be either, and both are answered.
func (e *Engine) addCodes(found *[]ref, raw string, docs []*corpus.Doc) bool {
	explicit := tutor.ExplicitStyle(raw)
	ok := false
	for _, c := range tutor.CodeCandidates(raw) {
		for _, d := range docs {
			if !docHasCode(d, c) {
				continue
			}
			ok = true
			if !hasRef(*found, d, c) {
				*found = append(*found, ref{d, c})
			}
		}
		if ok && explicit {
			break
		}
	}
	// "f1.3": activité 1.3 of function 1, in a référentiel that numbers its
	// activities within functions (the NRC's A1.3).
	if c := strings.ToUpper(raw); !ok && strings.HasPrefix(c, "F") && strings.Contains(c, ".") {
		fn, _, _ := strings.Cut(c, ".")
		for _, d := range docs {
			if a := "A" + c[1:]; docHasCode(d, fn) && docHasCode(d, a) && !hasRef(*found, d, a) {
				*found = append(*found, ref{d, a})
				ok = true
			}
		}
	}
	return ok
}

// reNextDigits finds a number just after a code, a space apart.
// What follows may show the number counts something: "c1 2 fois".
var reNextDigits = regexp.MustCompile(`(?i)^\s(\d{1,2})\b(\s*(?:fois\b|semaines?|heures?|h\b|min))?`)

func hasRef(list []ref, d *corpus.Doc, code string) bool {
	for _, r := range list {
		if r.doc == d && r.code == code {
			return true
		}
	}
	return false
}

func docHasCode(d *corpus.Doc, code string) bool {
	if d.Model.HasCode(code) {
		return true
	}
	for i := range d.Sections {
		if d.Sections[i].HasCode(code) {
			return true
		}
	}
	return false
}
