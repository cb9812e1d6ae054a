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
	x, err := retrieval.New(ctx, c.Sections(), c.CodeStyles(), opts)
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
	case len(q.Codes) == 0 && len(q.Missing) > 0 && numbersItsOwn(q.Missing[0], q.Docs):
		d := headingNamed(q)
		if d == nil {
			return a.unknownCode(q.Missing[0], q.Docs), nil
		}
		q.Docs = []*corpus.Doc{d}
		a = e.newBuilder(q)
	}
	if err := a.answer(ctx); err != nil {
		return tutor.Reply{}, err
	}
	return a.reply, nil
}

// headingNamed returns the text one of whose headings the question names
// in words, three at least ("F1 - 1.1 création et développement de
// clientèles"): a code written oddly before the heading it numbers is the
// student's way of pointing at it, not a code the texts lack. nil when
// none.
func headingNamed(q *Query) *corpus.Doc {
	words := map[string]bool{}
	for _, w := range q.Norm.Topic {
		words[w] = true
	}
	for _, d := range q.Docs {
		for i := range d.Sections {
			bc := d.Sections[i].Breadcrumb
			if len(bc) == 0 {
				continue
			}
			n := 0
			for _, w := range retrieval.Tokens(bc[len(bc)-1]) {
				if retrieval.IsStopWord(w) || hasDigit(w) {
					continue
				}
				if !words[w] {
					n = -1
					break
				}
				n++
			}
			if n >= 3 {
				return d
			}
		}
	}
	return nil
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
