package discord

import (
	"context"
	"encoding/json"
	"github.com/btstutor/tutor/internal/syncbuf"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/internal/enginetest"
	"github.com/btstutor/tutor/quiz"
	"github.com/btstutor/tutor/sqlite"
)

func testEngine(tb testing.TB) *answer.Engine { return enginetest.Engine(tb) }

const testToken = "test-token-secret"

// harness is a real bot (real discordgo Session, real SQLite file) connected
// to a fake Discord.
type harness struct {
	t       testing.TB
	fake    *discordtest.Server
	bot     *Bot
	store   *sqlite.Store
	metrics *bot.Metrics
	logs    *syncbuf.Buffer
	cancel  context.CancelFunc
	done    chan error
}

// start runs a bot on the fake; dbPath "" makes a fresh store file.
func start(t testing.TB, fake *discordtest.Server, dbPath string, tweak func(*Config), tweakRouter ...func(*bot.Router)) *harness {
	t.Helper()
	if fake == nil {
		fake = discordtest.New(t, testToken)
	}
	if dbPath == "" {
		dbPath = filepath.Join(t.TempDir(), "tutor.db")
	}
	store, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncbuf.Buffer{}
	m := bot.NewMetrics()
	cfg := Config{Token: testToken, APIBase: fake.URL, RateLimit: -1, Log: slog.New(slog.NewTextHandler(io.MultiWriter(logs), nil))}
	if tweak != nil {
		tweak(&cfg)
	}
	router := &bot.Router{Engine: testEngine(t), Store: store, Metrics: m}
	for _, f := range tweakRouter {
		f(router)
	}
	b, err := New(cfg, router)
	if err != nil {
		t.Fatal(err)
	}
	if router.Quiz != nil {
		// As cmd/tutor wires it: the scheduler owns the runs, the bot posts.
		sched := &quiz.Scheduler{Store: store, Bank: router.Quiz, Poster: b, Log: cfg.Log, Now: router.Now}
		router.Scheduler = sched
		b.UseScheduler(sched)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, fake: fake, bot: b, store: store, metrics: m, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := b.Run(ctx)
		if err != nil {
			fake.Abort("the bot stopped: " + err.Error())
		}
		h.done <- err
	}()
	select {
	case <-b.Ready():
	case err := <-h.done:
		t.Fatalf("the bot stopped while starting: %v", err)
	}
	t.Cleanup(func() { h.stop() })
	return h
}

// stop cancels the bot (as SIGTERM does) and waits for Run to return.
func (h *harness) stop() error {
	h.t.Helper()
	if h.cancel == nil {
		return nil
	}
	h.cancel()
	h.cancel = nil
	err := <-h.done
	h.store.Close()
	if strings.Contains(h.logs.String(), testToken) {
		h.t.Error("the token appears in the logs")
	}
	if v := h.fake.Violations(); len(v) > 0 {
		h.t.Errorf("payloads Discord would reject: %v", v)
	}
	return err
}

// ask sends an interaction and waits for its initial response and, when
// deferred, the edit of the original message.
func (h *harness) ask(in *discordtest.Interaction) (sent *discordtest.Interaction, callback callbackBody, edit *editBody) {
	h.t.Helper()
	sent, _ = h.fake.Send(in)
	cb := h.fake.WaitFor("callback of "+sent.ID, func(r discordtest.Request) bool { return r.Path == sent.CallbackPath() })
	if err := cb.JSON(&callback); err != nil {
		h.t.Fatal(err)
	}
	callback.seq = cb.Seq
	if callback.Type != 5 {
		return sent, callback, nil
	}
	path := h.fake.OriginalPath(sent)
	r := h.fake.WaitFor("edit of "+sent.ID, func(r discordtest.Request) bool {
		// The final edit carries the embeds; streamed edits only text.
		return r.Method == "PATCH" && r.Path == path && strings.Contains(string(r.Body), `"embeds"`) ||
			r.Method == "DELETE" && r.Path == path
	})
	edit = &editBody{seq: r.Seq, method: r.Method}
	if r.Method == "PATCH" {
		if err := r.JSON(edit); err != nil {
			h.t.Fatal(err)
		}
	}
	return sent, callback, edit
}

type callbackBody struct {
	seq  int
	Type int `json:"type"`
	Data struct {
		Content    string           `json:"content"`
		Flags      int              `json:"flags"`
		Embeds     []embedBody      `json:"embeds"`
		Choices    []map[string]any `json:"choices"`
		Components []componentBody  `json:"components"`
	} `json:"data"`
}

type editBody struct {
	seq        int
	method     string
	Content    string          `json:"content"`
	Embeds     []embedBody     `json:"embeds"`
	Components []componentBody `json:"components"`
}

type embedBody struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Footer      struct {
		Text string `json:"text"`
	} `json:"footer"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

func (e embedBody) all() string {
	var b strings.Builder
	b.WriteString(e.Title + "\n" + e.Description + "\n" + e.Footer.Text)
	for _, f := range e.Fields {
		b.WriteString("\n" + f.Name + "\n" + f.Value)
	}
	return b.String()
}

type componentBody struct {
	Components []struct {
		CustomID string `json:"custom_id"`
		Label    string `json:"label"`
	} `json:"components"`
}

// buttons returns the custom IDs of a message's buttons.
func (e *editBody) buttons() []string {
	var ids []string
	for _, row := range e.Components {
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
