package main

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/btstutor/tutor/quiz"
)

func TestQuizInTheTerminal(t *testing.T) {
	t.Parallel()
	code, out, errs := run(t, "X\nB\nA\nC\n", dataEnv(t), "quiz", "--diploma", "CCST", "--theme", "competences", "-n", "3", "--seed", "9")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Count(out, "Question ") != 3 || !strings.Contains(out, "Tapez A, B, C ou D") || !strings.Contains(out, "— BTS CCST") || !strings.Contains(out, "\n> ") || !strings.Contains(out, "2024") || !strings.Contains(out, "Score : ") {
		t.Errorf("quiz:\n%s", out)
	}
	_, again, _ := run(t, "X\nB\nA\nC\n", dataEnv(t), "quiz", "--diploma", "CCST", "--theme", "competences", "-n", "3", "--seed", "9")
	if again != out {
		t.Error("the same seed asked other questions")
	}
}

// A figure is typed; what cannot be read is asked again with what to type.
func TestTerminalTypedAnswer(t *testing.T) {
	t.Parallel()
	it := &quiz.Item{Kind: quiz.KindDurTyped, Typed: true, Choices: []string{"4 h"}}
	var out strings.Builder
	right, err := askTerminal(bufio.NewReader(strings.NewReader("quatre\n4 heures\n")), &out, it)
	if err != nil || !right || !strings.Contains(out.String(), "Précisez l'unité") {
		t.Errorf("right %v, err %v, asked again %q", right, err, out.String())
	}
	if right, err := askTerminal(bufio.NewReader(strings.NewReader("3h\n")), &out, it); err != nil || right {
		t.Errorf("3 h read as right (%v)", err)
	}
	if _, err := askTerminal(bufio.NewReader(strings.NewReader("")), &out, it); err == nil {
		t.Error("the end of the input is no answer")
	}
}

func TestQuizBankJSON(t *testing.T) {
	t.Parallel()
	code, out, errs := run(t, "", dataEnv(t), "quiz", "--bank", "--json", "--diploma", "NRC", "--theme", "savoirs")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var items []struct {
		ID, Diploma, Theme, Question, Explanation string
		Choices                                   []string
		Citation                                  struct{ Lines [2]int }
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) < 50 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	for _, it := range items {
		if it.Diploma != "NRC" || it.Theme != "savoirs" || len(it.Choices) != 4 || it.Citation.Lines[0] == 0 {
			t.Fatalf("item %+v", it)
		}
	}
	for _, args := range [][]string{{"--theme", "maths"}, {"--diploma", "MCO"}, {"-n", "0"}, {"--json"}, {"--bank", "-n", "3"}} {
		if code, _, _ := run(t, "", dataEnv(t), append([]string{"quiz"}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

func TestConsoleQuiz(t *testing.T) {
	t.Parallel()
	in := "/signaler\n/confirmer\n/quiz NRC competences\ncoef e4\nréponse b)\n/signaler\n/revisions\n/rappel 7h\n/quiz-programmer jours=lundi heure=18h\n/quiz-liste\n/mes-donnees exporter\n/mes-donnees effacer\n/confirmer\n"
	code, out, errs := run(t, in, dataEnv(t), "console")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Rien à signaler", "Rien à confirmer", "Répondez A, B, C ou D.",
		"Répondez A, B, C ou D (ou tapez une commande", // a question typed while a quiz question waits
		"Tapez /signaler", "signalée aux enseignants",
		"Prochaine révision de cette question", "Rien à revoir", "7 h 00",
		"Quiz n°1 programmé", "quand le bot Discord tournera", "n°1", "--- mes-donnees.json ---", "Tapez /confirmer", "éléments effacés"} {
		if !strings.Contains(out, want) {
			t.Errorf("console lacks %q:\n%s", want, out)
		}
	}
	// "réponse b)" answers B, right or wrong.
	if !strings.Contains(out, "Vous avez répondu B") && !strings.Contains(out, "Bonne réponse : B") {
		t.Errorf("« réponse b) » not read as B:\n%s", out)
	}
}
