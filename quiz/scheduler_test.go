package quiz_test

import (
	"context"
	"errors"
	"github.com/btstutor/tutor/internal/syncbuf"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/memstore"
	"github.com/btstutor/tutor/quiz"
)

// recorder is a Poster that keeps what it is handed.
type recorder struct {
	mu        sync.Mutex
	opened    []tutor.QuizRun
	questions []tutor.QuizPost
	items     []string
	results   []quiz.Results
	// cancel, when set, is called after the first question: a shutdown
	// while posting.
	cancel context.CancelFunc
}

func (r *recorder) OpenRun(_ context.Context, _ tutor.Schedule, run tutor.QuizRun, n int) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.opened = append(r.opened, run)
	return "thread", nil
}

func (r *recorder) PostQuestion(ctx context.Context, ch string, p tutor.QuizPost, it *quiz.Item, i, n int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	r.questions = append(r.questions, p)
	r.items = append(r.items, it.ID)
	if r.cancel != nil {
		r.cancel()
	}
	return nil
}

func (r *recorder) PostResults(_ context.Context, _ tutor.QuizRun, res quiz.Results) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.results = append(r.results, res)
	return nil
}

func (r *recorder) SendReminder(context.Context, string, int) error { return nil }

func testBank() *quiz.Bank {
	var items []*quiz.Item
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		items = append(items, &quiz.Item{ID: id, Diploma: "NRC", Theme: quiz.ThemeEpreuves, Question: "Question " + id, Choices: []string{"bon", "faux 1", "faux 2", "faux 3"}})
	}
	return quiz.NewBank(items)
}

func setup(t *testing.T, p quiz.Poster, now time.Time) (*memstore.Store, *quiz.Scheduler, tutor.Schedule) {
	t.Helper()
	s := memstore.New()
	s.Now = func() time.Time { return now }
	sc := tutor.Schedule{GuildID: "g", ChannelID: "c", Expr: "0 18 * * *", Zone: "Europe/Paris", Diploma: "NRC", Questions: 3, OpenMinutes: 30}
	if err := s.AddSchedule(context.Background(), &sc); err != nil {
		t.Fatal(err)
	}
	return s, &quiz.Scheduler{Store: s, Bank: testBank(), Poster: p, Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}, sc
}

// The scheduler picks the questions, records each post, and hands the
// poster only what to show; the results are its own count of the answers.
func TestSchedulerOwnsTheRun(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	p := &recorder{}
	s, sch, sc := setup(t, p, at)
	if ok, err := sch.Fire(ctx, sc, at); !ok || err != nil {
		t.Fatalf("fire: %v %v", ok, err)
	}
	if len(p.opened) != 1 || len(p.questions) != 3 {
		t.Fatalf("opened %d runs, %d questions", len(p.opened), len(p.questions))
	}
	for i, q := range p.questions {
		stored, err := s.Post(ctx, q.ID)
		if err != nil || stored.ItemID != p.items[i] || stored.ChannelID != "thread" || stored.RunID != p.opened[0].ID {
			t.Errorf("question %d not recorded as posted: %+v %v", i+1, stored, err)
		}
	}
	runs, _ := s.Runs(ctx, sc.ID)
	if len(runs) != 1 || runs[0].Status != tutor.RunPosted || runs[0].ThreadID != "thread" {
		t.Errorf("run: %+v", runs)
	}
	// The same firing picks the same questions: a second scheduler, on
	// another store, draws them again.
	p2 := &recorder{}
	_, sch2, sc2 := setup(t, p2, at)
	sch2.Fire(ctx, sc2, at)
	if !slices.Equal(p.items, p2.items) {
		t.Errorf("two draws of one firing: %v and %v", p.items, p2.items)
	}
	// Ana answers all three right, Ben the first one wrong.
	for _, q := range p.questions {
		s.Answer(ctx, q, "ana", 0, true)
	}
	s.Answer(ctx, p.questions[0], "ben", 2, false)
	sch.Housekeep(ctx, at.Add(31*time.Minute))
	if len(p.results) != 1 {
		t.Fatalf("results posted %d times", len(p.results))
	}
	res := p.results[0]
	if len(res.Questions) != 3 || res.Questions[0].Right != 1 || res.Questions[0].Answered != 2 || res.Questions[1].Answered != 1 {
		t.Errorf("results: %+v", res.Questions)
	}
	if len(res.Scores) != 2 || res.Scores[0] != (tutor.Score{UserID: "ana", Right: 3, Answered: 3}) {
		t.Errorf("scores: %+v", res.Scores)
	}
	for i, q := range res.Questions {
		if q.N != i+1 {
			t.Errorf("question %d numbered %d", i+1, q.N)
		}
	}
}

// A question gone from the bank since is left out of the results; the
// others keep the number they had in the thread.
func TestResultsKeepTheirNumbers(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	p := &recorder{}
	_, sch, sc := setup(t, p, at)
	if _, err := sch.Fire(ctx, sc, at); err != nil {
		t.Fatal(err)
	}
	var kept []*quiz.Item
	for _, it := range testBank().Items {
		if it.ID != p.items[0] {
			kept = append(kept, it)
		}
	}
	sch.Bank = quiz.NewBank(kept)
	sch.Housekeep(ctx, at.Add(31*time.Minute))
	if len(p.results) != 1 || len(p.results[0].Questions) != 2 || p.results[0].Questions[0].N != 2 || p.results[0].Questions[1].N != 3 {
		t.Errorf("results after an item left the bank: %+v", p.results)
	}
}

// A shutdown while posting ends the run as failed, not claimed forever.
func TestShutdownWhilePostingIsRecorded(t *testing.T) {
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	ctx, cancel := context.WithCancel(context.Background())
	p := &recorder{cancel: cancel}
	s, sch, sc := setup(t, p, at)
	if _, err := sch.Fire(ctx, sc, at); !errors.Is(err, context.Canceled) {
		t.Fatalf("fire: %v", err)
	}
	runs, _ := s.Runs(context.Background(), sc.ID)
	if len(runs) != 1 || runs[0].Status != tutor.RunFailed {
		t.Errorf("run after a shutdown while posting: %+v", runs)
	}
}

// clocked is setup with a clock the test moves.
func clocked(t *testing.T, p quiz.Poster, at time.Time) (*memstore.Store, *quiz.Scheduler, tutor.Schedule, *time.Time) {
	t.Helper()
	now := at
	s, sch, sc := setup(t, p, at)
	s.Now = func() time.Time { return now }
	sch.Now = func() time.Time { return now }
	return s, sch, sc, &now
}

func runStatus(t *testing.T, s *memstore.Store, sc tutor.Schedule) []string {
	t.Helper()
	runs, err := s.Runs(context.Background(), sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range runs {
		out = append(out, r.Status)
	}
	return out
}

// A process killed after claiming a firing leaves it claimed: past the
// lease, housekeeping (of any process) marks it failed and says so.
func TestClaimOfADeadProcessIsFailed(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	s, sch, sc, now := clocked(t, &recorder{}, at)
	var logs syncbuf.Buffer
	sch.Log = slog.New(slog.NewTextHandler(&logs, nil))
	run := tutor.QuizRun{ScheduleID: sc.ID, ScheduledAt: at, ClosesAt: at.Add(30 * time.Minute), GuildID: "g", ChannelID: "c", Status: tutor.RunClaimed}
	if ok, err := s.ClaimRun(ctx, &run); !ok || err != nil {
		t.Fatal(ok, err)
	}
	*now = at.Add(time.Minute) // the posting process may still be at work
	sch.Housekeep(ctx, *now)
	if got := runStatus(t, s, sc); !slices.Equal(got, []string{tutor.RunClaimed}) {
		t.Errorf("a minute after the claim: %v", got)
	}
	*now = at.Add(10 * time.Minute)
	sch.Housekeep(ctx, *now)
	if got := runStatus(t, s, sc); !slices.Equal(got, []string{tutor.RunFailed}) {
		t.Errorf("past the lease: %v, want failed", got)
	}
	if !strings.Contains(logs.String(), "abandoned") {
		t.Errorf("no alert in the logs:\n%s", logs.String())
	}
}

// A firing caught up late keeps its whole answer window: a 10-minute quiz
// posted 20 minutes late closes 10 minutes after it is posted.
func TestLateCatchUpKeepsItsWindow(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	p := &recorder{}
	s, sch, sc, now := clocked(t, p, at)
	sc.OpenMinutes = 10
	*now = at.Add(20 * time.Minute)
	if ok, err := sch.Fire(ctx, sc, at); !ok || err != nil {
		t.Fatal(ok, err)
	}
	want := now.Add(10 * time.Minute)
	if len(p.opened) != 1 || !p.opened[0].ClosesAt.Equal(want) {
		t.Fatalf("run closes at %v, want %v", p.opened, want)
	}
	for _, q := range p.questions {
		if !q.ClosesAt.Equal(want) {
			t.Errorf("question closes at %v, want %v", q.ClosesAt, want)
		}
	}
	*now = at.Add(25 * time.Minute)
	sch.Housekeep(ctx, *now)
	if len(p.results) != 0 || !slices.Equal(runStatus(t, s, sc), []string{tutor.RunPosted}) {
		t.Errorf("closed 5 minutes after it was posted: %v", runStatus(t, s, sc))
	}
}

// panicky panics while posting results, as many times as asked.
type panicky struct {
	recorder
	panics int
}

func (p *panicky) PostResults(ctx context.Context, run tutor.QuizRun, res quiz.Results) error {
	p.mu.Lock()
	if p.panics > 0 {
		p.panics--
		p.mu.Unlock()
		panic("rendering failed")
	}
	p.mu.Unlock()
	return p.recorder.PostResults(ctx, run, res)
}

// A panic while posting results does not lose them: the run opens again
// and the next housekeeping posts them, once; after an hour of failures it
// is closed for good.
func TestResultsSurviveAPanic(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	p := &panicky{panics: 1}
	s, sch, sc, now := clocked(t, p, at)
	if ok, err := sch.Fire(ctx, sc, at); !ok || err != nil {
		t.Fatal(ok, err)
	}
	*now = at.Add(31 * time.Minute)
	sch.Housekeep(ctx, *now)
	if len(p.results) != 0 || !slices.Equal(runStatus(t, s, sc), []string{tutor.RunPosted}) {
		t.Fatalf("after the panic: %d results, runs %v", len(p.results), runStatus(t, s, sc))
	}
	*now = at.Add(32 * time.Minute)
	sch.Housekeep(ctx, *now)
	sch.Housekeep(ctx, *now)
	if len(p.results) != 1 || !slices.Equal(runStatus(t, s, sc), []string{tutor.RunClosed}) {
		t.Errorf("next minute: %d results, runs %v", len(p.results), runStatus(t, s, sc))
	}
	// Always failing: given up an hour after the close.
	p2 := &panicky{panics: 1000}
	s2, sch2, sc2, now2 := clocked(t, p2, at)
	sch2.Fire(ctx, sc2, at)
	for m := 31; m <= 120; m++ {
		*now2 = at.Add(time.Duration(m) * time.Minute)
		sch2.Housekeep(ctx, *now2)
	}
	if got := runStatus(t, s2, sc2); !slices.Equal(got, []string{tutor.RunClosed}) {
		t.Errorf("failing for 90 minutes: runs %v, want closed", got)
	}
}
