package eval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/retrieval"
)

// Scores are the counts of one group of questions.
type Scores struct {
	Answerable, ToRefuse int
	Hits                 int     // answerable questions with a gold passage in the first K
	RR                   float64 // sum of reciprocal ranks
	Correct, Cited       int
	FalseRefusals        int // answerable questions refused
	Refused              int // questions to refuse that were refused
}

// HitAtK is the share of answerable questions with a gold passage in the first K.
func (s Scores) HitAtK() float64 { return ratio(float64(s.Hits), s.Answerable) }

// MRR is the mean reciprocal rank of the first gold passage.
func (s Scores) MRR() float64 { return ratio(s.RR, s.Answerable) }

// CorrectRate is the share of answerable questions answered with every fact.
func (s Scores) CorrectRate() float64 { return ratio(float64(s.Correct), s.Answerable) }

// CitedRate is the share of answerable questions citing a passage that proves
// the answer.
func (s Scores) CitedRate() float64 { return ratio(float64(s.Cited), s.Answerable) }

// FalseRefusalRate is the share of answerable questions refused.
func (s Scores) FalseRefusalRate() float64 { return ratio(float64(s.FalseRefusals), s.Answerable) }

// RefusalRecall is the share of the questions to refuse that were refused.
func (s Scores) RefusalRecall() float64 { return ratio(float64(s.Refused), s.ToRefuse) }

func ratio(a float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return a / float64(n)
}

func (s *Scores) add(o Scores) {
	s.Answerable += o.Answerable
	s.ToRefuse += o.ToRefuse
	s.Hits += o.Hits
	s.RR += o.RR
	s.Correct += o.Correct
	s.Cited += o.Cited
	s.FalseRefusals += o.FalseRefusals
	s.Refused += o.Refused
}

// Report is the evaluation of one set.
type Report struct {
	K      int
	All    Scores
	ByKind map[string]Scores
	// Modes compares the rankings on retrieval alone (hit@K, MRR).
	Modes map[retrieval.Mode]Scores
	// Misses lists what went wrong, one line each.
	Misses []string
}

// Run evaluates an engine on a set: each question searched (first k
// passages) and answered with its diploma as the default, as the command
// line does. With modes, retrieval is also measured with each ranking alone.
// It fails if the engine does.
func Run(ctx context.Context, e *answer.Engine, items []Item, k int, modes ...retrieval.Mode) (*Report, error) {
	rep := &Report{K: k, ByKind: map[string]Scores{}, Modes: map[retrieval.Mode]Scores{}}
	loc := newLocator(e.Corpus)
	for _, it := range items {
		s, misses, err := one(ctx, e, loc, it, k)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.ID, err)
		}
		rep.All.add(s)
		kind := it.Kind
		if kind == "" {
			kind = "(sans type)"
		}
		ks := rep.ByKind[kind]
		ks.add(s)
		rep.ByKind[kind] = ks
		rep.Misses = append(rep.Misses, misses...)
	}
	saved := e.Mode
	defer func() { e.Mode = saved }()
	for _, m := range modes {
		e.Mode = m
		var s Scores
		for _, it := range items {
			if it.Refuse {
				continue
			}
			rank, err := goldRank(ctx, e, loc, it, k)
			if err != nil {
				return nil, err
			}
			s.Answerable++
			if rank > 0 {
				s.Hits++
				s.RR += 1 / float64(rank)
			}
		}
		rep.Modes[m] = s
	}
	return rep, nil
}

// one scores a question.
func one(ctx context.Context, e *answer.Engine, loc *locator, it Item, k int) (Scores, []string, error) {
	var s Scores
	var misses []string
	miss := func(format string, args ...any) {
		misses = append(misses, fmt.Sprintf("%s [%s] ", it.ID, it.Kind)+fmt.Sprintf(format, args...))
	}
	r, err := e.Answer(ctx, it.Question, it.Diploma)
	if err != nil {
		return s, nil, err
	}
	if it.Refuse {
		s.ToRefuse++
		if r.Abstained {
			s.Refused++
		} else {
			miss("should refuse %q: %.120q", it.Question, r.Answer)
		}
		return s, misses, nil
	}
	s.Answerable++
	rank, err := goldRank(ctx, e, loc, it, k)
	if err != nil {
		return s, nil, err
	}
	if rank > 0 {
		s.Hits++
		s.RR += 1 / float64(rank)
	}
	if rank != 1 {
		miss("gold at rank %d for %q", rank, it.Question)
	}
	if r.Abstained {
		s.FalseRefusals++
		miss("refused %q", it.Question)
		return s, misses, nil
	}
	if factsOK(it.Facts, r.Answer) {
		s.Correct++
	} else {
		miss("facts %v missing from the answer to %q", it.Facts, it.Question)
	}
	if citesGold(loc, it, r.Citations) {
		s.Cited++
	} else {
		miss("no citation proves the answer to %q", it.Question)
	}
	return s, misses, nil
}

// goldRank is the rank of the first passage that proves the answer, 0 when
// none of the first k does.
func goldRank(ctx context.Context, e *answer.Engine, loc *locator, it Item, k int) (int, error) {
	res, err := e.Search(ctx, it.Question, it.Diploma, k)
	if err != nil {
		return 0, err
	}
	for i, r := range res {
		p := passage{r.Section.Path(), r.Section.Text, r.Section.Source, r.Section.Lines}
		for _, g := range it.Gold {
			if loc.cites(g, p) {
				return i + 1, nil
			}
		}
	}
	return 0, nil
}

func citesGold(loc *locator, it Item, cs []tutor.Citation) bool {
	for _, c := range cs {
		p := passage{c.Section, c.Text, c.Source, c.Lines}
		for _, g := range it.Gold {
			if loc.cites(g, p) {
				return true
			}
		}
	}
	return false
}

// Table formats the report: one line for the whole set, one per kind, then
// the rankings compared.
func (r *Report) Table(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %d questions à réponse, %d à refuser\n", title, r.All.Answerable, r.All.ToRefuse)
	fmt.Fprintf(&b, "%-16s %5s %6s %6s %8s %6s %10s %9s\n", "", "n", fmt.Sprintf("hit@%d", r.K), "MRR", "correct", "cité", "refus à tort", "refusées")
	row := func(name string, s Scores) {
		refused := "—"
		if s.ToRefuse > 0 {
			refused = fmt.Sprintf("%d/%d", s.Refused, s.ToRefuse)
		}
		if s.Answerable == 0 {
			fmt.Fprintf(&b, "%-16s %5d %6s %6s %8s %6s %10s %9s\n", name, s.ToRefuse, "—", "—", "—", "—", "—", refused)
			return
		}
		fmt.Fprintf(&b, "%-16s %5d %6.3f %6.3f %8.3f %6.3f %10s %9s\n", name, s.Answerable+s.ToRefuse, s.HitAtK(), s.MRR(),
			s.CorrectRate(), s.CitedRate(), fmt.Sprintf("%d/%d", s.FalseRefusals, s.Answerable), refused)
	}
	row("tout", r.All)
	var kinds []string
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		row(k, r.ByKind[k])
	}
	if len(r.Modes) > 0 {
		fmt.Fprintf(&b, "classement seul :")
		for _, m := range []retrieval.Mode{retrieval.Fused, retrieval.Lexical, retrieval.Vector} {
			if s, ok := r.Modes[m]; ok {
				fmt.Fprintf(&b, "  %s hit@%d %.3f MRR %.3f", m, r.K, s.HitAtK(), s.MRR())
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
