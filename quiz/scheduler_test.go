package quiz_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
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
