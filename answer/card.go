package answer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// ErrNotACode is returned by Card when the text holds no code of the kind asked.
var ErrNotACode = errors.New("code attendu")

// maxCodeLen bounds the code typed in a card command.
const maxCodeLen = 100

// Card describes one compétence or épreuve in full, from the model: for an
// épreuve its coefficient, forms and durations per route, compétences
// evaluated and criteria; for a compétence its title, savoir-faire, critères
// and the épreuve that evaluates it. code may carry a diploma name ("E4 NRC").
// A code that exists nowhere gives an abstained Reply listing the codes that
// do; a text holding no code of that kind gives ErrNotACode.
func (e *Engine) Card(ctx context.Context, kind tutor.Kind, code, diploma string) (tutor.Reply, error) {
	if err := Validate(code); err != nil {
		return tutor.Reply{}, err
	}
	if len([]rune(code)) > maxCodeLen {
		return tutor.Reply{}, fmt.Errorf("%w : « %s » est trop long pour un code", ErrNotACode, shortText(code, 30))
	}
	diploma, err := e.ResolveDiploma(diploma)
	if err != nil {
		return tutor.Reply{}, err
	}
	prefix := codeKinds[kind].prefix
	var raw string
	for _, m := range tutor.FindCodes(code, tutor.StyleCompact) {
		if m.Prefix == prefix || (prefix == "E" && strings.HasPrefix(m.Prefix, "U")) || (prefix == "E" && m.Prefix == "EF") {
			raw = code[m.Start:m.End]
			break
		}
	}
	if raw == "" {
		return tutor.Reply{}, fmt.Errorf("%w : « %s » n'est pas un code %s (%s)", ErrNotACode, shortText(strings.TrimSpace(code), 30), codeKinds[kind].name, codeKinds[kind].example)
	}
	q := &Query{Raw: strings.TrimSpace(code), Norm: e.norm.Normalize(blankCodes(code))}
	docs, _ := e.docsFor(q.Norm, diploma)
	a := e.newBuilder(q)
	refs, missing := e.resolveCodes(raw, docs)
	if len(refs) == 0 {
		name := raw
		if len(missing) > 0 {
			name = missing[0]
		}
		return a.unknownCode(name, docs), nil
	}
	full := intent{card: true, coef: true, duree: true, forme: true, prep: true, competences: true, criteres: true}
	if kind == tutor.KindCompetence {
		full = intent{card: true, criteres: true}
	}
	if !a.facts(refs, full) {
		return a.unknownCode(strings.ToUpper(raw), docs), nil
	}
	return a.reply, nil
}

// codeKinds are the kinds of code a card is asked for: the prefix of their
// codes, and how the error that a code is not one names them, with examples.
var codeKinds = map[tutor.Kind]struct{ prefix, name, example string }{
	tutor.KindCompetence: {"C", "de compétence", "ex. C1.3 ou C31"},
	tutor.KindEpreuve:    {"E", "d'épreuve", "ex. E4, E21 ou U61"},
	tutor.KindSavoir:     {"S", "de savoir", "ex. S42"},
}

// Choice is one autocomplete suggestion: a code and what to show for it.
type Choice struct {
	Code, Diploma, Title string
}

// Label is the text shown to users, at most max characters.
func (c Choice) Label(max int) string {
	return shortText(fmt.Sprintf("%s — %s (%s)", c.Code, c.Title, c.Diploma), max-1)
}

// Value is what the command receives: the code and its diploma.
func (c Choice) Value() string { return c.Code + " " + c.Diploma }

// Suggest lists up to limit compétences or épreuves whose code or title
// starts with or contains the typed text (accents and case ignored), codes
// matching first. diploma "" searches every référentiel.
func (e *Engine) Suggest(kind tutor.Kind, typed, diploma string, limit int) []Choice {
	typed = retrieval.Fold(strings.TrimSpace(typed))
	compact := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(typed)
	var byCode, byTitle []Choice
	for _, d := range e.Corpus.Docs {
		if diploma != "" && !strings.EqualFold(diploma, d.Meta.Diploma) {
			continue
		}
		for _, c := range items(kind, d) {
			code := strings.NewReplacer(".", "", "-", "").Replace(retrieval.Fold(c.Code))
			switch {
			case strings.HasPrefix(code, compact):
				byCode = append(byCode, c)
			case typed != "" && strings.Contains(retrieval.Fold(c.Title), typed):
				byTitle = append(byTitle, c)
			}
		}
	}
	sort.SliceStable(byCode, func(i, j int) bool { return len(byCode[i].Code) < len(byCode[j].Code) })
	out := append(byCode, byTitle...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func items(kind tutor.Kind, d *corpus.Doc) []Choice {
	var out []Choice
	dip := d.Meta.Diploma
	switch kind {
	case tutor.KindCompetence:
		for _, c := range d.Model.Competences {
			out = append(out, Choice{c.Code, dip, c.Title})
		}
	case tutor.KindEpreuve:
		for e := range d.Model.AllEpreuves() {
			out = append(out, Choice{e.Code, dip, e.Title})
		}
	case tutor.KindSavoir:
		for _, s := range d.Model.Savoirs {
			if s.Code != "" {
				out = append(out, Choice{s.Code, dip, s.Title})
			}
		}
	}
	return out
}
