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
		{"PostsAndAnswers", testPostsAndAnswers},
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

func addSchedule(t *testing.T, s tutor.Store, guild, author string) tutor.Schedule {
	t.Helper()
	sc := tutor.Schedule{GuildID: guild, ChannelID: "c", Expr: "0 18 * * 1", Zone: "Europe/Paris", Diploma: "NRC", Questions: 3, OpenMinutes: 60, CreatedBy: author}
	must(t, s.AddSchedule(ctx, &sc))
	if sc.ID == 0 || sc.CreatedAt.IsZero() {
		t.Fatalf("schedule stored without ID or time: %+v", sc)
	}
	return sc
}

func claim(t *testing.T, s tutor.Store, sc tutor.Schedule, at time.Time) (tutor.QuizRun, bool) {
	t.Helper()
	r := tutor.QuizRun{ScheduleID: sc.ID, ScheduledAt: at, ClosesAt: at.Add(time.Hour), GuildID: sc.GuildID, ChannelID: sc.ChannelID, Status: tutor.RunClaimed}
	ok, err := s.ClaimRun(ctx, &r)
	must(t, err)
	return r, ok
}

func testSchedulesAndRuns(t *testing.T, s tutor.Store, _ *Clock) {
	a := addSchedule(t, s, "g", "prof")
	b := addSchedule(t, s, "g2", "prof")
	got, err := s.Schedules(ctx, "g")
	must(t, err)
	if len(got) != 1 || got[0].ID != a.ID || got[0].Expr != a.Expr || got[0].Questions != 3 || got[0].CreatedBy != "prof" {
		t.Errorf("server's schedules: %+v", got)
	}
	all, _ := s.AllSchedules(ctx)
	if len(all) != 2 || all[0].ID != a.ID || all[1].ID != b.ID {
		t.Errorf("all schedules: %+v", all)
	}
	at := start.Add(4 * time.Hour)
	r1, ok := claim(t, s, a, at)
	if !ok || r1.ID == 0 {
		t.Fatalf("first claim: %v %+v", ok, r1)
	}
	if _, ok := claim(t, s, a, at); ok {
		t.Error("the same firing claimed twice")
	}
	r0, _ := claim(t, s, a, at.Add(-7*24*time.Hour))
	r1.Status, r1.ThreadID = tutor.RunPosted, "thread-1"
	must(t, s.UpdateRun(ctx, r1))
	runs, err := s.Runs(ctx, a.ID)
	must(t, err)
	if len(runs) != 2 || runs[0].ID != r0.ID || runs[1].Status != tutor.RunPosted || runs[1].ThreadID != "thread-1" || !runs[1].ScheduledAt.Equal(at) {
		t.Errorf("runs: %+v", runs)
	}
	closing, _ := s.RunsToClose(ctx, at.Add(59*time.Minute))
	check(t, "runs to close before their time", len(closing), 0)
	closing, _ = s.RunsToClose(ctx, at.Add(time.Hour))
	if len(closing) != 1 || closing[0].ID != r1.ID {
		t.Errorf("runs to close: %+v", closing)
	}
	ok, _ = s.ClaimClose(ctx, r1.ID)
	check(t, "first close", ok, true)
	ok, _ = s.ClaimClose(ctx, r1.ID)
	check(t, "second close", ok, false)
	ok, _ = s.ClaimClose(ctx, r0.ID)
	check(t, "close of a run never posted", ok, false)
	ok, _ = s.DeleteSchedule(ctx, "g2", a.ID)
	check(t, "another server's schedule deleted", ok, false)
	ok, _ = s.DeleteSchedule(ctx, "g", a.ID)
	check(t, "schedule deleted", ok, true)
	runs, _ = s.Runs(ctx, a.ID)
	check(t, "runs of a deleted schedule", len(runs), 0)
}

func testOneClaim(t *testing.T, s tutor.Store, _ *Clock) {
	sc := addSchedule(t, s, "g", "prof")
	won := atOnce(t, 8, func(int) (bool, error) {
		r := tutor.QuizRun{ScheduleID: sc.ID, ScheduledAt: start, ClosesAt: start.Add(time.Hour), GuildID: "g", ChannelID: "c", Status: tutor.RunClaimed}
		return s.ClaimRun(ctx, &r)
	})
	check(t, "claims won among 8", won, 1)
}

// atOnce runs f n times at once and counts the calls that reported true.
func atOnce(t *testing.T, n int, f func(i int) (bool, error)) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for i := range n {
		wg.Go(func() {
			ok, err := f(i)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				count++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return count
}

func testPostsAndAnswers(t *testing.T, s tutor.Store, c *Clock) {
	sc := addSchedule(t, s, "g", "prof")
	run, _ := claim(t, s, sc, start)
	var posts []tutor.QuizPost
	for _, item := range []string{"q1", "q2"} {
		p := tutor.QuizPost{RunID: run.ID, GuildID: "g", ChannelID: "thread", ItemID: item, ClosesAt: start.Add(time.Hour)}
		must(t, s.AddPost(ctx, &p))
		posts = append(posts, p)
	}
	solo := tutor.QuizPost{GuildID: "g", ChannelID: "c", UserID: "ana", ItemID: "q9"}
	must(t, s.AddPost(ctx, &solo))
	got, err := s.Post(ctx, posts[0].ID)
	must(t, err)
	if got.RunID != run.ID || got.ItemID != "q1" || !got.ClosesAt.Equal(start.Add(time.Hour)) {
		t.Errorf("post read back: %+v", got)
	}
	if _, err := s.Post(ctx, solo.ID+1000); !errors.Is(err, tutor.ErrNotFound) {
		t.Errorf("missing post: %v", err)
	}
	answer := func(p tutor.QuizPost, user string, choice int, right, want bool) {
		t.Helper()
		ok, err := s.Answer(ctx, p, user, choice, right)
		must(t, err)
		check(t, fmt.Sprintf("%s answers post %d", user, p.ID), ok, want)
		c.Add(time.Second)
	}
	answer(posts[0], "ana", 0, true, true)
	answer(posts[0], "ana", 1, false, false) // the first answer counts
	answer(posts[0], "ben", 1, false, true)
	answer(posts[1], "ben", 2, true, true)
	answer(posts[1], "cleo", 2, true, true)
	answer(posts[0], "cleo", 0, true, true)
	answer(solo, "ana", 3, false, true)
	tallies, err := s.Tallies(ctx, run.ID)
	must(t, err)
	if len(tallies) != 2 || tallies[0].ItemID != "q1" || tallies[0].Counts != [4]int{2, 1, 0, 0} || tallies[1].Counts != [4]int{0, 0, 2, 0} {
		t.Errorf("tallies: %+v", tallies)
	}
	scores, err := s.RunScores(ctx, run.ID)
	must(t, err)
	// cleo: 2 right; ana and ben: 1 right each, ana answered first.
	if len(scores) != 3 || scores[0] != (tutor.Score{UserID: "cleo", Right: 2, Answered: 2}) || scores[1].UserID != "ana" || scores[2].UserID != "ben" {
		t.Errorf("run scores: %+v", scores)
	}
	board, err := s.Leaderboard(ctx, "g", start, 10)
	must(t, err)
	// ana: 1 right of 2 answers (with /quiz), ben 1 of 2: tie on right and
	// answers, ana first in time.
	if len(board) != 3 || board[0].UserID != "cleo" || board[1] != (tutor.Score{UserID: "ana", Right: 1, Answered: 2}) {
		t.Errorf("leaderboard: %+v", board)
	}
	board, _ = s.Leaderboard(ctx, "g", start, 1)
	check(t, "leaderboard of 1", len(board), 1)
	board, _ = s.Leaderboard(ctx, "g", c.Now().Add(time.Minute), 10)
	check(t, "leaderboard since after every answer", len(board), 0)
	board, _ = s.Leaderboard(ctx, "g2", start, 10)
	check(t, "another server's leaderboard", len(board), 0)
	counted := atOnce(t, 8, func(i int) (bool, error) { return s.Answer(ctx, posts[1], "dan", i%4, false) })
	check(t, "answers of one student counted among 8 at once", counted, 1)
}

func testCards(t *testing.T, s tutor.Store, c *Clock) {
	card, ok, err := s.Card(ctx, "ana", "q1")
	must(t, err)
	if ok || card != tutor.NewCard("ana", "q1") {
		t.Errorf("no card yet: %v %+v", ok, card)
	}
	now := c.Now()
	for i, item := range []string{"q1", "q2", "q3"} {
		card := tutor.NewCard("ana", item)
		card.Reps, card.Interval = i, i+1
		card.Due = now.Add(time.Duration(i-2) * time.Hour) // q1 most overdue, q3 due now
		must(t, s.SaveCard(ctx, card))
	}
	later := tutor.NewCard("ana", "q4").Review(true, now)
	must(t, s.SaveCard(ctx, later))
	must(t, s.SaveCard(ctx, tutor.NewCard("ben", "q1").Review(false, now.Add(-72*time.Hour))))
	card, ok, _ = s.Card(ctx, "ana", "q2")
	if !ok || card.Reps != 1 || card.Interval != 2 || !card.Due.Equal(now.Add(-time.Hour)) {
		t.Errorf("card read back: %v %+v", ok, card)
	}
	due, err := s.DueCards(ctx, "ana", now, 10)
	must(t, err)
	if len(due) != 3 || due[0].ItemID != "q1" || due[2].ItemID != "q3" {
		t.Errorf("due cards: %+v", due)
	}
	due, _ = s.DueCards(ctx, "ana", now, 2)
	check(t, "due cards, 2 asked", len(due), 2)
	n, err := s.DueCount(ctx, "ana", now)
	must(t, err)
	check(t, "due count", n, 3)
	n, _ = s.DueCount(ctx, "ana", now.Add(48*time.Hour))
	check(t, "due count two days later", n, 4)
}

func testReminders(t *testing.T, s tutor.Store, _ *Clock) {
	must(t, s.SetReminder(ctx, tutor.Reminder{UserID: "ben", MinuteOfDay: 18 * 60, Zone: "Europe/Paris"}))
	must(t, s.SetReminder(ctx, tutor.Reminder{UserID: "ana", MinuteOfDay: 7 * 60, Zone: "Europe/Paris"}))
	ok, err := s.ClaimReminder(ctx, "ana", "2026-11-23")
	must(t, err)
	check(t, "first claim of the day", ok, true)
	ok, _ = s.ClaimReminder(ctx, "ana", "2026-11-23")
	check(t, "second claim of the day", ok, false)
	must(t, s.SetReminder(ctx, tutor.Reminder{UserID: "ana", MinuteOfDay: 8 * 60, Zone: "Europe/Paris"}))
	ok, _ = s.ClaimReminder(ctx, "ana", "2026-11-23")
	check(t, "a moved reminder keeps its day", ok, false)
	ok, _ = s.ClaimReminder(ctx, "ana", "2026-11-24")
	check(t, "next day", ok, true)
	all, err := s.Reminders(ctx)
	must(t, err)
	if len(all) != 2 || all[0].UserID != "ana" || all[0].MinuteOfDay != 8*60 || all[0].LastSent != "2026-11-24" || all[1].UserID != "ben" {
		t.Errorf("reminders: %+v", all)
	}
	ok, _ = s.DeleteReminder(ctx, "ana")
	check(t, "reminder deleted", ok, true)
	ok, _ = s.DeleteReminder(ctx, "ana")
	check(t, "reminder deleted twice", ok, false)
	ok, _ = s.ClaimReminder(ctx, "ana", "2026-11-25")
	check(t, "claim of a deleted reminder", ok, false)
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
	must(t, s.SetReminder(ctx, tutor.Reminder{UserID: user, MinuteOfDay: 60, Zone: "Europe/Paris"}))
	addSchedule(t, s, "g", user)
}

var kinds = []string{"feedback", "replies", "llm_usage", "turns", "quiz_answers", "quiz_posts", "sr_cards", "reminders", "quiz_schedules"}

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
}

func testClose(t *testing.T, s tutor.Store, _ *Clock) {
	must(t, s.Ping(ctx))
	must(t, s.Close())
	if err := s.Ping(ctx); err == nil {
		t.Error("a closed store answers")
	}
}
