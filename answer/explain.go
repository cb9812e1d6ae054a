package answer

import (
	"context"
	"fmt"

	tutor "github.com/btstutor/tutor"
)

// explainSentences is how many candidate sentences an explanation lists.
const explainSentences = 8

// Explanation tells how a question was read and answered, for the
// --explain flag of the command line and for tuning on evaluation sets.
type Explanation struct {
	Words     []string          `json:"words"`           // the question normalised
	Topic     []string          `json:"topic"`           // what it is about
	Expansion []string          `json:"expansion"`       // words of the texts it stands for
	Focus     []string          `json:"focus,omitempty"` // those the student's own expressions stand for
	Repaired  map[string]string `json:"repaired,omitempty"`
	Diplomas  []string          `json:"diplomas"`
	Named     bool              `json:"named"`
	Compare   bool              `json:"compare"`
	Codes     []string          `json:"codes,omitempty"`
	Missing   []string          `json:"missing,omitempty"`
	Titles    []string          `json:"titles,omitempty"`
	Asks      []string          `json:"asks,omitempty"`
	YesNo     bool              `json:"yes_no"`
	Outside   string            `json:"outside,omitempty"`
	Injection bool              `json:"injection"`
	Evidence  float64           `json:"evidence"`
	Known     int               `json:"known"`     // distinct topic words the texts use
	Unknown   int               `json:"unknown"`   // and those they never use
	Held      int               `json:"held"`      // the most known words one passage holds
	Anchored  bool              `json:"anchored"`  // about the studies at all
	Passages  []string          `json:"passages"`  // the search's first passages, "ID score path"
	Terms     []string          `json:"terms"`     // what a sentence must hold to answer, "term weight"
	Sentences []string          `json:"sentences"` // the best candidates to lead, "score match rank text"
}

// Explain analyses a question and searches it as Answer would, and tells
// what it found. Bad input gives the errors of Answer.
func (e *Engine) Explain(ctx context.Context, question, diploma string) (Explanation, error) {
	q, err := e.Analyze(question, diploma)
	if err != nil {
		return Explanation{}, err
	}
	x := Explanation{Words: q.Norm.Words, Topic: q.Norm.Topic, Expansion: q.Norm.Expansion, Focus: q.Norm.Focus, Repaired: q.Norm.Repaired,
		Named: q.Named, Compare: q.Compare, Missing: q.Missing, YesNo: q.YesNo, Outside: q.Outside, Injection: q.Injection}
	for _, d := range q.Docs {
		x.Diplomas = append(x.Diplomas, d.Meta.Diploma)
	}
	for _, r := range q.Codes {
		x.Codes = append(x.Codes, r.doc.Meta.Diploma+":"+r.code)
	}
	for _, r := range q.Titles {
		x.Titles = append(x.Titles, r.doc.Meta.Diploma+":"+r.code)
	}
	for _, a := range q.Asks {
		x.Asks = append(x.Asks, a.String())
	}
	res, err := e.search(ctx, q, e.subjects(q), searchDepth)
	if err != nil {
		return Explanation{}, err
	}
	x.Evidence, x.Known, x.Unknown, x.Held = e.evidenceDetail(q, res)
	x.Anchored = e.anchored(q)
	for _, r := range res {
		x.Passages = append(x.Passages, fmt.Sprintf("%s %.3f %s", r.Section.ID, r.Score, r.Section.Path()))
	}
	ask := e.askTerms(q, e.subjects(q))
	for _, t := range ask {
		x.Terms = append(x.Terms, fmt.Sprintf("%s %.2f", t.t, t.w))
	}
	for i, c := range e.rankSentences(res, ask, q.asksText(), formOf(q)) {
		if i == explainSentences {
			break
		}
		x.Sentences = append(x.Sentences, fmt.Sprintf("%.3f %.2f %d %s", c.score, c.match, c.rank, tutor.Clip(c.full, 120)))
	}
	return x, nil
}
