package discord

import (
	"strings"
	"testing"
	"time"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/internal/openaitest"
	"github.com/btstutor/tutor/llm"
)

func withLLM(t *testing.T, srv *openaitest.Server, userBudget int) func(*bot.Router) {
	c, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: "sk-bot-secret", Model: "tuteur", Total: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return func(r *bot.Router) { r.LLM, r.UserBudget = c, userBudget }
}

func TestStreamedVerifiedAnswer(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	h := start(t, nil, "", nil, withLLM(t, srv, 0))
	srv.Push(openaitest.Reply{Text: "Au BTS CCST, l'épreuve E4 a un coefficient de 6 [1] et une citation fausse [8]."})
	sent, cb, _ := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"}))
	if cb.Type != 5 {
		t.Fatalf("callback %d", cb.Type)
	}
	path := h.fake.OriginalPath(sent)
	final := h.fake.WaitFor("final edit", func(r discordtest.Request) bool {
		return r.Method == "PATCH" && r.Path == path && strings.Contains(string(r.Body), `"embeds"`)
	})
	var edits []discordtest.Request
	for _, r := range h.fake.Requests() {
		if r.Method == "PATCH" && r.Path == path {
			edits = append(edits, r)
		}
	}
	if len(edits) < 2 || !strings.Contains(string(edits[0].Body), "en cours de rédaction") {
		t.Fatalf("no streamed edit before the final one: %d edits", len(edits))
	}
	var e editBody
	final.JSON(&e)
	text := e.Embeds[0].all()
	for _, want := range []string{"coefficient de 6 [1]", "modèle de langue et vérifiée", "[1] BTS CCST"} {
		if !strings.Contains(text, want) {
			t.Errorf("final answer lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[8]") {
		t.Error("invented citation shown")
	}
	if strings.Contains(h.logs.String(), "sk-bot-secret") {
		t.Error("API key in the logs")
	}
}

func TestBudgetAndFallback(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	h := start(t, nil, "", nil, withLLM(t, srv, 10))
	srv.Respond(func(openaitest.ChatRequest) openaitest.Reply {
		return openaitest.Reply{Text: "L'épreuve E4 a un coefficient de 6 [1].", Usage: [2]int{900, 20}}
	})
	q := func() string {
		_, _, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"}))
		return edit.Embeds[0].all()
	}
	if got := q(); !strings.Contains(got, "modèle de langue") {
		t.Fatalf("first answer not generated:\n%s", got)
	}
	got := q()
	if !strings.Contains(got, "quota quotidien") || !strings.Contains(got, "Réponse extractive") {
		t.Errorf("budget exhausted but:\n%s", got)
	}
	if n := len(srv.Received()); n != 1 {
		t.Errorf("the model was asked %d times", n)
	}
	// A failing model still gives the extractive answer, with a note.
	h2 := start(t, nil, "", nil, withLLM(t, srv, 0))
	srv.Push(openaitest.Reply{Status: 400})
	_, _, edit := h2.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"}))
	if got := edit.Embeds[0].all(); !strings.Contains(got, "indisponible") || !strings.Contains(got, "coefficient de 6") {
		t.Errorf("fallback:\n%s", got)
	}
}

func TestFollowUpInThread(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	h := start(t, nil, "", nil, withLLM(t, srv, 0))
	srv.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		return openaitest.Reply{Text: "Réponse [1]."}
	})
	h.fake.AddChannel("fil", "guild-1", discordtest.ChannelPublicThread)
	h.fake.Mention("guild-1", "fil", "user-3", "@bot coef de l'E4 en CCST ?")
	h.fake.WaitFor("first answer", func(r discordtest.Request) bool { return r.Path == "/channels/fil/messages" })
	h.fake.Mention("guild-1", "fil", "user-3", "@bot et en NRC ?")
	h.fake.WaitFor("second answer", func(r discordtest.Request) bool {
		return r.Path == "/channels/fil/messages" && strings.Contains(string(r.Body), "NRC")
	})
	got := srv.Received()
	if len(got) != 2 {
		t.Fatalf("%d model requests", len(got))
	}
	ms := got[1].Body["messages"].([]any)
	if len(ms) != 4 || !strings.Contains(ms[1].(map[string]any)["content"].(string), "coef de l'E4 en CCST") {
		t.Errorf("the follow-up did not carry the conversation: %v", ms)
	}
	if sys := ms[0].(map[string]any)["content"].(string); !strings.Contains(sys, `diplome="BTS NRC"`) {
		t.Errorf("the follow-up's passages are not about the NRC")
	}
	// A third turn still knows the subject: the E4, now of the NRC; the
	// earlier questions reach the model as data.
	h.fake.Mention("guild-1", "fil", "user-3", "@bot et la durée ?")
	h.fake.WaitFor("third answer", func(r discordtest.Request) bool {
		return r.Path == "/channels/fil/messages" && len(srv.Received()) == 3
	})
	ms = srv.Received()[2].Body["messages"].([]any)
	if asked := ms[len(ms)-1].(map[string]any)["content"].(string); !strings.Contains(asked, "E4") || !strings.Contains(asked, "NRC") {
		t.Errorf("the third turn is not asked of the NRC's E4: %q", asked)
	}
	for _, m := range ms[1 : len(ms)-1] {
		if m := m.(map[string]any); m["role"] == "user" && !strings.Contains(m["content"].(string), "<question>") {
			t.Errorf("an earlier question reached the model unwrapped: %q", m["content"])
		}
	}
}
