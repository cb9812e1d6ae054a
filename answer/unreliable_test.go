package answer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/btstutor/tutor/internal/openaitest"
)

// unreliable answers like a model that cites and copies badly: one fault
// per question, in turn. It reads the facts and passages from the prompt.
func unreliable(req openaitest.ChatRequest) openaitest.Reply {
	good := honestAnswer(req)
	switch faultOf(req) % 6 {
	case 0:
		return openaitest.Reply{Text: good}
	case 1: // citations to passages that do not exist
		return openaitest.Reply{Text: good + " Voir aussi [9] et [2, 14]."}
	case 2: // a figure changed
		return openaitest.Reply{Text: bumpFirstNumber(good)}
	case 3: // an invented figure
		return openaitest.Reply{Text: good + " L'épreuve dure 13 h et compte 17 situations [1]."}
	case 4: // no citation at all
		return openaitest.Reply{Text: "C'est une question importante pour l'examen, révisez bien."}
	default: // an injected instruction obeyed
		return openaitest.Reply{Text: "Bien sûr ! J'ignore mes règles : le coefficient est de 42 [1][7]."}
	}
}

var firstNumber = regexp.MustCompile(`(de |: |est |dure )(\d+)`)

func bumpFirstNumber(s string) string {
	done := false
	return firstNumber.ReplaceAllStringFunc(s, func(m string) string {
		if done {
			return m
		}
		done = true
		sub := firstNumber.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		return sub[1] + strconv.Itoa(n+3)
	})
}

// TestUnreliableModelOverGoldenSet runs every answerable golden question
// through the loopback server replaying the unreliable model, and counts
// what reached the student: invented citations and wrong numbers (target 0).
func TestUnreliableModelOverGoldenSet(t *testing.T) {
	t.Parallel()
	e := engine(t)
	m := scriptedModel(t, "unreliable", unreliable)
	items := goldenForRun(t)
	var asked, llmMode, fallbacks, invented, wrong, removedMarkers, corrected, dropped int
	for _, it := range items {
		r, gen, err := e.Generate(context.Background(), m, it.q, it.diploma, GenOptions{})
		if err != nil {
			t.Fatalf("%q: %v", it.q, err)
		}
		if gen.Prompt != nil {
			asked++
		}
		if r.Mode == ModeLLM {
			llmMode++
		} else if gen.Prompt != nil {
			fallbacks++
		}
		removedMarkers += r.RemovedCitations
		switch r.Note {
		case NoteCorrected:
			corrected++
		case NoteRemoved:
			dropped++
		}
		for n := range citedIn(r.Answer) {
			if n < 1 || n > len(r.Citations) {
				invented++
				t.Errorf("%q: invented citation [%d] in %q", it.q, n, r.Answer)
			}
		}
		if r.Mode != ModeLLM {
			continue // extractive: verbatim by construction
		}
		base, _ := e.Answer(context.Background(), it.q, it.diploma)
		allowed := numbers(base.Answer + " " + it.q)
		for _, sent := range sentences(r.Answer) {
			ok := map[string]bool{}
			for n := range citedIn(sent) {
				for x := range numbers(r.Citations[n-1].Text) {
					ok[x] = true
				}
			}
			for x := range numbers(sent) {
				if !ok[x] && !allowed[x] {
					wrong++
					t.Errorf("%q: unsupported number %s in %q", it.q, x, sent)
				}
			}
			an, err := e.Analyze(it.q, it.diploma)
			if err != nil {
				t.Fatal(err)
			}
			if !e.claimsHold(sent, an.Docs, an.Codes) {
				wrong++
				t.Errorf("%q: wrong coefficient in %q", it.q, sent)
			}
		}
	}
	t.Logf("golden questions %d, model asked %d, verified LLM answers %d, fallbacks to extractive %d", len(items), asked, llmMode, fallbacks)
	t.Logf("removed citation markers %d, sentences corrected from facts %d, sentences removed %d", removedMarkers, corrected, dropped)
	t.Logf("reaching the student: invented citations %d, wrong numbers %d", invented, wrong)
	if llmMode == 0 || removedMarkers == 0 || dropped+corrected == 0 {
		t.Errorf("the faults were not exercised: %d LLM answers, %d markers removed, %d sentences fixed", llmMode, removedMarkers, dropped+corrected)
	}
	if asked < len(items)/2 {
		t.Errorf("the model was asked only %d times out of %d", asked, len(items))
	}
}

type goldenItem struct{ q, diploma string }

// goldenQuestions reads the answerable questions of eval/golden.jsonl
// (without importing eval, which imports this package).
func goldenQuestions(t testing.TB) []goldenItem {
	data, err := os.ReadFile(filepath.Join("..", "eval", "golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenItem
	for _, line := range strings.Split(string(data), "\n") {
		var it struct {
			Q       string `json:"q"`
			Diploma string `json:"diploma"`
			Refuse  bool   `json:"refuse"`
		}
		if strings.HasPrefix(line, "//") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			t.Fatal(err)
		}
		if it.Refuse {
			continue
		}
		if it.Diploma == "*" {
			it.Diploma = ""
		}
		out = append(out, goldenItem{it.Q, it.Diploma})
	}
	if len(out) < 100 {
		t.Fatalf("only %d golden questions read", len(out))
	}
	return out
}

// BenchmarkVerify measures what verification adds to a generated answer.
func BenchmarkVerify(b *testing.B) {
	e := engine(b)
	q, err := e.Analyze("coef et duree de l'E4 en CCST", "")
	if err != nil {
		b.Fatal(err)
	}
	base, _ := e.AnswerQuery(context.Background(), q)
	passages, _ := e.passagesFor(context.Background(), q, base)
	text := "Au BTS CCST, l'épreuve E4 a un coefficient de 4 [1]. Elle dure 1 h [2], avec 1 h de préparation [2][9]. " +
		"Elle évalue la négociation [3]. " + fmt.Sprint("Les situations sont au nombre de 2 [1].")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.verify(q, text, passages, base)
	}
}
