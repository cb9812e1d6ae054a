package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/internal/enginetest"
	"github.com/btstutor/tutor/retrieval"
)

func engine(tb testing.TB) *answer.Engine { return enginetest.Engine(tb) }

// The golden set is the contract, on its reported half: the code is tuned
// on the other half only. A regression in parsing, retrieval or answers
// fails here.
func TestGoldenSetTargets(t *testing.T) {
	if raceEnabled {
		t.Skip("sequential and 15× slower under -race: make test runs it without the race detector")
	}
	items, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	report, tune := Only(items, SplitReport), Only(items, SplitTune)
	if len(report) < 60 || len(tune) < 60 || len(report)+len(tune) != len(items) {
		t.Fatalf("golden set: %d reported, %d to tune on, %d in all", len(report), len(tune), len(items))
	}
	rep, err := Run(context.Background(), engine(t), report, 5, retrieval.Fused, retrieval.Lexical, retrieval.Vector)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep.Table("jeu de référence (moitié rapportée)"))
	s := rep.All
	check := func(name string, got, min float64) {
		if got < min {
			t.Errorf("%s = %.3f, want ≥ %.2f", name, got, min)
		}
	}
	check("hit@5", s.HitAtK(), 0.95)
	check("MRR", s.MRR(), 0.85)
	check("correct", s.CorrectRate(), 0.90)
	check("cited", s.CitedRate(), 0.90)
	check("refusals", s.RefusalRecall(), 1)
	if s.FalseRefusalRate() > 0.05 {
		t.Errorf("%.3f of answerable questions refused, want ≤ 0.05", s.FalseRefusalRate())
	}
	if t.Failed() {
		for _, m := range rep.Misses {
			t.Log(m)
		}
	}
}

func TestLoadReadsBothFormats(t *testing.T) {
	path := t.TempDir() + "/set.jsonl"
	writeFile(t, path, `{"id":"a","q":"coef e4","diploma":"*","gold":["x"],"facts":["4","E4"],"refuse":false,"kind":"épreuve","split":"tune"}
{"id":"b","q":"duree e5","diploma":"NRC","gold":["y"],"facts":[["5 h","5 heures"],["écrite"]],"kind":"épreuve"}
{"id":"c","q":"capitale ?","diploma":"","abstain":true,"kind":"hors-sujet"}
`)
	items, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[0].Diploma != "" || len(items[0].Facts) != 2 || len(items[1].Facts[0]) != 2 || !items[2].Refuse {
		t.Fatalf("items = %+v", items)
	}
	if got := Only(items, SplitTune); len(got) != 1 || got[0].ID != "a" {
		t.Errorf("tune split = %+v", got)
	}
}

func TestLoadRejectsBadSets(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty.jsonl":   "",
		"broken.jsonl":  "{not json",
		"nogold.jsonl":  `{"id":"a","q":"coef e4"}`,
		"badfact.jsonl": `{"id":"a","q":"coef e4","gold":["x"],"facts":[1]}`,
		"missing.jsonl": "",
	} {
		path := dir + "/" + name
		if name != "missing.jsonl" {
			writeFile(t, path, content)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}

// The rules are those of the shared scorer (../shared/eval/score.py).
func TestMatchingRules(t *testing.T) {
	facts := []struct {
		alt, answer string
		want        bool
	}{
		{"4", "a un coefficient de 4 [1].", true},
		{"4", "l'épreuve E4 a un coefficient de 6", false},
		{"1,5", "coefficient 1,5 pour la E21", true},
		{"B1", "niveau B1 du CECRL", true},
		{"B1", "niveau B12", false},
		{"fidélisation", "la FIDELISATION des clients", true},
		{"production d’informations commerciales", "Production d'informations commerciales", true},
	}
	for _, f := range facts {
		if got := factIn(f.alt, norm(f.answer)); got != f.want {
			t.Errorf("factIn(%q, %q) = %v", f.alt, f.answer, got)
		}
	}
	if !factsOK([][]string{{"16"}, {"6 semaines", "six semaines"}}, "La durée est de 16 semaines, dont six semaines consécutives") {
		t.Error("factsOK missed a group")
	}
	long := "Le contrôle de conformité du dossier est effectué par les autorités académiques avant l’interrogation"
	if !hits(long, "**Le contrôle** de conformité du dossier est effectué par les autorités académiques avant l'interrogation. En cas…") {
		t.Error("hits missed a long excerpt with markup and another apostrophe")
	}
	if hits("un professionnel", "un professeur") {
		t.Error("hits matched a different text")
	}
}

func TestLocatorFindsLinesAndCites(t *testing.T) {
	loc := newLocator(engine(t).Corpus)
	s := loc.find("La durée des stages est de 16 semaines")
	if s == nil || s.source != "bts-nrc-referentiel.txt" || s.lines[0] == 0 || s.lines[1] < s.lines[0] {
		t.Fatalf("find = %+v", s)
	}
	if loc.find("une phrase qui n'est dans aucun texte, assurément") != nil {
		t.Error("found an excerpt that is nowhere")
	}
	covering := passage{section: "stage", text: "autre chose", source: s.source, lines: s.lines}
	elsewhere := passage{section: "stage", text: "autre chose", source: s.source, lines: [2]int{s.lines[1] + 10, s.lines[1] + 20}}
	if !loc.cites("La durée des stages est de 16 semaines", covering) || loc.cites("La durée des stages est de 16 semaines", elsewhere) {
		t.Error("cites by lines is wrong")
	}
	if !strings.Contains(norm("Œuvre « É »"), "oeuvre") {
		t.Error("norm does not fold œ")
	}
}
