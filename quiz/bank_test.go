package quiz

import (
	"strings"
	"sync"
	"testing"

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
		case KindLimitTrueFalse:
			// The statement quotes the evidence; its truth is whether the
			// claimed savoir is the one cited.
			if !strings.Contains(it.Question, it.Evidence) {
				t.Errorf("%s: statement does not quote %q", it.ID, it.Evidence)
			}
			own := strings.HasSuffix(it.Question, "savoir "+savoirAt(it)+".")
			if (it.Answer() == "Vrai") != own {
				t.Errorf("%s: answer %s but the cited savoir is %s: %s", it.ID, it.Answer(), savoirAt(it), it.Question)
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

// savoirAt names the savoir whose passage the item cites.
func savoirAt(it *Item) string {
	for _, s := range testCorp.Doc(it.Diploma).Model.Savoirs {
		if s.Lines == it.Citation.Lines {
			return savoirLabel(&s)
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
		if len(it.Choices) != 4 || it.Correct < 0 || it.Correct > 3 {
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
		for _, k := range []string{KindCodeTitle, KindTitleCode, KindCoef, KindDuration, KindForm, KindEvaluates, KindLimitTrueFalse, KindLimitBlank, KindTask} {
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
