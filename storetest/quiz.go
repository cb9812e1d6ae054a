package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
)

// The quiz side of the suite: schedules, runs, posts, answers, cards and
// reminders.

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

// A run left claimed (its process died posting it) is failed once its
// claim is older than the lease; runs posted, or claimed since, are not.
func testExpiredClaims(t *testing.T, s tutor.Store, c *Clock) {
	sc := addSchedule(t, s, "g", "prof")
	dead, _ := claim(t, s, sc, start)
	posted, _ := claim(t, s, sc, start.Add(24*time.Hour))
	posted.Status = tutor.RunPosted
	must(t, s.UpdateRun(ctx, posted))
	c.Add(10 * time.Minute)
	recent, _ := claim(t, s, sc, start.Add(48*time.Hour))
	expired, err := s.ExpireClaims(ctx, c.Now().Add(-5*time.Minute))
	must(t, err)
	if len(expired) != 1 || expired[0].ID != dead.ID || expired[0].Status != tutor.RunFailed {
		t.Fatalf("expired %+v, want the dead run %d, failed", expired, dead.ID)
	}
	runs, err := s.Runs(ctx, sc.ID)
	must(t, err)
	status := map[int64]string{}
	for _, r := range runs {
		status[r.ID] = r.Status
	}
	check(t, "the dead run", status[dead.ID], tutor.RunFailed)
	check(t, "a posted run", status[posted.ID], tutor.RunPosted)
	check(t, "a recent claim", status[recent.ID], tutor.RunClaimed)
	again, err := s.ExpireClaims(ctx, c.Now().Add(-5*time.Minute))
	must(t, err)
	check(t, "runs expired twice", len(again), 0)
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

// A class answers one question at once, each student clicking three
// times: each student counts once.
func testClassAnswersAtOnce(t *testing.T, s tutor.Store, _ *Clock) {
	post := tutor.QuizPost{GuildID: "g", ChannelID: "c", ItemID: "item"}
	must(t, s.AddPost(ctx, &post))
	firsts := atOnce(t, 120, func(i int) (bool, error) {
		u := i / 3
		return s.Answer(ctx, post, fmt.Sprintf("u%d", u), u%4, u%4 == 2)
	})
	check(t, "first answers of 40 students clicking three times", firsts, 40)
	board, err := s.Leaderboard(ctx, "g", time.Time{}, 100)
	must(t, err)
	check(t, "students on the leaderboard", len(board), 40)
	if len(board) == 40 && (board[0].Right != 1 || board[39].Right != 0) {
		t.Errorf("leaderboard %+v", board)
	}
}

// The ranking counts an item once per student and day, by the first
// answer of the day: asking /quiz over and over for the same question earns
// nothing; the next day it counts again.
func testRankingOncePerItemAndDay(t *testing.T, s tutor.Store, c *Clock) {
	since := c.Now()
	ask := func(user, item string, right bool) {
		p := tutor.QuizPost{GuildID: "g", ChannelID: "c", UserID: user, ItemID: item}
		must(t, s.AddPost(ctx, &p))
		_, err := s.Answer(ctx, p, user, 0, right)
		must(t, err)
		c.Add(time.Minute)
	}
	ask("spam", "q1", false) // the first answer of the day is the one counted
	for range 5 {
		ask("spam", "q1", true)
	}
	ask("fair", "q1", true)
	ask("fair", "q2", true)
	board, err := s.Leaderboard(ctx, "g", since, 10)
	must(t, err)
	if len(board) != 2 || board[0] != (tutor.Score{UserID: "fair", Right: 2, Answered: 2}) || board[1] != (tutor.Score{UserID: "spam", Right: 0, Answered: 1}) {
		t.Errorf("ranking: %+v", board)
	}
	c.Add(24 * time.Hour)
	ask("spam", "q1", true)
	board, _ = s.Leaderboard(ctx, "g", since, 10)
	if len(board) != 2 || board[1] != (tutor.Score{UserID: "spam", Right: 1, Answered: 2}) {
		t.Errorf("ranking the next day: %+v", board)
	}
}

// A student flags a question once; the flags count students.
func testFlags(t *testing.T, s tutor.Store, _ *Clock) {
	for _, tt := range []struct {
		item, user string
		first      bool
	}{{"q1", "ana", true}, {"q1", "ana", false}, {"q1", "ben", true}, {"q2", "ana", true}} {
		first, err := s.FlagItem(ctx, tt.item, tt.user)
		must(t, err)
		check(t, "first flag of "+tt.user+" on "+tt.item, first, tt.first)
	}
	flags, err := s.Flags(ctx)
	must(t, err)
	check(t, "students flagging q1", flags["q1"], 2)
	check(t, "students flagging q2", flags["q2"], 1)
	check(t, "questions flagged", len(flags), 2)
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
		card.Reps, card.Stability, card.Difficulty = i, float64(i)+1.5, 5.25
		card.Due = now.Add(time.Duration(i-2) * time.Hour) // q1 most overdue, q3 due now
		card.Reviewed = now.Add(-24 * time.Hour)
		must(t, s.SaveCard(ctx, card))
	}
	later := tutor.Card{UserID: "ana", ItemID: "q4", Stability: 3, Difficulty: 5, Reps: 1, Due: now.Add(24 * time.Hour), Reviewed: now}
	must(t, s.SaveCard(ctx, later))
	must(t, s.SaveCard(ctx, tutor.Card{UserID: "ben", ItemID: "q1", Stability: 1, Difficulty: 7, Lapses: 1, Due: now.Add(-48 * time.Hour), Reviewed: now.Add(-72 * time.Hour)}))
	card, ok, _ = s.Card(ctx, "ana", "q2")
	if !ok || card.Reps != 1 || card.Stability != 2.5 || card.Difficulty != 5.25 || !card.Due.Equal(now.Add(-time.Hour)) || !card.Reviewed.Equal(now.Add(-24*time.Hour)) {
		t.Errorf("card read back: %v %+v", ok, card)
	}
	// Reviews are logged, and are the student's data.
	log := tutor.ReviewLog{UserID: "ana", ItemID: "q2", Grade: 3, ReviewedAt: now, ElapsedDays: 1, AnswerMS: 4200, Stability: 2.5, Difficulty: 5.25, Due: now.Add(-time.Hour)}
	must(t, s.LogReview(ctx, log))
	data, err := s.UserData(ctx, "ana")
	must(t, err)
	check(t, "ana's logged reviews", len(data["sr_reviews"]), 1)
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
