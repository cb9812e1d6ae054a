// Package storetest is the conformance suite of tutor.Store: what every
// store must do, run against each implementation (the SQLite store, the
// in-memory store, and any other database later) from its own tests:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, now func() time.Time) tutor.Store { … })
//	}
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
)

// Opener opens a new, empty store whose clock is now; the suite closes it.
type Opener func(t *testing.T, now func() time.Time) tutor.Store

// Clock is a settable clock for the stores under test.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock is a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Add moves the clock on.
func (c *Clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// start is the suite's time: a Monday evening in Paris, in the middle of a
// UTC day.
var start = time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)

// Run runs every conformance test on stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		f    func(*testing.T, tutor.Store, *Clock)
	}{
		{"Settings", testSettings},
		{"RepliesAndVotes", testRepliesAndVotes},
		{"Usage", testUsage},
		{"Turns", testTurns},
		{"SchedulesAndRuns", testSchedulesAndRuns},
		{"OneClaimAmongMany", testOneClaim},
		{"ExpiredClaims", testExpiredClaims},
		{"PostsAndAnswers", testPostsAndAnswers},
		{"ClassAnswersAtOnce", testClassAnswersAtOnce},
		{"RankingOncePerItemAndDay", testRankingOncePerItemAndDay},
		{"Flags", testFlags},
		{"Cards", testCards},
		{"Reminders", testReminders},
		{"UserData", testUserData},
		{"Close", testClose},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClock(start)
			s := open(t, c.Now)
			t.Cleanup(func() { s.Close() })
			tt.f(t, s, c)
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func check[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}

var ctx = context.Background()

func testSettings(t *testing.T, s tutor.Store, _ *Clock) {
	got, err := s.Settings(ctx, "g", "c")
	must(t, err)
	check(t, "nothing set", got, tutor.Settings{})
	must(t, s.SetDiploma(ctx, "g", "", "NRC"))
	must(t, s.SetTeacherRole(ctx, "g", "role-prof"))
	must(t, s.SetDiploma(ctx, "g", "c", "CCST"))
	got, _ = s.Settings(ctx, "g", "c")
	check(t, "a channel's own diploma", got, tutor.Settings{Diploma: "CCST", TeacherRole: "role-prof"})
	got, _ = s.Settings(ctx, "g", "other")
	check(t, "another channel: the server's", got, tutor.Settings{Diploma: "NRC", TeacherRole: "role-prof"})
	must(t, s.SetDiploma(ctx, "g", "c", ""))
	got, _ = s.Settings(ctx, "g", "c")
	check(t, "a channel's diploma cleared", got.Diploma, "NRC")
	got, _ = s.Settings(ctx, "g2", "c")
	check(t, "another server", got, tutor.Settings{})
	if err := s.SetDiploma(ctx, "", "c", "NRC"); err == nil {
		t.Error("a diploma set without a server")
	}
	must(t, s.SetRetention(ctx, "g", 0.85))
	got, _ = s.Settings(ctx, "g", "c")
	check(t, "the server's target retention, in a channel", got, tutor.Settings{Diploma: "NRC", TeacherRole: "role-prof", Retention: 0.85})
	must(t, s.SetRetention(ctx, "g", 0))
	got, _ = s.Settings(ctx, "g", "")
	check(t, "the default retention again", got.Retention, 0.0)
}

func testRepliesAndVotes(t *testing.T, s tutor.Store, c *Clock) {
	r := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: "ana", Command: "question",
		Reply: tutor.Reply{Question: "coef e4", Answer: "Le coefficient est 4 [1].", Citations: []tutor.Citation{{N: 1, Diploma: "NRC", Text: "E4 … coefficient 4"}}}}
	must(t, s.SaveReply(ctx, &r))
	if r.ID == 0 || !r.CreatedAt.Equal(start) {
		t.Errorf("saved reply: id %d, created %v", r.ID, r.CreatedAt)
	}
	got, err := s.Reply(ctx, r.ID)
	must(t, err)
	if got.Reply.Answer != r.Reply.Answer || len(got.Reply.Citations) != 1 || got.Reply.Citations[0].Text != "E4 … coefficient 4" || got.UserID != "ana" || got.Command != "question" {
		t.Errorf("reply read back: %+v", got)
	}
	if _, err := s.Reply(ctx, r.ID+1000); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("missing reply: %v", err)
	}
	for _, v := range []struct {
		user    string
		vote    int
		changed bool
	}{{"ben", tutor.VoteUp, true}, {"ben", tutor.VoteUp, false}, {"ben", tutor.VoteDown, true}, {"cleo", tutor.VoteUp, true}} {
		changed, err := s.Vote(ctx, r.ID, v.user, v.vote)
		must(t, err)
		check(t, fmt.Sprintf("vote %s %+d changes", v.user, v.vote), changed, v.changed)
	}
	up, down, err := s.FeedbackCounts(ctx)
	must(t, err)
	check(t, "up votes", up, 1)
	check(t, "down votes", down, 1)
	if _, err := s.Vote(ctx, r.ID, "ben", 7); err == nil {
		t.Error("a vote of 7 accepted")
	}
	if _, err := s.Vote(ctx, r.ID+1000, "ben", tutor.VoteUp); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("vote on a missing reply: %v", err)
	}
	c.Add(48 * time.Hour)
	recent := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: "ana", Command: "question"}
	must(t, s.SaveReply(ctx, &recent))
	n, err := s.Prune(ctx, start.Add(24*time.Hour))
	must(t, err)
	check(t, "pruned", n, int64(1))
	if _, err := s.Reply(ctx, r.ID); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("pruned reply still there: %v", err)
	}
	if _, err := s.Reply(ctx, recent.ID); err != nil {
		t.Errorf("recent reply pruned: %v", err)
	}
	up, down, _ = s.FeedbackCounts(ctx)
	check(t, "votes pruned with their reply", up+down, 0)
}

func testUsage(t *testing.T, s tutor.Store, c *Clock) {
	must(t, s.AddUsage(ctx, "g", "ana", 100))
	must(t, s.AddUsage(ctx, "g", "ana", 50))
	must(t, s.AddUsage(ctx, "g", "ben", 30))
	must(t, s.AddUsage(ctx, "g2", "ana", 1000))
	user, guild, err := s.Usage(ctx, "g", "ana")
	must(t, err)
	check(t, "user's tokens", user, 150)
	check(t, "server's tokens", guild, 180)
	c.Add(24 * time.Hour)
	user, guild, _ = s.Usage(ctx, "g", "ana")
	check(t, "next day", user+guild, 0)
}

func testTurns(t *testing.T, s tutor.Store, c *Clock) {
	for i, m := range []tutor.ChatMessage{
		{Role: "user", Content: "coef e4 ?"}, {Role: "assistant", Content: "4 [1]"},
		{Role: "user", Content: "et en ccst ?"}, {Role: "assistant", Content: "6 [1]"},
		{Role: "user", Content: "et la durée ?"},
	} {
		must(t, s.AddTurn(ctx, "thread", "ana", m))
		if i == 0 {
			must(t, s.AddTurn(ctx, "other", "ben", tutor.ChatMessage{Role: "user", Content: "bonjour"}))
		}
	}
	got, err := s.Turns(ctx, "thread", 10, 10_000)
	must(t, err)
	check(t, "turns", len(got), 5)
	check(t, "oldest first", got[0].Content, "coef e4 ?")
	got, _ = s.Turns(ctx, "thread", 4, 10_000)
	if len(got) != 3 || got[0].Role != "user" || got[0].Content != "et en ccst ?" {
		t.Errorf("the last 4 turns, from a user's: %+v", got)
	}
	got, _ = s.Turns(ctx, "thread", 10, 30)
	if len(got) == 0 || len(got) > 3 || got[len(got)-1].Content != "et la durée ?" {
		t.Errorf("turns within 30 characters: %+v", got)
	}
	if err := s.AddTurn(ctx, "thread", "ana", tutor.ChatMessage{Role: "system", Content: "x"}); err == nil {
		t.Error("a system turn kept")
	}
	// Turns older than the retention go with the replies.
	c.Add(48 * time.Hour)
	must(t, s.AddTurn(ctx, "thread", "ana", tutor.ChatMessage{Role: "user", Content: "et le stage ?"}))
	_, err = s.Prune(ctx, start.Add(24*time.Hour))
	must(t, err)
	got, _ = s.Turns(ctx, "thread", 10, 10_000)
	if len(got) != 1 || got[0].Content != "et le stage ?" {
		t.Errorf("turns after pruning the old ones: %+v", got)
	}
	got, _ = s.Turns(ctx, "other", 10, 10_000)
	check(t, "old turns of another channel", len(got), 0)
}

// everything writes a row of every kind for user.
func everything(t *testing.T, s tutor.Store, user string) {
	t.Helper()
	r := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: user, Command: "question"}
	must(t, s.SaveReply(ctx, &r))
	_, err := s.Vote(ctx, r.ID, user, tutor.VoteUp)
	must(t, err)
	must(t, s.AddUsage(ctx, "g", user, 10))
	must(t, s.AddTurn(ctx, "thread-"+user, user, tutor.ChatMessage{Role: "user", Content: "coef e4"}))
	p := tutor.QuizPost{GuildID: "g", ChannelID: "c", UserID: user, ItemID: "q1"}
	must(t, s.AddPost(ctx, &p))
	_, err = s.Answer(ctx, p, user, 0, true)
	must(t, err)
	must(t, s.SaveCard(ctx, tutor.NewCard(user, "q1")))
	must(t, s.LogReview(ctx, tutor.ReviewLog{UserID: user, ItemID: "q1", Grade: 3, ReviewedAt: start}))
	_, err = s.FlagItem(ctx, "q1", user)
	must(t, err)
	must(t, s.SetReminder(ctx, tutor.Reminder{UserID: user, MinuteOfDay: 60, Zone: "Europe/Paris"}))
	addSchedule(t, s, "g", user)
}

var kinds = []string{"feedback", "replies", "llm_usage", "turns", "quiz_answers", "quiz_posts", "sr_cards", "sr_reviews", "item_flags", "reminders", "quiz_schedules"}

func testUserData(t *testing.T, s tutor.Store, _ *Clock) {
	everything(t, s, "ana")
	everything(t, s, "ben")
	data, err := s.UserData(ctx, "ana")
	must(t, err)
	for _, k := range kinds {
		if len(data[k]) != 1 {
			t.Errorf("ana's %s: %v", k, data[k])
		}
	}
	counts, err := s.EraseUser(ctx, "ana")
	must(t, err)
	for _, k := range kinds {
		check(t, "erased "+k, counts[k], int64(1))
	}
	data, _ = s.UserData(ctx, "ana")
	for k, rows := range data {
		if len(rows) > 0 {
			t.Errorf("ana's %s left after erasure: %v", k, rows)
		}
	}
	data, _ = s.UserData(ctx, "ben")
	for _, k := range kinds {
		if len(data[k]) != 1 {
			t.Errorf("ben's %s after ana's erasure: %v", k, data[k])
		}
	}
	all, _ := s.Schedules(ctx, "g")
	if len(all) != 2 || all[0].CreatedBy != "" {
		t.Errorf("ana's schedule stays the server's, without its author: %+v", all)
	}
	// Erasure does not reset the day's quota: ana's 10 tokens still count.
	user, guild, err := s.Usage(ctx, "g", "ana")
	must(t, err)
	check(t, "ana's tokens today after her erasure", user, 10)
	check(t, "the server's tokens today", guild, 20)
	must(t, s.AddUsage(ctx, "g", "ana", 5))
	user, _, _ = s.Usage(ctx, "g", "ana")
	check(t, "ana's tokens after asking again", user, 15)
	user, _, _ = s.Usage(ctx, "g", "ben")
	check(t, "ben's tokens", user, 10)
}

func testClose(t *testing.T, s tutor.Store, _ *Clock) {
	must(t, s.Ping(ctx))
	must(t, s.Close())
	if err := s.Ping(ctx); err == nil {
		t.Error("a closed store answers")
	}
}
