package discord

import (
	"os"
	"strings"
	"testing"

	"github.com/btstutor/tutor/bot"
)

// A teacher joins a candidate's fiche to /scenario: the brief is built on
// it. A fiche that lacks fields, or a file that is no text, is refused
// with what to fix.
func TestScenarioFromAJoinedFiche(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil, withScenarios(t))
	fiche, err := os.ReadFile("../../examples/fiche-candidat.md")
	if err != nil {
		t.Fatal(err)
	}
	join := func(content []byte, contentType string) *editBody {
		id, url := h.fake.Attach("fiche.md", content)
		in := teacherCommand(map[string]string{bot.OptGraine: "7"}).WithFile(bot.OptFiche, id, url, "fiche.md", contentType, len(content))
		_, _, edit := h.ask(in)
		if edit == nil {
			t.Fatal("no answer")
		}
		return edit
	}
	edit := join(fiche, "text/markdown; charset=utf-8")
	if len(edit.Embeds) != 2 || !strings.Contains(edit.Embeds[0].Title, "Thermalia SARL") || !strings.Contains(edit.Embeds[0].Description, "Mme Claire Lemoine") {
		t.Fatalf("brief from the fiche: %+v", edit)
	}
	if edit := join([]byte("- diplome : NRC\n- entreprise : Thermalia\n"), "text/markdown"); !strings.Contains(edit.Content, "il manque offre") {
		t.Errorf("incomplete fiche: %q", edit.Content)
	}
	if edit := join([]byte{0x89, 'P', 'N', 'G'}, "image/png"); !strings.Contains(edit.Content, "n'est pas un fichier texte") {
		t.Errorf("an image: %q", edit.Content)
	}
	if edit := join([]byte(strings.Repeat("x", 40<<10)), "text/plain"); !strings.Contains(edit.Content, "trop long") {
		t.Errorf("a huge file: %q", edit.Content)
	}
}
