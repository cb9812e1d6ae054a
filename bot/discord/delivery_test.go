package discord

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

// A direct message is a question: answered under it, without a mention. A
// message in a server without a mention is not.
func TestDirectMessageNeedsNoMention(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	h.fake.AddChannel("chan-2", "guild-1", discordtest.ChannelText)
	h.fake.Post(discordtest.Message{GuildID: "guild-1", ChannelID: "chan-2", UserID: "user-9", Text: "coef e4 ccst ?", NoMention: true})
	h.fake.Post(discordtest.Message{ChannelID: "dm-1", UserID: "user-9", Text: "coef e4 ccst ?", NoMention: true})
	r := h.fake.WaitFor("answer in the DM", func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/dm-1/messages"
	})
	if !strings.Contains(string(r.Body), "coefficient de 6") {
		t.Errorf("DM answer: %s", r.Body)
	}
	h.fake.Post(discordtest.Message{ChannelID: "dm-1", UserID: "user-9", Text: "coef e4 nrc ?", NoMention: true})
	h.fake.WaitFor("second DM answer", func(r discordtest.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/dm-1/messages" && strings.Contains(string(r.Body), "BTS NRC")
	})
	for _, r := range h.fake.Requests() {
		if strings.HasPrefix(r.Path, "/channels/chan-2/") {
			t.Errorf("a server message without mention was answered: %s %s", r.Method, r.Path)
		}
	}
}

// The same interaction or message delivered twice is answered once.
func TestDuplicateDeliveryAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	in := discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"})
	in, _, _ = h.ask(in)
	h.fake.Send(in)
	h.fake.AddChannel("fil-9", "guild-1", discordtest.ChannelPublicThread)
	msg := discordtest.Message{ID: h.fake.ID(), GuildID: "guild-1", ChannelID: "fil-9", UserID: "user-7", Text: "@bot coef e4 nrc"}
	h.fake.Post(msg)
	h.fake.WaitFor("answer in the thread", func(r discordtest.Request) bool { return r.Path == "/channels/fil-9/messages" })
	h.fake.Post(msg)
	count := func() (callbacks, posts int) {
		for _, r := range h.fake.Requests() {
			switch {
			case r.Path == in.CallbackPath():
				callbacks++
			case r.Method == "POST" && r.Path == "/channels/fil-9/messages":
				posts++
			}
		}
		return callbacks, posts
	}
	// Until both duplicates are seen ignored, or answered.
	for {
		logs := h.logs.String()
		if c, p := count(); c > 1 || p > 1 || strings.Contains(logs, "interaction delivered twice") && strings.Contains(logs, "message delivered twice") {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if callbacks, posts := count(); callbacks != 1 || posts != 1 {
		t.Errorf("answered %d times to the interaction and %d to the message, want once each", callbacks, posts)
	}
}

func TestDiscordRetriesAndReconnects(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	// A 429 on the edit: discordgo waits retry_after and sends it again.
	h.fake.FailNext("PATCH", "/webhooks/", http.StatusTooManyRequests, `{"message":"You are being rate limited.","retry_after":0.05,"global":false}`, 1)
	sent, _, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"}))
	if edit == nil || edit.method != "PATCH" {
		t.Fatalf("no edit: %+v", edit)
	}
	path := h.fake.OriginalPath(sent)
	h.fake.WaitFor("retried edit", func(r discordtest.Request) bool {
		return r.Method == "PATCH" && r.Path == path && r.Seq > edit.seq
	})

	// The socket dies mid-session: the bot resumes and still answers,
	// including an interaction sent while it was away.
	h.fake.DropGateway()
	_, cb, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "duree E5 NRC"}))
	if cb.Type != 5 || edit == nil || !strings.Contains(edit.Embeds[0].Description, "5 h") {
		t.Fatalf("after the drop: %+v %+v", cb, edit)
	}
	if ids, resumes := h.fake.Sessions(); ids != 1 || resumes != 1 {
		t.Errorf("identify %d, resume %d: want one of each", ids, resumes)
	}
	// On the address READY gave for resuming, not the first gateway.
	if on := h.fake.ResumedOn(); len(on) != 1 || !on[0] {
		t.Errorf("resumed on the resume_gateway_url: %v", on)
	}
}
