package discord

import (
	"strings"
	"sync"
	"testing"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/internal/openaitest"
	"github.com/btstutor/tutor/scenario"
)

var (
	scenOnce sync.Once
	scenGen  *scenario.Generator
)

func withScenarios(t testing.TB) func(*bot.Router) {
	scenOnce.Do(func() {
		var err error
		if scenGen, err = scenario.NewGenerator(testEngine(t).Corpus); err != nil {
			panic(err)
		}
	})
	return func(r *bot.Router) { r.Scenarios = scenGen }
}

func teacherCommand(opts map[string]string) *discordtest.Interaction {
	in := discordtest.Command(bot.CmdScenario, opts)
	in.Permissions = discordtest.PermManageGuild
	return in
}

func TestScenarioForATeacher(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil, withScenarios(t))
	opts := map[string]string{bot.OptDiplome: "NRC", bot.OptClient: "distributeur", bot.OptGraine: "42", bot.OptEleve: "user-7", bot.OptEtape: "objections"}
	sent, cb, edit := h.ask(teacherCommand(opts))
	if cb.Type != 5 || cb.Data.Flags&ephemeral == 0 {
		t.Fatalf("want a private deferral, got type %d flags %d", cb.Type, cb.Data.Flags)
	}
	want, err := scenGen.Generate(scenario.Options{Diploma: "NRC", Client: "distributeur", Seed: 42, Focus: "objections"})
	if err != nil {
		t.Fatal(err)
	}
	// The teacher: buyer's and jury's sheets, the whole brief attached.
	if edit == nil || len(edit.Embeds) != 2 || !strings.HasPrefix(edit.Embeds[0].Title, "Fiche acheteur") || !strings.HasPrefix(edit.Embeds[1].Title, "Fiche jury") {
		t.Fatalf("edit: %+v", edit)
	}
	if !strings.Contains(edit.Embeds[1].Description, "Corrigé") || !strings.Contains(edit.Embeds[1].Description, want.Jury.Criteria[0].Text) ||
		!strings.Contains(edit.Embeds[0].Description, want.Buyer.WalkAway) {
		t.Errorf("sheets: %s\n%s", edit.Embeds[0].Description, edit.Embeds[1].Description)
	}
	if !strings.Contains(edit.Content, "Fiche vendeur envoyée en message privé à <@user-7>") {
		t.Errorf("status: %q", edit.Content)
	}
	r := h.fake.WaitFor("the edit with the file", func(r discordtest.Request) bool {
		return r.Method == "PATCH" && r.Path == h.fake.OriginalPath(sent) && len(r.Files) > 0
	})
	if got := string(r.Files["jeu-de-role-nrc-42.md"]); got != want.Markdown() {
		t.Errorf("attachment %v differs from the brief of seed 42 (%d bytes, want %d)", keys(r.Files), len(got), len(want.Markdown()))
	}
	if pdf := r.Files["jeu-de-role-nrc-42.pdf"]; !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("no print-ready PDF among %v", keys(r.Files))
	}
	// The student: the seller's sheet by direct message, without the key.
	dm := h.fake.WaitFor("DM channel", func(r discordtest.Request) bool { return r.Method == "POST" && r.Path == "/users/@me/channels" })
	if !strings.Contains(string(dm.Body), `"recipient_id":"user-7"`) {
		t.Errorf("DM channel for %s", dm.Body)
	}
	msg := h.fake.WaitFor("seller's sheet", func(r discordtest.Request) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") && strings.HasSuffix(r.Path, "/messages")
	})
	var m struct {
		Embeds []embedBody `json:"embeds"`
	}
	if err := msg.JSON(&m); err != nil || len(m.Embeds) != 1 {
		t.Fatalf("DM %s: %v", msg.Body, err)
	}
	seller := m.Embeds[0].Description
	if !strings.Contains(m.Embeds[0].Title, "Fiche vendeur") || !strings.Contains(seller, want.Seller.Margin[0]) {
		t.Errorf("seller's sheet: %s", seller)
	}
	for _, secret := range []string{"Corrigé", want.Buyer.WalkAway, want.Buyer.HeldObjections[0], want.Pricing.Floor.String()} {
		if strings.Contains(seller, secret) {
			t.Errorf("the student sees %q", secret)
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestScenarioRefusals(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil, withScenarios(t))
	student := discordtest.Command(bot.CmdScenario, map[string]string{bot.OptDiplome: "NRC"})
	dm := teacherCommand(map[string]string{})
	dm.GuildID = "-"
	tests := []struct {
		name string
		in   *discordtest.Interaction
		want string
	}{
		{"student", student, "Seuls les enseignants"},
		{"direct message", dm, "serveur de la classe"},
		{"bad seed", teacherCommand(map[string]string{bot.OptGraine: "abc"}), "La graine doit être un nombre entier positif"},
		{"bad difficulty", teacherCommand(map[string]string{bot.OptDifficulte: "5"}), "La difficulté va de 1 à 3"},
		{"unknown sector", teacherCommand(map[string]string{bot.OptDiplome: "CCST", bot.OptSecteur: "boulangerie"}), "Secteur « boulangerie » inconnu en CCST"},
		{"client in CCST", teacherCommand(map[string]string{bot.OptDiplome: "CCST", bot.OptClient: "particulier"}), "En CCST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cb, edit := h.ask(tt.in)
			if cb.Type != 5 || cb.Data.Flags&ephemeral == 0 || edit == nil || len(edit.Embeds) != 0 {
				t.Fatalf("callback %+v, edit %+v", cb, edit)
			}
			if !strings.Contains(edit.Content, tt.want) {
				t.Errorf("message %q, want %q", edit.Content, tt.want)
			}
		})
	}
	for _, r := range h.fake.Requests() {
		if len(r.Files) > 0 || r.Path == "/users/@me/channels" {
			t.Errorf("a refusal sent %s", r)
		}
	}
}

func TestScenarioTeacherRoleAndClosedDMs(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil, withScenarios(t))
	if err := h.store.SetTeacherRole(t.Context(), "guild-1", "role-prof"); err != nil {
		t.Fatal(err)
	}
	h.fake.FailNext("POST", "/channels/", 403, `{"message": "Cannot send messages to this user", "code": 50007}`, 1)
	in := discordtest.Command(bot.CmdScenario, map[string]string{bot.OptDiplome: "CCST", bot.OptSituation: "1", bot.OptEleve: "user-9"})
	in.Roles = []string{"role-prof"}
	_, _, edit := h.ask(in)
	if edit == nil || len(edit.Embeds) != 2 || !strings.Contains(edit.Content, "messages privés fermés") {
		t.Fatalf("edit %+v", edit)
	}
	if !strings.Contains(edit.Embeds[1].Description, "Questions pour l'entretien") || strings.Contains(edit.Embeds[1].Description, "Paramètres modifiés") {
		t.Errorf("situation 1 jury sheet: %s", edit.Embeds[1].Description)
	}
}

func TestScenarioSectorAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil, withScenarios(t))
	_, cb, _ := h.ask(discordtest.Autocomplete(bot.CmdScenario, bot.OptSecteur, map[string]string{bot.OptSecteur: "plomb", bot.OptDiplome: "CCST"}))
	if cb.Type != 8 || len(cb.Data.Choices) != 1 || cb.Data.Choices[0]["value"] != "Fournitures pour la plomberie et le sanitaire" {
		t.Fatalf("choices %+v", cb.Data.Choices)
	}
	_, cb, _ = h.ask(discordtest.Autocomplete(bot.CmdScenario, bot.OptSecteur, map[string]string{bot.OptSecteur: "", bot.OptDiplome: "NRC", bot.OptClient: "distributeur"}))
	if len(cb.Data.Choices) != 5 {
		t.Fatalf("NRC distributeur sectors: %+v", cb.Data.Choices)
	}
}

// With a language model the narrative is rewritten (and verified), the
// figures stay the generator's, the tokens count against the budgets.
func TestScenarioWithALanguageModel(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	srv.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		facts := req.Messages[len(req.Messages)-1].Content
		field := func(name string) string {
			_, rest, _ := strings.Cut(facts, "- "+name+" : ")
			line, _, _ := strings.Cut(rest, "\n")
			return line
		}
		return openaitest.Reply{Text: "Vous travaillez chez " + field("Vendeur") + " et vous rencontrez " + field("Interlocuteur") +
			" pour lui présenter votre offre. Préparez bien votre découverte avant de parler de prix : votre interlocuteur attend une écoute attentive."}
	})
	h := start(t, nil, "", nil, withScenarios(t), withLLM(t, srv, 0))
	_, _, edit := h.ask(teacherCommand(map[string]string{bot.OptDiplome: "CCST", bot.OptGraine: "8"}))
	r := h.fake.WaitFor("the brief", func(r discordtest.Request) bool { return len(r.Files) > 0 })
	md := string(r.Files["jeu-de-role-ccst-8.md"])
	want, _ := scenGen.Generate(scenario.Options{Diploma: "CCST", Seed: 8})
	if edit == nil || !strings.Contains(md, "Vous travaillez chez "+want.Context.Company) || strings.Contains(md, want.Narrative) {
		t.Fatalf("the narrative was not rewritten:\n%.600s", md)
	}
	if !strings.Contains(md, want.SellerSheet()) || !strings.Contains(md, want.JurySheet(true)) {
		t.Error("the model changed the sheets")
	}
	user, _, err := h.store.Usage(t.Context(), "guild-1", "user-1")
	if err != nil || user == 0 {
		t.Errorf("usage %d, %v", user, err)
	}
}
