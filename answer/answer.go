// Package answer turns a student's question into a cited Reply: facts from the
// structured référentiel model when the question asks for one, otherwise the
// best passages found by retrieval, and a clear refusal when the texts do not
// answer. It never states anything that is not in a cited passage.
package answer

import (
	"context"
	"errors"
	"fmt"
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

// Tuning of the extractive answer.
const (
	minCoverage = 0.6  // share of the question's topic a passage must hold
	keepRatio   = 0.75 // passages scoring this close to the best are quoted too
	maxQuoted   = 3
	searchDepth = 8
)

// Engine answers questions from a corpus and its index.
type Engine struct {
	Corpus *corpus.Corpus
	Index  *retrieval.Index
	// Mode is the retrieval ranking used (fused by default); the evaluation
	// compares modes.
	Mode retrieval.Mode
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
	return &Engine{Corpus: c, Index: x}, nil
}

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

// Retrieve runs the search a question leads to: the diploma it names (or the
// one given) filters the passages.
func (e *Engine) Retrieve(ctx context.Context, question, diploma string, k int) ([]retrieval.Result, error) {
	docs := e.targets(question, diploma)
	d := ""
	if len(docs) == 1 {
		d = docs[0].Meta.Diploma
	}
	return e.Index.Search(ctx, retrieval.Query{Text: e.topic(question), K: k, Diploma: d, Mode: e.Mode})
}

// Answer answers one question, restricted to diploma when it is not "".
// Bad input gives one of the errors above; a question the texts do not answer
// gives a Reply with Abstained set.
func (e *Engine) Answer(ctx context.Context, question, diploma string) (tutor.Reply, error) {
	if err := Validate(question); err != nil {
		return tutor.Reply{}, err
	}
	diploma, err := e.ResolveDiploma(diploma)
	if err != nil {
		return tutor.Reply{}, err
	}
	q := strings.TrimSpace(question)
	a := &builder{e: e, reply: tutor.Reply{Question: q, Mode: ModeExtractive, Verified: true}}
	docs := e.targets(q, diploma)
	in := parseIntent(q)

	// 1. Codes: a code that exists nowhere is answered with the list of
	// those that do; known codes are answered from the model.
	codes, missing := e.resolveCodes(q, docs)
	if len(codes) == 0 && len(missing) > 0 {
		return a.unknownCode(missing[0], docs), nil
	}
	if len(codes) > 0 && !in.about() && e.hasTopic(q) {
		// "dictionnaire autorisé à l'E21 ?": the code narrows, the words ask.
		res, err := e.Retrieve(ctx, q, diploma, searchDepth)
		if err != nil {
			return tutor.Reply{}, err
		}
		if a.passages(e.topic(q), res, in, false) {
			return a.reply, nil
		}
	}
	if len(codes) > 0 && a.facts(codes, in) {
		return a.reply, nil
	}
	// 2. An épreuve named by its title ("l'épreuve de management").
	if in.about() {
		if refs := e.epreuvesByTitle(q, docs); len(refs) > 0 && a.facts(refs, in) {
			return a.reply, nil
		}
	}
	// 3. Passages.
	res, err := e.Retrieve(ctx, q, diploma, searchDepth)
	if err != nil {
		return tutor.Reply{}, err
	}
	a.passages(e.topic(q), res, in, true)
	return a.reply, nil
}

// topic is the question without the diploma names that selected the
// documents: "NRC" is written nowhere in the NRC's own text.
func (e *Engine) topic(q string) string {
	matches := tutor.FindCodes(q, tutor.StyleCompact)
	blanked := []byte(q)
	var codes []string
	for _, m := range matches {
		codes = append(codes, m.Raw)
		for i := m.Start; i < m.End; i++ {
			blanked[i] = ' '
		}
	}
	joined := " " + strings.Join(retrieval.Words(string(blanked)), " ") + " "
	for _, d := range e.Corpus.Docs {
		for _, n := range diplomaNames(d.Meta) {
			joined = strings.ReplaceAll(joined, " "+n+" ", " ")
		}
	}
	out := strings.TrimSpace(strings.Join(codes, " ") + " " + strings.TrimSpace(joined))
	if out == "" {
		return q
	}
	return out
}

// genericWords say what kind of item a question is about, not which.
var genericWords = map[string]bool{"limit": true, "epreuv": true, "competent": true, "competenc": true, "savoir": true, "activit": true, "unit": true, "cod": true, "tach": true, "fonction": true}

// hasTopic reports whether a question has words beyond codes, diploma names
// and generic nouns.
func (e *Engine) hasTopic(q string) bool {
	for _, t := range (retrieval.Analyzer{}).Terms(e.topic(q), "x") {
		if !strings.HasPrefix(t, "#") && !genericWords[t] {
			return true
		}
	}
	return false
}

// targets are the documents a question is about: the diploma given, else the
// ones the question names, else all.
func (e *Engine) targets(q, diploma string) []*corpus.Doc {
	if diploma != "" {
		return []*corpus.Doc{e.Corpus.Doc(diploma)}
	}
	words := " " + strings.Join(retrieval.Words(q), " ") + " "
	var out []*corpus.Doc
	for _, d := range e.Corpus.Docs {
		for _, name := range diplomaNames(d.Meta) {
			if strings.Contains(words, " "+name+" ") {
				out = append(out, d)
				break
			}
		}
	}
	if len(out) == 0 {
		return e.Corpus.Docs
	}
	return out
}

// diplomaNames are the ways students name a diploma in a question.
func diplomaNames(m tutor.Document) []string {
	names := []string{strings.ToLower(m.Diploma)}
	title := strings.Join(retrieval.Words(m.Title), " ")
	title = strings.TrimPrefix(title, "bts ")
	names = append(names, title)
	switch m.Diploma {
	case "CCST":
		names = append(names, "technico commercial", "tc", "technico")
	case "NRC":
		names = append(names, "negociation relation client")
	}
	return names
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
		// "C1.3" or "C4-1" is written in one style: the first reading that
		// exists wins. "c13" may be either, and both are answered.
		explicit := strings.ContainsAny(m.Raw, ".-")
		if explicit && len(cands) == 2 && m.Prefix != "S" {
			cands[0], cands[1] = cands[1], cands[0]
		}
		ok := false
		for _, c := range cands {
			for _, d := range docs {
				if docHasCode(d, c) {
					found = append(found, ref{d, c})
					ok = true
				}
			}
			if ok && explicit {
				break
			}
		}
		if !ok {
			missing = append(missing, strings.ToUpper(strings.ReplaceAll(m.Raw, " ", "")))
		}
	}
	return found, missing
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
	if strings.TrimSpace(previous) == "" || len(tutor.FindCodes(q, tutor.StyleCompact)) > 0 {
		return q
	}
	if !e.hasTopic(q) {
		return e.topic(previous) + " " + q
	}
	var codes []string
	for _, m := range tutor.FindCodes(previous, tutor.StyleCompact) {
		codes = append(codes, m.Raw)
	}
	if len(codes) == 0 {
		return q
	}
	return strings.Join(codes, " ") + " " + q
}
