package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
)

// poster records what the scheduler posts.
type poster struct {
	mu       sync.Mutex
	runs     []tutor.QuizRun
	results  []int64
	reminded []string
	fail     bool
	panics   bool
}

func (p *poster) OpenRun(_ context.Context, _ tutor.Schedule, run tutor.QuizRun, n int) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail {
		return "", fmt.Errorf("discord down")
	}
	if p.panics {
		panic("bug in the poster")
	}
	run.ThreadID = fmt.Sprintf("thread-%d", len(p.runs)+1)
	p.runs = append(p.runs, run)
	return run.ThreadID, nil
}

func (p *poster) PostQuestion(context.Context, string, tutor.QuizPost, *quiz.Item, int, int) error {
	return nil
}

func (p *poster) PostResults(_ context.Context, run tutor.QuizRun, _ quiz.Results) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.results = append(p.results, run.ID)
	return nil
}

func (p *poster) SendReminder(_ context.Context, userID string, due int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reminded = append(p.reminded, fmt.Sprintf("%s:%d", userID, due))
	return nil
}

func (p *poster) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.runs)
}

// clock is a fake clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

var paris, _ = time.LoadLocation("Europe/Paris")

func openAt(t *testing.T, path string, c *clock) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = c.Now
	t.Cleanup(func() { s.Close() })
	return s
}

// bank is a small question bank: a quiz of 2 or 3 questions.
var bank = quiz.NewBank([]*quiz.Item{
	{ID: "q1", Diploma: "NRC", Question: "Coefficient de l'E4 ?", Choices: []string{"4", "3", "2", "1"}},
	{ID: "q2", Diploma: "NRC", Question: "Durée de l'E5 ?", Choices: []string{"5 h", "4 h", "3 h", "2 h"}},
	{ID: "q3", Diploma: "NRC", Question: "Forme de l'E6 ?", Choices: []string{"pratique", "écrite", "orale", "aucune"}},
})

func scheduler(s *Store, p *poster, c *clock) *quiz.Scheduler {
	return &quiz.Scheduler{Store: s, Bank: bank, Poster: p, Now: c.Now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// A schedule on Mondays and Wednesdays at 18:00 (Paris): fired, closed,
// restarted between two firings, missed firings within and beyond the grace
// period.
func TestSchedulerFiresOnceAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tutor.db")
	c := &clock{t: time.Date(2026, 11, 23, 17, 0, 0, 0, paris)} // Monday
	s := openAt(t, path, c)
	sc := tutor.Schedule{GuildID: "g", ChannelID: "c", Expr: "0 18 * * 1,3", Zone: "Europe/Paris", Questions: 3, OpenMinutes: 60, CreatedBy: "prof"}
	if err := s.AddSchedule(ctx, &sc); err != nil {
		t.Fatal(err)
	}
	p := &poster{}
	sch := scheduler(s, p, c)
	monday := time.Date(2026, 11, 23, 18, 0, 0, 0, paris)
	if ok, err := sch.Fire(ctx, sc, monday); !ok || err != nil {
		t.Fatalf("first firing: %v %v", ok, err)
	}
	// The cron job and the catch-up at start both see the same firing.
	c.Set(monday.Add(2 * time.Minute))
	sch.CatchUp(ctx, c.Now())
	if ok, _ := sch.Fire(ctx, sc, monday); ok || p.count() != 1 {
		t.Fatalf("fired twice: %d posts", p.count())
	}
	// Closing after an hour posts the results once, even if asked twice.
	c.Set(monday.Add(61 * time.Minute))
	sch.Housekeep(ctx, c.Now())
	sch.Housekeep(ctx, c.Now())
	if len(p.results) != 1 {
		t.Fatalf("results posted %d times", len(p.results))
	}
	s.Close()

	// Restart on the same file, Wednesday 18:10: the firing of 18:00 was
	// missed but is within the grace period: posted once.
	c.Set(time.Date(2026, 11, 25, 18, 10, 0, 0, paris))
	s2 := openAt(t, path, c)
	sch2 := scheduler(s2, p, c)
	sch2.CatchUp(ctx, c.Now())
	sch2.CatchUp(ctx, c.Now())
	if p.count() != 2 || !p.runs[1].ScheduledAt.Equal(time.Date(2026, 11, 25, 18, 0, 0, 0, paris)) {
		t.Fatalf("posts after restart: %+v", p.runs)
	}
	// Next Monday the bot comes back at 19:00, beyond the 30 min grace:
	// skipped, documented.
	c.Set(time.Date(2026, 11, 30, 19, 0, 0, 0, paris))
	sch2.CatchUp(ctx, c.Now())
	if p.count() != 2 {
		t.Fatalf("a firing missed by an hour was posted")
	}
	runs, _ := s2.Runs(ctx, sc.ID)
	if len(runs) != 2 || runs[0].Status != tutor.RunClosed || runs[1].Status != tutor.RunPosted || runs[1].ThreadID != "thread-2" {
		t.Errorf("runs %+v", runs)
	}
}

// Two bot processes on one store: each fires the same schedule at the same
// time; one post.
func TestTwoProcessesPostOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tutor.db")
	c := &clock{t: time.Date(2026, 11, 23, 18, 0, 0, 0, paris)}
	a, b := openAt(t, path, c), openAt(t, path, c)
	sc := tutor.Schedule{GuildID: "g", ChannelID: "c", Expr: "0 18 * * *", Zone: "Europe/Paris", Questions: 2, OpenMinutes: 30}
	if err := a.AddSchedule(ctx, &sc); err != nil {
		t.Fatal(err)
	}
	pa, pb := &poster{}, &poster{}
	sa, sb := scheduler(a, pa, c), scheduler(b, pb, c)
	for day := range 20 {
		at := time.Date(2026, 11, 23+day, 18, 0, 0, 0, paris)
		var wg sync.WaitGroup
		for _, s := range []*quiz.Scheduler{sa, sb, sa, sb} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.Fire(ctx, sc, at); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	if got := pa.count() + pb.count(); got != 20 {
		t.Fatalf("%d posts for 20 firings (a %d, b %d)", got, pa.count(), pb.count())
	}
}

// A failed post is recorded and not retried behind the teacher's back.
func TestFailedPostIsRecorded(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 23, 18, 0, 0, 0, paris)}
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"), c)
	sc := tutor.Schedule{GuildID: "g", ChannelID: "c", Expr: "0 18 * * *", Zone: "Europe/Paris", Questions: 2, OpenMinutes: 30}
	s.AddSchedule(ctx, &sc)
	p := &poster{fail: true}
	if _, err := scheduler(s, p, c).Fire(ctx, sc, c.Now()); err == nil {
		t.Fatal("no error")
	}
	// A panic in the poster is recovered and recorded the same way.
	p = &poster{panics: true}
	if _, err := scheduler(s, p, c).Fire(ctx, sc, c.Now().Add(24*time.Hour)); err == nil || !strings.Contains(err.Error(), "erreur interne") {
		t.Fatalf("panic: %v", err)
	}
	runs, _ := s.Runs(ctx, sc.ID)
	if len(runs) != 2 || runs[0].Status != tutor.RunFailed || runs[1].Status != tutor.RunFailed {
		t.Errorf("runs %+v", runs)
	}
}

// Reminders: once a day, at or after the chosen time, only with due cards.
func TestReminders(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 23, 17, 59, 0, 0, paris)}
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"), c)
	p := &poster{}
	sch := scheduler(s, p, c)
	s.SetReminder(ctx, tutor.Reminder{UserID: "ana", MinuteOfDay: 18 * 60, Zone: "Europe/Paris"})
	s.SetReminder(ctx, tutor.Reminder{UserID: "ben", MinuteOfDay: 18 * 60, Zone: "Europe/Paris"})
	card := review(tutor.NewCard("ana", "item"), false, c.Now().AddDate(0, 0, -2))
	s.SaveCard(ctx, card)
	sch.Housekeep(ctx, c.Now())
	if len(p.reminded) != 0 {
		t.Fatal("reminded before the time")
	}
	for _, m := range []int{0, 1, 30} {
		c.Set(time.Date(2026, 11, 23, 18, m, 0, 0, paris))
		sch.Housekeep(ctx, c.Now())
	}
	if !slices.Equal(p.reminded, []string{"ana:1"}) {
		t.Fatalf("reminders %v (ben has nothing due)", p.reminded)
	}
	c.Set(time.Date(2026, 11, 24, 18, 5, 0, 0, paris))
	sch.Housekeep(ctx, c.Now())
	if len(p.reminded) != 2 {
		t.Fatalf("next day: %v", p.reminded)
	}
}

// A 7 h reminder counts the cards falling due later that day (at 18:30):
// cards are due by calendar day.
func TestMorningReminderCountsTheDay(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 23, 18, 30, 0, 0, paris)}
	s := openAt(t, filepath.Join(t.TempDir(), "t.db"), c)
	p := &poster{}
	sch := scheduler(s, p, c)
	s.SetReminder(ctx, tutor.Reminder{UserID: "ana", MinuteOfDay: 7 * 60, Zone: "Europe/Paris"})
	// Missed at 18:30: due again tomorrow at 18:30.
	s.SaveCard(ctx, review(tutor.NewCard("ana", "item"), false, c.Now()))
	// Due the day after tomorrow: not counted tomorrow.
	s.SaveCard(ctx, review(tutor.NewCard("ana", "other"), false, c.Now().AddDate(0, 0, 1)))
	c.Set(time.Date(2026, 11, 24, 7, 0, 0, 0, paris))
	sch.Housekeep(ctx, c.Now())
	if !slices.Equal(p.reminded, []string{"ana:1"}) {
		t.Errorf("7 h reminders %v, want the one card of the day", p.reminded)
	}
}

// Erasing a user removes every row holding their ID, in every table.
func TestEraseUserRemovesEveryRow(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Now()}
	path := filepath.Join(t.TempDir(), "t.db")
	s := openAt(t, path, c)
	const u = "user-777"
	// Their data everywhere, and someone else's.
	for _, who := range []string{u, "other"} {
		r := tutor.StoredReply{GuildID: "g", ChannelID: "c", UserID: who, Command: "question", Reply: tutor.Reply{Answer: "x"}}
		s.SaveReply(ctx, &r)
		s.Vote(ctx, r.ID, who, 1)
		s.AddUsage(ctx, "g", who, 100)
		s.AddTurn(ctx, "thread", who, tutor.ChatMessage{Role: "user", Content: "q"})
		p := tutor.QuizPost{GuildID: "g", ChannelID: "c", UserID: who, ItemID: "i"}
		s.AddPost(ctx, &p)
		s.Answer(ctx, p, who, 1, true)
		s.SaveCard(ctx, review(tutor.NewCard(who, "i"), true, c.Now()))
		s.LogReview(ctx, tutor.ReviewLog{UserID: who, ItemID: "i", Grade: 3, ReviewedAt: c.Now()})
		s.FlagItem(ctx, "i", who)
		s.SetReminder(ctx, tutor.Reminder{UserID: who, MinuteOfDay: 60, Zone: "Europe/Paris"})
		s.AddSchedule(ctx, &tutor.Schedule{GuildID: "g", ChannelID: "c", Expr: "0 18 * * *", Zone: "Europe/Paris", Questions: 1, OpenMinutes: 10, CreatedBy: who})
	}
	data, err := s.UserData(ctx, u)
	if err != nil || len(data) != len(userColumns) {
		t.Fatalf("export: %d tables, %v", len(data), err)
	}
	counts, err := s.EraseUser(ctx, u)
	if err != nil || len(counts) != len(userColumns) {
		t.Fatalf("erased %v, %v", counts, err)
	}
	// No cell of any table holds the ID any more; the other user is intact.
	found := map[string]int{}
	tables, _ := s.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'`)
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	for _, table := range names {
		rows, err := s.db.QueryContext(ctx, "SELECT * FROM "+table)
		if err != nil {
			t.Fatal(err)
		}
		list, err := scanMaps(rows)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range list {
			for _, v := range row {
				if x, ok := v.(string); ok {
					found[x]++
				}
			}
		}
	}
	if found[u] != 0 {
		t.Errorf("%d cells still hold %s", found[u], u)
	}
	if found["other"] < len(userColumns) {
		t.Errorf("the other user lost data: %d cells", found["other"])
	}
	if data, _ := s.UserData(ctx, u); len(data) != 0 {
		t.Errorf("export after erasure: %v", data)
	}
	// Nor does any byte of the files: deleted rows are overwritten, and the
	// write-ahead log is emptied.
	for _, f := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if n := bytes.Count(b, []byte(u)); n != 0 {
			t.Errorf("%s holds %q %d times after erasure", filepath.Base(f), u, n)
		}
	}
}

// review is a card after an answer at now.
func review(c tutor.Card, right bool, now time.Time) tutor.Card {
	c, _ = quiz.Review(c, right, time.Time{}, now, 0)
	return c
}

// A database whose cards SM-2 scheduled opens with FSRS cards: stability
// and difficulty as quiz.FromSM2 maps them, due dates kept.
func TestSM2CardsCarryOver(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	uri, err := prepareFile(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, Now: time.Now}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	for i, name := range names[:5] { // the schema before FSRS
		if err := old.apply(ctx, i+1, name); err != nil {
			t.Fatal(name, err)
		}
	}
	due := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cards := []struct {
		item     string
		ease     float64
		interval int
	}{{"fresh", 2.5, 6}, {"hard", 1.3, 1}, {"easy", 2.8, 40}}
	for _, c := range cards {
		if _, err := db.ExecContext(ctx, `INSERT INTO sr_cards (user_id, item_id, ease, interval_days, reps, lapses, due, reviewed) VALUES ('ana', ?, ?, ?, 2, 1, ?, ?)`,
			c.item, c.ease, c.interval, ms(due), ms(due.AddDate(0, 0, -c.interval))); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s := openAt(t, path, &clock{t: due})
	for _, c := range cards {
		got, ok, err := s.Card(ctx, "ana", c.item)
		stability, difficulty := quiz.FromSM2(c.ease, c.interval)
		if err != nil || !ok || math.Abs(got.Stability-stability) > 1e-9 || math.Abs(got.Difficulty-difficulty) > 1e-9 || !got.Due.Equal(due) || got.Reps != 2 || got.Lapses != 1 {
			t.Errorf("%s: %+v (%v %v), want stability %v, difficulty %v", c.item, got, ok, err, stability, difficulty)
		}
	}
}
