package main

import (
	"context"
	"errors"
	"github.com/btstutor/tutor/internal/syncbuf"
	"log/slog"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/memstore"
)

// The binary's default command serves Discord when a token is set.
func TestServeAgainstFakeDiscord(t *testing.T) {
	t.Parallel()
	const token = "serve-test-token"
	fake := discordtest.New(t, token)
	env := map[string]string{"TUTOR_DATA_DIR": t.TempDir(), "DISCORD_TOKEN": token, "DISCORD_API_BASE": fake.URL, "TUTOR_HTTP_ADDR": "127.0.0.1:0"}
	var out, errs syncbuf.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Getenv: func(k string) string { return env[k] }, Builds: testBuilds}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, nil) }()
	// Ready once the registration's answer is in: wait for the log line.
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(errs.String(), "bot ready"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the bot never got ready:\n%s", errs.String())
		}
	}
	sent, _ := fake.Send(discordtest.Command("question", map[string]string{"texte": "coef E4 CCST"}))
	fake.WaitFor("answer", func(r discordtest.Request) bool { return r.Method == "PATCH" && r.Path == fake.OriginalPath(sent) })
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	logs := errs.String()
	if strings.Contains(logs, token) {
		t.Error("token in the logs")
	}
	for _, want := range []string{"bot ready", "health and metrics listening", "bot stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestServeConfigErrors(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, "right")
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "DISCORD_TOKEN n'est pas défini"},
		{map[string]string{"DISCORD_TOKEN": "wrong", "DISCORD_API_BASE": fake.URL}, "jeton Discord refusé"},
		{map[string]string{"DISCORD_TOKEN": "x", "DISCORD_API_BASE": "pas une url"}, "DISCORD_API_BASE invalide"},
		{map[string]string{"DISCORD_TOKEN": "x", "TUTOR_RATE_LIMIT": "beaucoup"}, "TUTOR_RATE_LIMIT invalide"},
	}
	for _, tc := range tests {
		tc.env["TUTOR_DATA_DIR"] = t.TempDir()
		code, _, errs := run(t, "", tc.env, "serve")
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q", tc.env, code, errs)
		}
		if strings.Contains(errs, "wrong") {
			t.Error("token echoed")
		}
		// Bad input changes nothing: no database is created.
		if entries, _ := os.ReadDir(tc.env["TUTOR_DATA_DIR"]); len(entries) > 0 {
			t.Errorf("%v: the data folder was written: %v", tc.env, entries)
		}
	}
	// Nothing listens at DISCORD_API_BASE: the error names that address,
	// not discord.com.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, _, errs := run(t, "", map[string]string{"TUTOR_DATA_DIR": t.TempDir(), "DISCORD_TOKEN": "x", "DISCORD_API_BASE": "http://" + addr}, "serve")
	if !strings.Contains(errs, "http://"+addr+"/api/") || !strings.Contains(errs, "DISCORD_API_BASE") {
		t.Errorf("unreachable API base: %q", errs)
	}
}

// retain prunes at once, then on every tick: a reply and a turn older than
// the retention go, recent ones stay.
func TestRetainPrunesOldRepliesAndTurns(t *testing.T) {
	s := memstore.New()
	old := time.Now().Add(-retention - time.Hour)
	s.Now = func() time.Time { return old }
	stale := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: "ana", Command: "question"}
	if err := s.SaveReply(context.Background(), &stale); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTurn(context.Background(), "thread", "ana", tutor.ChatMessage{Role: "user", Content: "coef e4"}); err != nil {
		t.Fatal(err)
	}
	s.Now = time.Now
	fresh := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: "ben", Command: "question"}
	if err := s.SaveReply(context.Background(), &fresh); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { retain(ctx, s, slog.New(slog.DiscardHandler), time.Hour); close(done) }()
	for {
		if _, err := s.Reply(context.Background(), stale.ID); errors.Is(err, tutor.ErrNotFound) {
			break
		}
		runtime.Gosched()
	}
	cancel()
	<-done
	if _, err := s.Reply(context.Background(), fresh.ID); err != nil {
		t.Errorf("a recent reply was pruned: %v", err)
	}
	if turns, _ := s.Turns(context.Background(), "thread", 10, 1000); len(turns) != 0 {
		t.Errorf("old turns kept: %+v", turns)
	}
}
