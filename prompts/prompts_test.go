package prompts

import (
	"os"
	"testing"
)

func TestSystemGolden(t *testing.T) {
	got, err := System([]Passage{{N: 1, Diploma: "CCST", Section: "Annexe IV c Règlement d'examen", Text: "E4 … · coefficient 6"}})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/system.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile("testdata/system.golden", []byte(got), 0o644)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("rendered prompt differs from testdata/system.golden:\n%s", got)
	}
}
