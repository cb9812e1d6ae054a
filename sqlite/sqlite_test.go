package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/sqlite"
)

func open(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSettingsSurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "tutor.db")
	s := open(t, path)
	if got, err := s.Settings(ctx, "g1", "c1"); err != nil || got != (tutor.Settings{}) {
		t.Fatalf("unconfigured server: %+v, %v", got, err)
	}
	must(t, s.SetDiploma(ctx, "g1", "", "CCST"))
	must(t, s.SetDiploma(ctx, "g1", "c2", "NRC"))
	must(t, s.SetTeacherRole(ctx, "g1", "r9"))
	s.Close()

	s = open(t, path)
	cases := []struct {
		channel string
		want    tutor.Settings
	}{
		{"c1", tutor.Settings{Diploma: "CCST", TeacherRole: "r9"}},
		{"c2", tutor.Settings{Diploma: "NRC", TeacherRole: "r9"}},
	}
	for _, c := range cases {
		got, err := s.Settings(ctx, "g1", c.channel)
		if err != nil || got != c.want {
			t.Errorf("channel %s: %+v, %v; want %+v", c.channel, got, err, c.want)
		}
	}
	// Clearing the channel's diploma falls back to the server's.
	must(t, s.SetDiploma(ctx, "g1", "c2", ""))
	if got, _ := s.Settings(ctx, "g1", "c2"); got.Diploma != "CCST" {
		t.Errorf("after clearing channel: %q", got.Diploma)
	}
	if got, _ := s.Settings(ctx, "g2", "c2"); got != (tutor.Settings{}) {
		t.Errorf("other server sees %+v", got)
	}
	if err := s.SetDiploma(ctx, "", "", "NRC"); err == nil {
		t.Error("empty guild accepted")
	}
}

func TestRepliesAndVotes(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	r := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: "u", Command: "question",
		Reply: tutor.Reply{Question: "coef E4", Answer: "6 [1]", Citations: []tutor.Citation{{N: 1, Diploma: "CCST", Text: "E4 · 6"}}}}
	must(t, s.SaveReply(ctx, &r))
	if r.ID == 0 {
		t.Fatal("no id")
	}
	got, err := s.Reply(ctx, r.ID)
	if err != nil || got.Reply.Citations[0].Text != "E4 · 6" || got.UserID != "u" {
		t.Fatalf("reply: %+v, %v", got, err)
	}
	if _, err := s.Reply(ctx, r.ID+100); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("missing reply: %v", err)
	}
	steps := []struct {
		user    string
		vote    int
		changed bool
		up, dn  int
	}{
		{"a", tutor.VoteUp, true, 1, 0},
		{"a", tutor.VoteUp, false, 1, 0}, // double click
		{"a", tutor.VoteDown, true, 0, 1},
		{"b", tutor.VoteUp, true, 1, 1},
	}
	for i, st := range steps {
		changed, err := s.Vote(ctx, r.ID, st.user, st.vote)
		if err != nil || changed != st.changed {
			t.Fatalf("step %d: changed=%v err=%v", i, changed, err)
		}
		up, dn, err := s.FeedbackCounts(ctx)
		if err != nil || up != st.up || dn != st.dn {
			t.Fatalf("step %d: counts %d/%d %v", i, up, dn, err)
		}
	}
	if _, err := s.Vote(ctx, r.ID, "a", 5); err == nil {
		t.Error("invalid vote accepted")
	}
	if _, err := s.Vote(ctx, 9999, "a", tutor.VoteUp); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("vote on missing reply: %v", err)
	}
	// Pruning removes old replies and their votes.
	s.Now = func() time.Time { return time.Now().Add(48 * time.Hour) }
	n, err := s.PruneReplies(ctx, time.Now().Add(time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("prune: %d %v", n, err)
	}
	if up, dn, _ := s.FeedbackCounts(ctx); up+dn != 0 {
		t.Errorf("votes left after prune: %d/%d", up, dn)
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	a, b := open(t, path), open(t, path) // two processes on one file
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			r := tutor.StoredReply{GuildID: "g", Reply: tutor.Reply{Answer: "x"}}
			if err := s.SaveReply(ctx, &r); err != nil {
				t.Error(err)
				return
			}
			if _, err := s.Vote(ctx, r.ID, "u", tutor.VoteUp); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if up, _, _ := a.FeedbackCounts(ctx); up != 40 {
		t.Errorf("up votes = %d, want 40", up)
	}
	must(t, a.Ping(ctx))
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-db")
	must(t, os.WriteFile(bad, []byte("this is not sqlite, just text that is long enough to be a header......"), 0o644))
	if s, err := sqlite.Open(context.Background(), bad); err == nil {
		s.Close()
		t.Error("garbage file opened as a store")
	}
	mem := open(t, ":memory:")
	must(t, mem.Ping(context.Background()))
	must(t, mem.SetDiploma(context.Background(), "g", "", "NRC"))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUsageAndTurns(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	day1 := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return day1 }
	must(t, s.AddUsage(ctx, "g", "a", 100))
	must(t, s.AddUsage(ctx, "g", "a", 50))
	must(t, s.AddUsage(ctx, "g", "b", 30))
	must(t, s.AddUsage(ctx, "h", "a", 999))
	if u, g, err := s.Usage(ctx, "g", "a"); err != nil || u != 150 || g != 180 {
		t.Errorf("usage %d/%d %v", u, g, err)
	}
	s.Now = func() time.Time { return day1.Add(24 * time.Hour) }
	if u, g, _ := s.Usage(ctx, "g", "a"); u != 0 || g != 0 {
		t.Errorf("next day: %d/%d", u, g)
	}

	for _, m := range []tutor.ChatMessage{{Role: "assistant", Content: "bonjour"}, {Role: "user", Content: "coef E4 ?"}, {Role: "assistant", Content: "6 [1]"}, {Role: "user", Content: "et en NRC ?"}, {Role: "assistant", Content: "4 [1]"}} {
		must(t, s.AddTurn(ctx, "thread", "a", m))
	}
	got, err := s.Turns(ctx, "thread", 10, 1000)
	if err != nil || len(got) != 4 || got[0].Content != "coef E4 ?" || got[3].Content != "4 [1]" {
		t.Errorf("turns: %+v %v", got, err)
	}
	if got, _ := s.Turns(ctx, "thread", 10, 20); len(got) != 2 || got[0].Content != "et en NRC ?" {
		t.Errorf("bounded turns: %+v", got)
	}
	if got, _ := s.Turns(ctx, "other", 10, 1000); len(got) != 0 {
		t.Errorf("other channel: %+v", got)
	}
}
