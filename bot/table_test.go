package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/internal/enginetest"
)

// Every command of the table has what its adapters derive from it: a
// Discord description, its line of /aide and a console form.
func testEngine(t *testing.T) *answer.Engine { return enginetest.Engine(t) }

func TestEveryCommandHasHelpAndConsoleForm(t *testing.T) {
	t.Parallel()
	r := &Router{Engine: testEngine(t)}
	names := map[string]bool{}
	for _, c := range r.Commands() {
		if names[c.Name] {
			t.Errorf("/%s twice in the table", c.Name)
		}
		names[c.Name] = true
		if c.Description == "" || len([]rune(c.Description)) > 100 {
			t.Errorf("/%s: description %q", c.Name, c.Description)
		}
		if c.Help == "" {
			t.Errorf("/%s has no help", c.Name)
		}
		if c.Run == nil {
			t.Errorf("/%s has no handler", c.Name)
		}
		req, msg, _ := r.ParseLine(strings.TrimSpace("/" + c.Name + " " + c.Example))
		if req == nil || req.Command != c.Name {
			t.Errorf("/%s %s: no console form (%q)", c.Name, c.Example, msg)
		}
		for _, o := range c.Options {
			if o.Required && c.Example == "" {
				t.Errorf("/%s: option %s required, no console example", c.Name, o.Name)
			}
		}
	}
	help, err := r.aide(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	for name := range names {
		if !strings.Contains(help.Text, "**/"+name+"**") {
			t.Errorf("/%s missing from /aide", name)
		}
	}
}

func TestParseLine(t *testing.T) {
	t.Parallel()
	r := &Router{Engine: testEngine(t)}
	tests := []struct {
		line, cmd, sub string
		opts           map[string]string
		msg            string
	}{
		{line: "coef e4 ccst", cmd: CmdQuestion, opts: map[string]string{OptTexte: "coef e4 ccst"}},
		{line: "/EPREUVE E4", cmd: CmdEpreuve, opts: map[string]string{OptCode: "E4"}},
		{line: "/diplome NRC", cmd: CmdConfig, sub: SubDiplome, opts: map[string]string{OptDiplome: "NRC"}},
		{line: "/scenario nrc distributeur graine=42", cmd: CmdScenario, opts: map[string]string{OptDiplome: "nrc", OptClient: "distributeur", OptGraine: "42"}},
		{line: "/quiz-programmer jours=lundi heure=18h", cmd: CmdQuizProgrammer, opts: map[string]string{OptJours: "lundi", OptHeure: "18h"}},
		{line: "/competence", msg: "Il manque le texte"},
		{line: "/quiz-programmer lundi", msg: "clé=valeur"},
		{line: "/scenario graine=1 couleur=bleu", msg: "Option « couleur » inconnue"},
		{line: "/inconnue", msg: "Commande inconnue /inconnue"},
		{line: "/quitter", msg: "Au revoir"},
	}
	for _, tc := range tests {
		req, msg, _ := r.ParseLine(tc.line)
		if tc.msg != "" {
			if req != nil || !strings.Contains(msg, tc.msg) {
				t.Errorf("%q: %+v %q, want %q", tc.line, req, msg, tc.msg)
			}
			continue
		}
		if req == nil || req.Command != tc.cmd || req.Sub != tc.sub {
			t.Errorf("%q: %+v %q", tc.line, req, msg)
			continue
		}
		for k, v := range tc.opts {
			if req.Options[k] != v {
				t.Errorf("%q: option %s = %q, want %q", tc.line, k, req.Options[k], v)
			}
		}
	}
}

// A refusal's first letter is upper-cased whole, accents included.
func TestRefusedCapitalisesAccents(t *testing.T) {
	t.Parallel()
	if got := refused(errors.New("étape « foo » inconnue")).Text; got != "Étape « foo » inconnue." {
		t.Errorf("refused: %q", got)
	}
}
