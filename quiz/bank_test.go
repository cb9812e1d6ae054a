package quiz

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

var (
	bankOnce sync.Once
	testBank *Bank
	testCorp *corpus.Corpus
)

func bank(t testing.TB) *Bank {
	t.Helper()
	bankOnce.Do(func() {
		var err error
		if testCorp, err = corpus.Load(); err != nil {
			panic(err)
		}
		testBank = Build(testCorp)
	})
	return testBank
}

// Every item's answer is proved by its cited passage.
func TestEveryAnswerIsInItsPassage(t *testing.T) {
	b := bank(t)
	for _, it := range b.Items {
		passage := testCorp.Doc(it.Diploma).Span(it.Citation.Lines)
		if !strings.Contains(passage, it.Evidence) {
			t.Errorf("%s %s: evidence %q not at %s", it.ID, it.Kind, it.Evidence, it.Citation.Lines)
		}
		answer := corpus.Normalize(it.Answer())
		switch it.Kind {
		case KindLimitWhich:
			// The answer is the savoir whose passage is cited; no other
			// choice is that savoir's parent or part.
			if it.Answer() != savoirChoiceAt(it) {
				t.Errorf("%s: answer %q, cited savoir %q", it.ID, it.Answer(), savoirChoiceAt(it))
			}
		case KindStep:
			// The answer follows the step asked in the passage, and no
			// other choice stands between them.
			_, prev, _ := strings.Cut(it.Question, "juste après « ")
			prev = strings.TrimSuffix(prev, " » ?")
			at, next := strings.Index(passage, prev), strings.Index(passage, answer)
			if at < 0 || next <= at {
				t.Errorf("%s: %q does not follow %q in the passage", it.ID, answer, prev)
			}
			for i, c := range it.Choices {
				if k := strings.Index(passage, corpus.Normalize(c)); i != it.Correct && (k < 0 || k > at && k < next) {
					t.Errorf("%s: choice %q is not another step, or stands between", it.ID, c)
				}
			}
		case KindTask:
			code, _, _ := strings.Cut(answer, " ")
			if !strings.Contains(passage, code) && !strings.Contains(strings.ToUpper(passage), strings.ToUpper(answer)) {
				t.Errorf("%s: activity %q not in the passage", it.ID, answer)
			}
		default:
			if !strings.Contains(strings.ToLower(passage), strings.ToLower(answer)) && !strings.Contains(passage, it.Evidence) {
				t.Errorf("%s %s: answer %q not in the passage %.200q", it.ID, it.Kind, answer, passage)
			}
		}
	}
}

// savoirChoiceAt names, as a choice, the savoir whose passage the item cites.
func savoirChoiceAt(it *Item) string {
	for _, s := range testCorp.Doc(it.Diploma).Model.Savoirs {
		if s.Lines == it.Citation.Lines {
			return savoirChoice(&s)
		}
	}
	return "?"
}

func TestBankShape(t *testing.T) {
	b := bank(t)
	ids := map[string]bool{}
	questions := map[string]bool{}
	for _, it := range b.Items {
		if ids[it.ID] || questions[it.Question] {
			t.Errorf("duplicate %s: %s", it.ID, it.Question)
		}
		ids[it.ID], questions[it.Question] = true, true
		switch {
		case it.Typed:
			// The answer alone, which its own reader accepts.
			if right, err := it.Check(it.Answer()); len(it.Choices) != 1 || it.Correct != 0 || !right || err != nil {
				t.Fatalf("%s: typed answer %q, correct %d: %v %v", it.ID, it.Choices, it.Correct, right, err)
			}
		case len(it.Choices) != 4 || it.Correct < 0 || it.Correct > 3:
			t.Fatalf("%s: choices %q, correct %d", it.ID, it.Choices, it.Correct)
		}
		seen := map[string]bool{}
		for _, c := range it.Choices {
			if c == "" || seen[c] {
				t.Errorf("%s: choices %q", it.ID, it.Choices)
			}
			seen[c] = true
		}
		if it.Explanation == "" || it.Citation.Lines[0] == 0 || it.Theme == "" {
			t.Errorf("%s: incomplete %+v", it.ID, it)
		}
	}
	if len(b.Items) < 300 {
		t.Errorf("%d items, want at least 300", len(b.Items))
	}
	counts := b.Count()
	t.Logf("bank: %d items; %v", len(b.Items), counts)
	for _, d := range []string{"NRC", "CCST"} {
		for _, k := range []string{KindCodeTitle, KindTitleCode, KindCoef, KindDuration, KindForm, KindEvaluates, KindLimitWhich, KindTask, KindCoefTyped, KindDurTyped, KindStep} {
			if k == KindEvaluates && d == "NRC" {
				continue // three professional épreuves: no three wrong ones to offer
			}
			if counts[d][k] == 0 {
				t.Errorf("no %s item in %s", k, d)
			}
		}
	}
}

func TestBankIsStable(t *testing.T) {
	a := bank(t)
	b := Build(testCorp)
	if len(a.Items) != len(b.Items) {
		t.Fatal("two builds differ")
	}
	for i := range a.Items {
		if a.Items[i].ID != b.Items[i].ID || a.Items[i].Correct != b.Items[i].Correct || a.Items[i].Question != b.Items[i].Question {
			t.Fatalf("item %d differs between builds", i)
		}
	}
}

// BenchmarkBuild measures building the bank from the two référentiels.
func BenchmarkBuild(b *testing.B) {
	bank(b)
	b.ReportAllocs()
	for b.Loop() {
		Build(testCorp)
	}
}

// No choice of a "which savoir" item is the answer's parent or part, nor
// states the same limit; no item is built on a fragment or an unnamed
// savoir.
func TestLimitItemsHaveOneRightChoice(t *testing.T) {
	b := bank(t)
	for _, it := range b.Items {
		if it.Theme != ThemeSavoirs {
			continue
		}
		if fragment(it.Evidence) || strings.Contains(it.Question, "«  »") {
			t.Errorf("%s: built on %q: %s", it.ID, it.Evidence, it.Question)
		}
		if it.Kind != KindLimitWhich {
			continue
		}
		m := testCorp.Doc(it.Diploma).Model
		w := &builder{m: m}
		var truth *tutor.Savoir
		for i := range m.Savoirs {
			if savoirChoice(&m.Savoirs[i]) == it.Answer() {
				truth = &m.Savoirs[i]
			}
		}
		if truth == nil || truth.Shared {
			t.Errorf("%s: answer %q is no savoir of its own limits", it.ID, it.Answer())
			continue
		}
		if strings.Contains(tutor.Fold(it.Evidence), tutor.Fold(truth.Title)) {
			t.Errorf("%s: the limit names its savoir %q", it.ID, truth.Title)
		}
		for i, c := range it.Choices {
			if i == it.Correct {
				continue
			}
			for k := range m.Savoirs {
				o := &m.Savoirs[k]
				if savoirChoice(o) != c {
					continue
				}
				if len(o.Code) != len(truth.Code) {
					t.Errorf("%s: choice %q is not of the answer's level (%s)", it.ID, c, truth.Code)
				}
				if w.related(o, truth) {
					t.Errorf("%s: choice %q is part or parent of the answer %q", it.ID, c, it.Answer())
				}
				for _, l := range o.Limites {
					if corpus.Normalize(l) == it.Evidence {
						t.Errorf("%s: choice %q states the limit too", it.ID, c)
					}
				}
			}
		}
	}
}

// The correction quotes the sentence that proves the answer, however far
// into its passage it stands.
func TestCorrectionQuotesTheProof(t *testing.T) {
	missing := 0
	for _, it := range bank(t).Items {
		if len(it.Evidence) < maxQuote-len("… ")-130 && !strings.Contains(it.Citation.Text, it.Evidence) {
			missing++
			if missing <= 5 {
				t.Errorf("%s: quote %q lacks %q", it.ID, it.Citation.Text, it.Evidence)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d corrections lack their proof", missing)
	}
}

// shapeGuessers pick an option from its shape alone: the longest, the
// shortest, neither, the one sharing most words with the question or with
// the other options. Each gives the chance it is right.
func shapeGuessers() map[string]func(it *Item) float64 {
	words := contentWords
	overlap := func(a, b map[string]bool) int {
		n := 0
		for w := range a {
			if b[w] {
				n++
			}
		}
		return n
	}
	// pick is the chance a guesser picking among the best-scored options
	// at random is right.
	pick := func(it *Item, score func(i int, c string) int) float64 {
		best, tied, right := -1<<30, 0, false
		for i, c := range it.Choices {
			switch s := score(i, c); {
			case s > best:
				best, tied, right = s, 1, i == it.Correct
			case s == best:
				tied++
				right = right || i == it.Correct
			}
		}
		if !right {
			return 0
		}
		return 1 / float64(tied)
	}
	guessers := map[string]func(it *Item) float64{
		"la plus longue": func(it *Item) float64 { return pick(it, func(_ int, c string) int { return len(c) }) },
		"la plus courte": func(it *Item) float64 { return pick(it, func(_ int, c string) int { return -len(c) }) },
		"ni la plus longue ni la plus courte": func(it *Item) float64 {
			lens := make([]int, len(it.Choices))
			for i, c := range it.Choices {
				lens[i] = len(c)
			}
			lo, hi := slices.Min(lens), slices.Max(lens)
			return pick(it, func(_ int, c string) int {
				if len(c) != lo && len(c) != hi {
					return 1
				}
				return 0
			})
		},
		"mots de la question": func(it *Item) float64 {
			q := words(it.Question)
			return pick(it, func(_ int, c string) int { return overlap(words(c), q) })
		},
		"mots des autres options": func(it *Item) float64 {
			return pick(it, func(i int, c string) int {
				n := 0
				for j, o := range it.Choices {
					if j != i {
						n += overlap(words(c), words(o))
					}
				}
				return n
			})
		},
	}
	return guessers
}

// A student guessing from the options alone (the longest, the shortest,
// the one sharing most words with the question or with the other options)
// does little better than chance: at most 30 % on every kind with enough
// items to tell (at least 20). Ties are broken at random.
func TestGuessingByShape(t *testing.T) {
	guessers := shapeGuessers()
	type tally struct {
		right float64
		n     int
	}
	by := map[string]map[string]*tally{}
	for _, it := range bank(t).Items {
		if it.Typed {
			continue // no option to guess from: the figure is typed
		}
		for name, g := range guessers {
			if by[it.Kind] == nil {
				by[it.Kind] = map[string]*tally{}
			}
			if by[it.Kind][name] == nil {
				by[it.Kind][name] = &tally{}
			}
			tl := by[it.Kind][name]
			tl.n++
			tl.right += g(it)
		}
	}
	for kind, m := range by {
		for name, tl := range m {
			rate := tl.right / float64(tl.n)
			t.Logf("%-20s %-24s %5.1f/%3d = %.0f %%", kind, name, tl.right, tl.n, 100*rate)
			if tl.n >= 20 && rate > 0.30 {
				t.Errorf("%s: guessing by %s scores %.0f %% (%.0f/%d)", kind, name, 100*rate, tl.right, tl.n)
			}
		}
	}
}

// Withheld questions are never drawn.
func TestPickLeavesWithheldOut(t *testing.T) {
	b := bank(t)
	pool := b.Select("NRC", ThemeEpreuves)
	withheld := map[string]bool{}
	for _, it := range pool[1:] {
		withheld[it.ID] = true
	}
	for seed := range uint64(20) {
		got := b.Pick(rand.New(rand.NewPCG(seed, 1)), "NRC", ThemeEpreuves, 3, withheld, true)
		if len(got) != 1 || got[0].ID != pool[0].ID {
			t.Fatalf("drew %v with all but %s withheld", got, pool[0].ID)
		}
	}
}

// A typed figure is read as students type it; what cannot be read is
// refused with what to type, never counted right.
func TestTypedAnswers(t *testing.T) {
	coef := &Item{Kind: KindCoefTyped, Typed: true, Choices: []string{"1,5"}}
	dur := &Item{Kind: KindDurTyped, Typed: true, Choices: []string{"4 h"}}
	half := &Item{Kind: KindDurTyped, Typed: true, Choices: []string{"1 h 30"}}
	mins := &Item{Kind: KindDurTyped, Typed: true, Choices: []string{"40 min"}}
	tests := []struct {
		it          *Item
		in          string
		right, fail bool
	}{
		{coef, "1,5", true, false},
		{coef, "1.5", true, false},
		{coef, "coef 1,5 je crois", true, false},
		{coef, "un et demi", true, false},
		{coef, "2", false, false},
		{coef, "15", false, false},
		{coef, "aucune idée", false, true},
		{coef, "1,5 ou 2", false, true},
		{dur, "4h", true, false},
		{dur, "4 heures", true, false},
		{dur, "quatre heures", true, false},
		{dur, "240 min", true, false},
		{dur, "4H00", true, false},
		{dur, "3 h", false, false},
		{dur, "4", false, true}, // no unit
		{dur, "4h ou 5h", false, true},
		{dur, "", false, true},
		{half, "1h30", true, false},
		{half, "1 h 30 min", true, false},
		{half, "une heure et demie", true, false},
		{half, "90 minutes", true, false},
		{half, "1h", false, false},
		{mins, "40 mn", true, false},
		{mins, "quarante minutes", true, false},
		{mins, "quarante-cinq minutes", false, false},
		{mins, strings.Repeat("4", 200), false, true},
	}
	for _, tt := range tests {
		right, err := tt.it.Check(tt.in)
		if right != tt.right || (err != nil) != tt.fail {
			t.Errorf("%s %q: right %v, err %v; want %v, error %v", tt.it.Answer(), tt.in, right, err, tt.right, tt.fail)
		}
		if err != nil && (!errors.Is(err, ErrTyped) || !strings.Contains(err.Error(), "tapez") && !strings.Contains(err.Error(), "précisez") && !strings.Contains(err.Error(), "trop longue")) {
			t.Errorf("%q: the error does not say what to type: %v", tt.in, err)
		}
	}
	// A question answered with buttons is no typed one.
	if _, err := (&Item{Kind: KindCoef, Choices: []string{"4", "2", "3", "6"}}).Check("4"); err == nil {
		t.Error("a choice item checked a typed answer")
	}
}
