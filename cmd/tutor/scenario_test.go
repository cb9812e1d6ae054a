package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScenarioCommand(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	code, out, errs := run(t, "", env, "scenario", "--diploma", "NRC", "--client", "particulier", "--seed", "42", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var b struct {
		Diploma    string
		ClientType string `json:"client_type"`
		Options    struct{ Seed uint64 }
		Jury       struct{ Criteria []struct{ Text string } }
		Pricing    struct{ TotalTTC int64 }
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if b.Diploma != "NRC" || b.ClientType != "particulier" || b.Options.Seed != 42 || len(b.Jury.Criteria) != 10 || b.Pricing.TotalTTC <= 0 {
		t.Errorf("brief %+v", b)
	}
	_, again, _ := run(t, "", env, "scenario", "--diploma", "NRC", "--client", "particulier", "--seed", "42", "--format", "json")
	if again != out {
		t.Error("the same seed gave another brief")
	}
	// Markdown to a file.
	path := filepath.Join(t.TempDir(), "brief.md")
	code, _, errs = run(t, "", env, "scenario", "--diploma", "CCST", "--situation", "1", "--seed", "3", "--out", path)
	md, err := os.ReadFile(path)
	if code != 0 || err != nil || !strings.HasPrefix(string(md), "# ") || !strings.Contains(string(md), "Situation d'évaluation n°1") || !strings.Contains(errs, "graine 3") {
		t.Fatalf("exit %d, %v, %s: %.200s", code, err, errs, md)
	}
	// Built on a candidate's fiche; a missing or incomplete one says what
	// to fix.
	fiche := filepath.Join("..", "..", "examples", "fiche-candidat.md")
	if code, out, errs := run(t, "", env, "scenario", "--from", fiche, "--seed", "7"); code != 0 || !strings.Contains(out, "Thermalia SARL") || !strings.Contains(out, "Mme Claire Lemoine") {
		t.Errorf("from a fiche: exit %d, %s, %.300s", code, errs, out)
	}
	// Print-ready.
	pdf := filepath.Join(t.TempDir(), "brief.pdf")
	if code, _, errs := run(t, "", env, "scenario", "--seed", "3", "--format", "pdf", "--out", pdf); code != 0 {
		t.Errorf("pdf: exit %d, %s", code, errs)
	} else if data, _ := os.ReadFile(pdf); !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("pdf: %.20q", data)
	}
	bad := filepath.Join(t.TempDir(), "fiche.md")
	os.WriteFile(bad, []byte("- diplome : NRC\n- entreprise : Thermalia\n"), 0o644)
	for path, want := range map[string]string{filepath.Join(t.TempDir(), "absente.md"): "illisible", bad: "il manque offre"} {
		if code, out, errs := run(t, "", env, "scenario", "--from", path); code != exitUsage || out != "" || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, %q", path, code, errs)
		}
	}
}

func TestScenarioBadOptions(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--diploma", "MCO"},
		{"--seed", "-4"},
		{"--difficulty", "9"},
		{"--difficulty", "0"},
		{"--situation", "0"},
		{"--diploma", "CCST", "--sector", "mat"},
		{"--focus", "prospection"},
		{"--format", "docx"},
		{"--diploma", "CCST", "--client", "distributeur"},
		{"en trop"},
	} {
		code, out, errs := run(t, "", dataEnv(t), append([]string{"scenario"}, args...)...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errs, "erreur : ") {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out, errs)
		}
	}
}

// Every verb says its options on --help.
func TestHelpOfEveryVerb(t *testing.T) {
	t.Parallel()
	for verb := range (&Main{}).commands() {
		code, out, _ := run(t, "", dataEnv(t), verb, "--help")
		if code != exitOK || !strings.Contains(out, "tutor "+verb+" — options") {
			t.Errorf("%s --help: exit %d\n%s", verb, code, out)
		}
	}
}

func TestConsoleScenario(t *testing.T) {
	t.Parallel()
	fiche := filepath.Join("..", "..", "examples", "fiche-candidat.md")
	code, out, errs := run(t, "/scenario NRC distributeur conclusion graine=5\n/scenario couleur=bleu\n/scenario fiche="+fiche+" graine=7\n/scenario fiche=absente.md\n", dataEnv(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "client distributeur") || !strings.Contains(out, "étape travaillée : conclusion") || !strings.Contains(out, "graine 5") ||
		!strings.Contains(out, "Option « couleur » inconnue") || !strings.Contains(out, "Thermalia SARL pour le foyer Lemoine") || !strings.Contains(out, "Fiche illisible") {
		t.Errorf("console:\n%s", out)
	}
}
