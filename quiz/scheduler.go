package quiz

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/robfig/cron/v3"
)

// Poster shows what the scheduler decides (on Discord, the bot): it renders
// and posts what it is handed and records nothing.
type Poster interface {
	// OpenRun announces a run of n questions and opens the channel they go
	// to (on Discord, a thread from the announcement); it returns its ID.
	OpenRun(ctx context.Context, sc tutor.Schedule, run tutor.QuizRun, n int) (channelID string, err error)
	// PostQuestion posts question i (from 1) of n, answered against post.
	PostQuestion(ctx context.Context, channelID string, post tutor.QuizPost, it *Item, i, n int) error
	// PostResults posts a closed run's results.
	PostResults(ctx context.Context, run tutor.QuizRun, res Results) error
	// SendReminder tells a student that due cards wait.
	SendReminder(ctx context.Context, userID string, due int) error
}

// Results are a closed run's answers and ranking.
type Results struct {
	Questions []Result      // in the order they were posted
	Scores    []tutor.Score // best first, at most MaxRanked
}

// Result is how one question of a run was answered.
type Result struct {
	N               int // its number in the run, from 1
	Item            *Item
	Right, Answered int
}

// MaxRanked is how many students the results rank.
const MaxRanked = 10

// jobTimeout bounds one job (a firing, housekeeping): a job has its own
// context, so that a shutdown while posting still records how it ended.
const jobTimeout = 2 * time.Minute

// DefaultGrace is how late a missed firing may still be posted.
const DefaultGrace = 30 * time.Minute

// claimLease is how long a firing may stay claimed: past it, the process
// posting it has died (a job ends within jobTimeout, recording how), and
// the run is marked failed.
const claimLease = jobTimeout + time.Minute

// resultsRetry is how long after its close a run's results are tried again
// when posting them failed.
const resultsRetry = time.Hour

// Scheduler fires the schedules on robfig/cron (panics recovered, a job
// never overlaps itself), re-armed from the store at start. Every firing is
// claimed in the store under (schedule, scheduled time) before anything is
// posted, so neither a restart nor a second process posts it twice. A firing
// missed while the bot was down is posted once if the bot is back within
// Grace, skipped otherwise. Once a minute, housekeeping closes the runs whose
// time is up (posting the results), sends the due reminders, and arms the
// schedules added by another process.
type Scheduler struct {
	Store  tutor.Store
	Bank   *Bank // where the questions are picked
	Poster Poster
	Log    *slog.Logger
	Now    func() time.Time
	Grace  time.Duration

	mu      sync.Mutex
	cron    *cron.Cron
	entries map[int64]armed
}

type armed struct {
	id   cron.EntryID
	expr string
	zone string
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Scheduler) grace() time.Duration {
	if s.Grace > 0 {
		return s.Grace
	}
	return DefaultGrace
}

func (s *Scheduler) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// Start arms every stored schedule, posts the firings missed within the
// grace period, and starts the cron runner; ctx bounds this start only, each
// job runs with its own.
func (s *Scheduler) Start(ctx context.Context) error {
	logger := cronLogger{s.log()}
	s.mu.Lock()
	s.cron = cron.New(cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)), cron.WithLogger(logger))
	s.entries = map[int64]armed{}
	s.mu.Unlock()
	if err := s.sync(ctx); err != nil {
		return err
	}
	s.CatchUp(ctx, s.now())
	s.cron.Schedule(cron.Every(time.Minute), cron.FuncJob(func() {
		ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
		defer cancel()
		s.Housekeep(ctx, s.now())
	}))
	s.cron.Start()
	return nil
}

// Stop stops the runner and waits for the running jobs.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	c := s.cron
	s.mu.Unlock()
	if c != nil {
		<-c.Stop().Done()
	}
}

// sync arms the stored schedules not yet armed and disarms the deleted ones.
func (s *Scheduler) sync(ctx context.Context) error {
	list, err := s.Store.AllSchedules(ctx)
	if err != nil {
		return fmt.Errorf("lecture des programmations : %w", err)
	}
	seen := map[int64]bool{}
	for _, sc := range list {
		seen[sc.ID] = true
		if err := s.Arm(sc); err != nil {
			s.log().Warn("schedule not armed", "schedule", sc.ID, "err", err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, a := range s.entries {
		if !seen[id] {
			s.cron.Remove(a.id)
			delete(s.entries, id)
		}
	}
	return nil
}

// Arm adds a schedule to the runner (again if its expression changed).
func (s *Scheduler) Arm(sc tutor.Schedule) error {
	spec, err := ParseSpec(sc.Expr, sc.Zone)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron == nil {
		return nil // not started: Start arms it
	}
	if a, ok := s.entries[sc.ID]; ok {
		if a.expr == sc.Expr && a.zone == sc.Zone {
			return nil
		}
		s.cron.Remove(a.id)
	}
	id := s.cron.Schedule(spec.Schedule(), cron.FuncJob(func() {
		ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
		defer cancel()
		now := s.now()
		at := spec.Last(now.Add(-s.grace()), now)
		if at.IsZero() {
			return
		}
		if _, err := s.Fire(ctx, sc, at); err != nil {
			s.log().Error("scheduled quiz failed", "schedule", sc.ID, "err", err)
		}
	}))
	s.entries[sc.ID] = armed{id, sc.Expr, sc.Zone}
	return nil
}

// Disarm removes a schedule from the runner.
func (s *Scheduler) Disarm(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.entries[id]; ok && s.cron != nil {
		s.cron.Remove(a.id)
		delete(s.entries, id)
	}
}

// Armed reports how many schedules are armed.
func (s *Scheduler) Armed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}

// Fire posts the firing of sc scheduled at at, unless it was already
// claimed (by this process before a restart, or by another one). A failure
// or a panic while posting marks the run failed, even when ctx is done.
func (s *Scheduler) Fire(ctx context.Context, sc tutor.Schedule, at time.Time) (posted bool, err error) {
	open := time.Duration(max(sc.OpenMinutes, 1)) * time.Minute
	// A firing caught up late keeps its whole answer window.
	opens := at
	if now := s.now(); now.After(at) {
		opens = now
	}
	run := &tutor.QuizRun{ScheduleID: sc.ID, ScheduledAt: at, ClosesAt: opens.Add(open), GuildID: sc.GuildID, ChannelID: sc.ChannelID, Status: tutor.RunClaimed}
	claimed, err := s.Store.ClaimRun(ctx, run)
	if err != nil || !claimed {
		return false, err
	}
	record := context.WithoutCancel(ctx)
	if err := s.post(ctx, sc, run); err != nil {
		run.Status = tutor.RunFailed
		if uerr := s.Store.UpdateRun(record, *run); uerr != nil {
			err = errors.Join(err, uerr)
		}
		return false, err
	}
	run.Status = tutor.RunPosted
	return true, s.Store.UpdateRun(record, *run)
}

// post picks the run's questions, has the poster open the run, records
// each question and has it posted; a panic becomes an error.
func (s *Scheduler) post(ctx context.Context, sc tutor.Schedule, run *tutor.QuizRun) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("erreur interne pendant l'envoi : %v", p)
		}
	}()
	if s.Bank == nil {
		return errors.New("aucune banque de questions")
	}
	items := s.Bank.Pick(runRand(sc, run.ScheduledAt), sc.Diploma, sc.Theme, sc.Questions, Withheld(ctx, s.Store), false)
	if len(items) == 0 {
		return fmt.Errorf("aucune question pour le diplôme %q et le thème %q", sc.Diploma, sc.Theme)
	}
	if run.ThreadID, err = s.Poster.OpenRun(ctx, sc, *run, len(items)); err != nil {
		return fmt.Errorf("ouverture du quiz : %w", err)
	}
	for i, it := range items {
		p := tutor.QuizPost{RunID: run.ID, GuildID: sc.GuildID, ChannelID: run.ThreadID, ItemID: it.ID, ClosesAt: run.ClosesAt}
		if err := s.Store.AddPost(ctx, &p); err != nil {
			return err
		}
		if err := s.Poster.PostQuestion(ctx, run.ThreadID, p, it, i+1, len(items)); err != nil {
			return fmt.Errorf("question %d: %w", i+1, err)
		}
	}
	return nil
}

// runRand is the same for the same firing: two processes, or a retry, pick
// the same questions.
func runRand(sc tutor.Schedule, at time.Time) *rand.Rand {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d|%d", sc.ID, at.Unix())
	return rand.New(rand.NewPCG(h.Sum64(), 2))
}

// results gathers a run's answers and ranking.
func (s *Scheduler) results(ctx context.Context, run tutor.QuizRun) (Results, error) {
	var res Results
	tallies, err := s.Store.Tallies(ctx, run.ID)
	if err != nil {
		return res, err
	}
	for i, t := range tallies {
		it, ok := s.Bank.Item(t.ItemID)
		if !ok {
			continue // an item gone from the bank since: the others keep their number
		}
		res.Questions = append(res.Questions, Result{N: i + 1, Item: it, Right: t.Counts[it.Correct], Answered: t.Counts[0] + t.Counts[1] + t.Counts[2] + t.Counts[3]})
	}
	if res.Scores, err = s.Store.RunScores(ctx, run.ID); err != nil {
		return res, err
	}
	res.Scores = res.Scores[:min(len(res.Scores), MaxRanked)]
	return res, nil
}

// CatchUp posts, for every schedule, its latest firing of the grace period
// if nobody did.
func (s *Scheduler) CatchUp(ctx context.Context, now time.Time) {
	list, err := s.Store.AllSchedules(ctx)
	if err != nil {
		s.log().Error("reading schedules", "err", err)
		return
	}
	for _, sc := range list {
		spec, err := ParseSpec(sc.Expr, sc.Zone)
		if err != nil {
			continue
		}
		at := spec.Last(now.Add(-s.grace()), now)
		if at.IsZero() {
			continue
		}
		if posted, err := s.Fire(ctx, sc, at); err != nil {
			s.log().Error("missed quiz failed", "schedule", sc.ID, "err", err)
		} else if posted {
			s.log().Info("missed quiz posted", "schedule", sc.ID, "scheduled_at", at)
		}
	}
}

// Housekeep fails the runs a dead process left claimed, closes the runs
// whose time is up, sends the due reminders and arms the schedules another
// process added.
func (s *Scheduler) Housekeep(ctx context.Context, now time.Time) {
	if err := s.sync(ctx); err != nil {
		s.log().Error("syncing schedules", "err", err)
	}
	expired, err := s.Store.ExpireClaims(ctx, now.Add(-claimLease))
	if err != nil {
		s.log().Error("expiring claims", "err", err)
	}
	for _, r := range expired {
		s.log().Error("scheduled quiz abandoned: the process posting it stopped; marked failed", "schedule", r.ScheduleID, "run", r.ID, "scheduled_at", r.ScheduledAt)
	}
	runs, err := s.Store.RunsToClose(ctx, now)
	if err != nil {
		s.log().Error("reading runs to close", "err", err)
	}
	for _, r := range runs {
		ok, err := s.Store.ClaimClose(ctx, r.ID)
		if err != nil || !ok {
			continue
		}
		if err := s.close(ctx, r); err != nil {
			s.log().Error("posting results failed", "run", r.ID, "err", err)
			if now.Before(r.ClosesAt.Add(resultsRetry)) {
				// Open again: the next housekeeping tries once more.
				r.Status = tutor.RunPosted
				if err := s.Store.UpdateRun(context.WithoutCancel(ctx), r); err != nil {
					s.log().Error("reopening run", "run", r.ID, "err", err)
				}
			}
		}
	}
	s.remind(ctx, now)
}

// close gathers a closed run's results and has them posted; a panic
// becomes an error.
func (s *Scheduler) close(ctx context.Context, r tutor.QuizRun) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("erreur interne pendant l'envoi des résultats : %v", p)
		}
	}()
	res, err := s.results(ctx, r)
	if err != nil {
		return err
	}
	return s.Poster.PostResults(ctx, r, res)
}

func (s *Scheduler) remind(ctx context.Context, now time.Time) {
	list, err := s.Store.Reminders(ctx)
	if err != nil {
		s.log().Error("reading reminders", "err", err)
		return
	}
	for _, r := range list {
		loc, err := time.LoadLocation(r.Zone)
		if err != nil {
			loc, _ = time.LoadLocation(DefaultZone)
		}
		local := now.In(loc)
		today := local.Format("2006-01-02")
		if r.LastSent == today || local.Hour()*60+local.Minute() < r.MinuteOfDay {
			continue
		}
		ok, err := s.Store.ClaimReminder(ctx, r.UserID, today)
		if err != nil || !ok {
			continue
		}
		// What falls due today counts, not only what is due this minute.
		due, err := s.Store.DueCount(ctx, r.UserID, EndOfDay(now, r.Zone))
		if err != nil || due == 0 {
			continue
		}
		if err := s.Poster.SendReminder(ctx, r.UserID, due); err != nil {
			s.log().Warn("reminder not sent", "err", err)
		}
	}
}

// EndOfDay is the end of t's day in a zone (DefaultZone if unknown): cards
// are due by calendar day, so that a morning reminder counts, and the
// student may review, a card falling due that evening.
func EndOfDay(t time.Time, zone string) time.Time {
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "" {
		loc, _ = time.LoadLocation(DefaultZone)
	}
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, loc).Add(-time.Millisecond)
}

// cronLogger routes robfig/cron's logs to slog.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append([]any{"err", err}, kv...)...)
}
