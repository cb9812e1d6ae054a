// Package answer turns a student's question into a cited Reply. The question
// is analysed once (Analyze): normalised, its diplomas, codes and what it asks
// read. Facts the structured référentiel model holds are stated from it; what
// only the texts hold is answered with the sentences of the passage that says
// it, quoted and cited; a question the texts do not answer is refused, with
// the reason. Nothing is stated that a cited passage does not say.
package answer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// Errors returned for bad input; their text is shown to users.
var (
	ErrEmpty          = errors.New("la question est vide")
	ErrTooLong        = fmt.Errorf("la question dépasse %d caractères", tutor.MaxQuestionLen)
	ErrInvalidUTF8    = errors.New("la question contient des caractères invalides (UTF-8 attendu)")
	ErrUnknownDiploma = errors.New("diplôme inconnu")
)

// Mode names written in replies.
const ModeExtractive = "extractive"

// searchDepth is the number of passages an answer looks at.
const searchDepth = 8

// Engine answers questions from a corpus and its index.
type Engine struct {
	Corpus *corpus.Corpus
	Index  *retrieval.Index
	// Mode is the retrieval ranking used (fused by default); the evaluation
	// compares modes.
	Mode retrieval.Mode

	norm       *retrieval.Normalizer
	foldedText map[string]string // diploma → its text's words, folded, space-padded
	// anchors are the index terms that say a question is about the
	// studies: every word of the texts' headings, and the students' own
	// words for school (lexicon.txt, [domaine]).
	anchors map[string]bool
	// rowWords are the index terms of the timetables' row labels: the
	// teachings a question about hours can name.
	rowWords map[string]bool
	// glossary holds the sentences that define a term (define.go).
	glossary []gloss
}

// New builds the index over a corpus. It fails when embedding fails.
func New(ctx context.Context, c *corpus.Corpus, opts retrieval.Options) (*Engine, error) {
	styles := map[string]string{}
	for _, d := range c.Docs {
		styles[d.Meta.Diploma] = d.Meta.CodeStyle
	}
	x, err := retrieval.New(ctx, c.Sections(), styles, opts)
	if err != nil {
		return nil, err
	}
	keep := triggerWords()
	norm, err := retrieval.NewNormalizer(x.Vocabulary(), func(w string) bool {
		return keep[w] || x.IDF(retrieval.Stem(w)) > 0
	})
	if err != nil {
		return nil, err
	}
	e := &Engine{Corpus: c, Index: x, norm: norm, foldedText: map[string]string{}, anchors: map[string]bool{}, rowWords: map[string]bool{}}
	for _, d := range c.Docs {
		e.foldedText[d.Meta.Diploma] = " " + strings.Join(retrieval.Tokens(d.Text), " ") + " "
		for i := range d.Sections {
			s := &d.Sections[i]
			for _, h := range s.Breadcrumb {
				for _, t := range x.Terms(h) {
					e.anchors[t] = true
				}
			}
			if s.Kind == tutor.KindHoraire && len(s.Breadcrumb) > 0 {
				for _, t := range x.Terms(s.Breadcrumb[len(s.Breadcrumb)-1]) {
					e.rowWords[t] = true
				}
			}
		}
	}
	for _, w := range norm.Domain() {
		e.anchors[retrieval.Stem(w)] = true
	}
	e.buildGlossary()
	return e, nil
}

// folded is a document's text as folded words, padded with spaces.
func (e *Engine) folded(d *corpus.Doc) string { return e.foldedText[d.Meta.Diploma] }

// Validate checks a question as typed by a user.
func Validate(q string) error {
	if !utf8.ValidString(q) {
		return ErrInvalidUTF8
	}
	if strings.TrimSpace(q) == "" {
		return ErrEmpty
	}
	if utf8.RuneCountInString(q) > tutor.MaxQuestionLen {
		return ErrTooLong
	}
	return nil
}

// ResolveDiploma checks a diploma code given by a user ("" means all) and
// returns its canonical spelling.
func (e *Engine) ResolveDiploma(d string) (string, error) {
	d = strings.TrimSpace(d)
	if d == "" {
		return "", nil
	}
	if doc := e.Corpus.Doc(d); doc != nil {
		return doc.Meta.Diploma, nil
	}
	return "", fmt.Errorf("%w « %s » (diplômes disponibles : %s)", ErrUnknownDiploma, d, strings.Join(e.Corpus.Diplomas(), ", "))
}

// Answer answers one question; diploma is the default référentiel ("" for
// all), which a diploma named in the question overrides. Bad input gives one
// of the errors above; a question the texts do not answer gives a Reply with
// Abstained set.
func (e *Engine) Answer(ctx context.Context, question, diploma string) (tutor.Reply, error) {
	q, err := e.Analyze(question, diploma)
	if err != nil {
		return tutor.Reply{}, err
	}
	return e.AnswerQuery(ctx, q)
}

// AnswerQuery answers an analysed question. It fails only when retrieval
// does (a remote embedder).
func (e *Engine) AnswerQuery(ctx context.Context, q *Query) (tutor.Reply, error) {
	a := e.newBuilder(q)
	switch {
	case q.Injection:
		a.refuse("Je réponds uniquement aux questions sur les référentiels, en citant les textes : je ne change pas de rôle et je ne révèle rien de ma configuration.")
		return a.reply, nil
	case q.Outside != "":
		a.refuse(q.Why)
		return a.reply, nil
	case q.Compare:
		return e.compare(ctx, q)
	case len(q.Codes) == 0 && len(q.Missing) > 0:
		return a.unknownCode(q.Missing[0], q.Docs), nil
	}
	if err := a.answer(ctx); err != nil {
		return tutor.Reply{}, err
	}
	return a.reply, nil
}

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
func (e *Engine) search(ctx context.Context, q *Query, subjects []ref, k int) ([]retrieval.Result, error) {
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
	if len(subjects) == 0 || !e.asksMore(q, subjects) && q.asksRow() || q.aboutItself() && !e.epreuveRef(subjects[0]) {
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
	sub.Titles = nil
	if len(sub.Codes) == 0 && aboutEpreuve(&sub) {
		sub.Titles = e.epreuvesByTitle(q.Norm, sub.Docs)
	}
	return &sub
}

// subjects are the items a question names: its codes, else the épreuves it
// names by title.
func (e *Engine) subjects(q *Query) []ref {
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
	for _, m := range tutor.FindCodes(q, tutor.StyleCompact) {
		cands := tutor.CodeCandidates(m.Raw)
		// "C1.3" or "C4-1" says its style: the first reading that exists
		// wins. "c13" may be either, and both are answered.
		explicit := tutor.ExplicitStyle(m.Raw)
		ok := false
		for _, c := range cands {
			for _, d := range docs {
				if !docHasCode(d, c) {
					continue
				}
				ok = true
				if !hasRef(found, d, c) {
					found = append(found, ref{d, c})
				}
			}
			if ok && explicit {
				break
			}
		}
		if !ok {
			missing = append(missing, strings.ToUpper(strings.Join(strings.Fields(m.Raw), "")))
		}
	}
	return found, missing
}

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

// FollowUp makes a follow-up question stand alone by borrowing what the
// previous question was about: "et en NRC ?" after "coef de l'E4 en CCST"
// asks "coef E4 … en NRC ?"; "et la durée ?" keeps the previous codes.
// A question with codes of its own is returned unchanged.
func (e *Engine) FollowUp(previous, q string) string {
	if strings.TrimSpace(previous) == "" || len(tutor.FindCodes(codeWords(q), tutor.StyleCompact)) > 0 {
		return q
	}
	n := e.norm.Normalize(q)
	var codes []string
	for _, m := range tutor.FindCodes(codeWords(previous), tutor.StyleCompact) {
		codes = append(codes, m.Raw)
	}
	prev := e.norm.Normalize(blankCodes(codeWords(previous)))
	carried := codes
	if len(e.residual(n, nil)) >= 2 {
		// A question with a subject of its own ("les compétences du bloc
		// 2") is not about the previous code.
		carried = nil
	}
	if _, named := e.docsFor(n, ""); !named {
		// The question names no diploma: the previous one's carry over.
		if docs, ok := e.docsFor(prev, ""); ok {
			for _, d := range docs {
				carried = append(carried, d.Meta.Diploma)
			}
		}
	}
	if len(e.residual(n, nil)) == 0 {
		// Nothing but a diploma or an attribute: the previous question's
		// subject and words carry over.
		carried = append(carried, e.residual(prev, nil)...)
	}
	if len(carried) == 0 {
		return q
	}
	return strings.Join(carried, " ") + " " + q
}
