package discord

import (
	"context"
	"strings"
	"testing"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

// A new command costs one table entry and one handler: Discord registers
// it, routes it, /aide lists it and the console reads it.
func TestANewCommandIsOneEntry(t *testing.T) {
	t.Parallel()
	ping := bot.Command{
		Name: "ping", Description: "Vérifier que le tuteur répond", Help: "— vérifier que le tuteur répond",
		Ack: bot.AckMessage,
		Run: func(_ *bot.Router, _ context.Context, req bot.Request) (bot.Response, error) {
			return bot.Response{Text: "pong pour " + req.UserID, Outcome: bot.OutcomeOK}, nil
		},
	}
	fake := discordtest.New(t, testToken)
	h := start(t, fake, "", nil, func(r *bot.Router) { r.Table = append(bot.DefaultCommands(), ping) })
	reg := fake.WaitFor("registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	var cmds []struct{ Name string }
	if err := reg.JSON(&cmds); err != nil {
		t.Fatal(err)
	}
	if cmds[len(cmds)-1].Name != "ping" {
		t.Errorf("registered: %+v", cmds)
	}
	in := discordtest.Command("ping", nil)
	in.UserID = "ana"
	_, cb, _ := h.ask(in)
	if !strings.Contains(text(cb), "pong pour ana") {
		t.Errorf("/ping answered %q", text(cb))
	}
	router := h.bot.router
	if req, _, _ := router.ParseLine("/ping"); req == nil || req.Command != "ping" {
		t.Errorf("console: %+v", req)
	}
	if help, _ := router.Execute(context.Background(), bot.Request{Command: bot.CmdAide}); !strings.Contains(help.Text, "**/ping** — vérifier") {
		t.Error("/ping missing from /aide")
	}
}
