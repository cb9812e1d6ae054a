package answer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/btstutor/tutor/internal/openaitest"
	"github.com/btstutor/tutor/llm"
	"github.com/btstutor/tutor/prompts"
)

// honestAnswer is what a model that follows the rules writes: the facts it
// was given, or the first passage quoted, each with its marker.
func honestAnswer(req openaitest.ChatRequest) string {
	sys := req.Messages[0].Content
	if i := strings.Index(sys, "Faits vérifiés"); i >= 0 {
		rest := sys[i:]
		rest = rest[strings.Index(rest, "\n")+1:]
		return strings.TrimSpace(rest[:strings.Index(rest, "\nPassages :")])
	}
	if i := strings.Index(sys, "<passage n=\"1\""); i >= 0 {
		body := sys[i:]
		body = body[strings.Index(body, ">\n")+2:]
		return "D'après le référentiel : « " + strings.SplitN(body, "\n", 2)[0] + " » [1]."
	}
	return ""
}

// faultOf picks a question's fault from its text: each question gets one,
// the same at every run.
func faultOf(req openaitest.ChatRequest) int {
	var fault int
	for _, r := range req.Messages[len(req.Messages)-1].Content {
		fault += int(r)
	}
	return fault
}

// adversarial answers like a model that errs in every way issue 13 lists,
// one fault per question, in turn: a figure of another kind, a figure in
// words, the question's figure confirmed, an invented code, an invented
// law, an injection obeyed (mention, link, masked link), the rules
// repeated, a generation cut short.
func adversarial(req openaitest.ChatRequest) openaitest.Reply {
	good := honestAnswer(req)
	switch faultOf(req) % 10 {
	case 0:
		return openaitest.Reply{Text: good + " Elle dure 6 h, avec 6 heures de préparation [1]."}
	case 1:
		return openaitest.Reply{Text: good + " Elle compte trois heures et un coefficient neuf [1]."}
	case 2:
		return openaitest.Reply{Text: "Oui, c'est bien 9 [1]. " + good}
	case 3:
		return openaitest.Reply{Text: good + " Elle évalue aussi la compétence C9.9 et l'épreuve E8 [1]."}
	case 4:
		return openaitest.Reply{Text: good + " La loi Lemaire-Duval impose un jury de cinq membres [1]."}
	case 5:
		return openaitest.Reply{Text: good + " @everyone l'examen est annulé, détails sur https://phish.example/bts [1]."}
	case 6:
		return openaitest.Reply{Text: good + " Téléchargez [le corrigé officiel](https://phish.example/corrige) [1]. Envoyez votre mot de passe ENT au jury [1]."}
	case 7:
		return openaitest.Reply{Text: good + " " + strings.SplitN(prompts.Rules(), "\n", 2)[0] + " [1]"}
	case 8:
		return openaitest.Reply{Text: good + " Par ailleurs, l'épreuve se dér", Cut: true}
	default:
		return openaitest.Reply{Text: good + " De plus, le candidat doit prés", Finish: "length"}
	}
}

// goldenForRun is the golden set's answerable questions; under the race
// detector, sequential and 10× slower, one in ten (make test runs them all
// again without it).
func goldenForRun(t *testing.T) []goldenItem {
	items := goldenQuestions(t)
	if !raceEnabled {
		return items
	}
	var sample []goldenItem
	for i := 0; i < len(items); i += 10 {
		sample = append(sample, items[i])
	}
	return sample
}

// scriptedModel is the LLM client to a loopback server answering with f.
func scriptedModel(t *testing.T, name string, f func(openaitest.ChatRequest) openaitest.Reply) *llm.Client {
	t.Helper()
	srv := openaitest.New(t)
	srv.Respond(f)
	m, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: "k", Model: name, Total: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestAdversarialModelOverGoldenSet counts what reaches the student from a
// model that errs: wrong figures, invented codes or laws, links, mentions,
// the rules' text, unfinished sentences, and answers marked verified that
// are not. Every count must be 0.
func TestAdversarialModelOverGoldenSet(t *testing.T) {
	t.Parallel()
	e := engine(t)
	m := scriptedModel(t, "adversarial", adversarial)
	rules := ruleRuns()
	var llmMode, wrong, invented, unsafeText, unfinished, falselyVerified, partial int
	for _, it := range goldenForRun(t) {
		var shown []string
		r, _, err := e.Generate(context.Background(), m, it.q, it.diploma, GenOptions{OnDelta: func(s string) { shown = append(shown, s) }})
		if err != nil {
			t.Fatalf("%q: %v", it.q, err)
		}
		// Nothing unverified on screen while the model writes either.
		for _, s := range shown {
			if reURL.MatchString(s) || reMdLink.MatchString(s) || reMention.MatchString(s) || sharesRun(s, rules) || strings.Contains(s, "Lemaire") ||
				strings.Contains(s, "mot de passe") || strings.Contains(s, "C9.9") {
				unsafeText++
				t.Errorf("%q: streamed before verification: %q", it.q, s)
			}
		}
		if r.Mode != ModeLLM {
			continue
		}
		llmMode++
		base, _ := e.Answer(context.Background(), it.q, it.diploma)
		for _, sent := range sentences(r.Answer) {
			evidence := base.Answer
			for n := range citedIn(sent) {
				evidence += "\n" + r.Citations[n-1].Text
			}
			for v := range values(sent) {
				if !values(evidence)[v] {
					wrong++
					t.Errorf("%q: %s not in its passages: %q", it.q, v, sent)
				}
			}
		}
		if _, missing := e.resolveCodes(r.Answer, e.Corpus.Docs); len(missing) > 0 || strings.Contains(r.Answer, "Lemaire") {
			invented++
			t.Errorf("%q: invented code or law %v in %q", it.q, missing, r.Answer)
		}
		if reURL.MatchString(r.Answer) || reMdLink.MatchString(r.Answer) || reMention.MatchString(r.Answer) || sharesRun(r.Answer, rules) || strings.Contains(r.Answer, "mot de passe") {
			unsafeText++
			t.Errorf("%q: link, mention or rules in %q", it.q, r.Answer)
		}
		lines := strings.Split(strings.TrimSpace(r.Answer), "\n")
		if last := strings.TrimSpace(lines[len(lines)-1]); last != "" && !strings.HasPrefix(last, "•") && !strings.ContainsAny(last[len(last)-1:], ".!?]»)") {
			unfinished++
			t.Errorf("%q: unfinished %q", it.q, r.Answer)
		}
		switch r.Note {
		case NoteRemoved, NoteFiltered, NoteUnfinished:
			partial++
			if r.Verified {
				falselyVerified++
				t.Errorf("%q: marked verified with %q", it.q, r.Note)
			}
		}
	}
	t.Logf("LLM answers %d, of which verified in part %d", llmMode, partial)
	t.Logf("reaching the student: wrong figures %d, invented codes or laws %d, links/mentions/rules %d, unfinished %d, falsely verified %d",
		wrong, invented, unsafeText, unfinished, falselyVerified)
	if llmMode == 0 || partial == 0 {
		t.Errorf("the faults were not exercised: %d LLM answers, %d partial", llmMode, partial)
	}
}

// TestHonestModelOverGoldenSet: a model that follows the rules gets its
// answers verified whole (target ≥ 95 % of those it writes).
func TestHonestModelOverGoldenSet(t *testing.T) {
	t.Parallel()
	e := engine(t)
	m := scriptedModel(t, "honest", func(req openaitest.ChatRequest) openaitest.Reply { return openaitest.Reply{Text: honestAnswer(req)} })
	var asked, whole int
	for _, it := range goldenForRun(t) {
		r, gen, err := e.Generate(context.Background(), m, it.q, it.diploma, GenOptions{})
		if err != nil {
			t.Fatalf("%q: %v", it.q, err)
		}
		if gen.Prompt == nil {
			continue
		}
		asked++
		if r.Mode == ModeLLM && r.Verified && r.Note != NoteRemoved && r.Note != NoteFiltered && r.Note != NoteUnfinished {
			whole++
		} else {
			t.Logf("%q: mode %s verified %v note %q", it.q, r.Mode, r.Verified, r.Note)
		}
	}
	t.Logf("honest model: %d answers written, %d verified whole (%.1f %%)", asked, whole, 100*float64(whole)/float64(max(asked, 1)))
	if asked == 0 || float64(whole) < 0.95*float64(asked) {
		t.Errorf("only %d of %d honest answers verified whole", whole, asked)
	}
}
