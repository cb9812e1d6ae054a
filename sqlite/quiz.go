package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	tutor "github.com/btstutor/tutor"
)

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v)
}

// collect runs a query and scans every row with scan.
func collect[T any](ctx context.Context, db *sql.DB, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddSchedule stores a schedule and sets its ID.
func (s *Store) AddSchedule(ctx context.Context, sc *tutor.Schedule) error {
	sc.CreatedAt = s.Now()
	res, err := s.db.ExecContext(ctx, `INSERT INTO quiz_schedules (guild_id, channel_id, expr, zone, diploma, theme, questions, open_minutes, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, sc.GuildID, sc.ChannelID, sc.Expr, sc.Zone, sc.Diploma, sc.Theme, sc.Questions, sc.OpenMinutes, sc.CreatedBy, ms(sc.CreatedAt))
	if err != nil {
		return err
	}
	sc.ID, err = res.LastInsertId()
	return err
}

const scheduleCols = `id, guild_id, channel_id, expr, zone, diploma, theme, questions, open_minutes, created_by, created_at`

func scanSchedule(row interface{ Scan(...any) error }) (tutor.Schedule, error) {
	var sc tutor.Schedule
	var at int64
	err := row.Scan(&sc.ID, &sc.GuildID, &sc.ChannelID, &sc.Expr, &sc.Zone, &sc.Diploma, &sc.Theme, &sc.Questions, &sc.OpenMinutes, &sc.CreatedBy, &at)
	sc.CreatedAt = fromMS(at)
	return sc, err
}

func (s *Store) schedules(ctx context.Context, where string, args ...any) ([]tutor.Schedule, error) {
	return collect(ctx, s.db, scanSchedule, `SELECT `+scheduleCols+` FROM quiz_schedules `+where+` ORDER BY id`, args...)
}

// AllSchedules lists every schedule.
func (s *Store) AllSchedules(ctx context.Context) ([]tutor.Schedule, error) {
	return s.schedules(ctx, "")
}

// Schedules lists a server's schedules.
func (s *Store) Schedules(ctx context.Context, guildID string) ([]tutor.Schedule, error) {
	return s.schedules(ctx, "WHERE guild_id = ?", guildID)
}

// DeleteSchedule removes a server's schedule; false if it has none with id.
func (s *Store) DeleteSchedule(ctx context.Context, guildID string, id int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM quiz_schedules WHERE id = ? AND guild_id = ?`, id, guildID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ClaimRun records a firing; false when it was already recorded.
func (s *Store) ClaimRun(ctx context.Context, r *tutor.QuizRun) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO quiz_runs (schedule_id, scheduled_at, closes_at, guild_id, channel_id, status, claimed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (schedule_id, scheduled_at) DO NOTHING`,
		r.ScheduleID, ms(r.ScheduledAt), ms(r.ClosesAt), r.GuildID, r.ChannelID, r.Status, s.now())
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	r.ID, err = res.LastInsertId()
	return err == nil, err
}

// UpdateRun saves a run's status and thread.
func (s *Store) UpdateRun(ctx context.Context, r tutor.QuizRun) error {
	_, err := s.db.ExecContext(ctx, `UPDATE quiz_runs SET status = ?, thread_id = ? WHERE id = ?`, r.Status, r.ThreadID, r.ID)
	return err
}

const runCols = `id, schedule_id, scheduled_at, closes_at, guild_id, channel_id, thread_id, status`

func scanRun(row interface{ Scan(...any) error }) (tutor.QuizRun, error) {
	var r tutor.QuizRun
	var at, closes int64
	err := row.Scan(&r.ID, &r.ScheduleID, &at, &closes, &r.GuildID, &r.ChannelID, &r.ThreadID, &r.Status)
	r.ScheduledAt, r.ClosesAt = fromMS(at), fromMS(closes)
	return r, err
}

// Runs lists a schedule's runs, oldest first.
func (s *Store) Runs(ctx context.Context, scheduleID int64) ([]tutor.QuizRun, error) {
	return collect(ctx, s.db, scanRun, `SELECT `+runCols+` FROM quiz_runs WHERE schedule_id = ? ORDER BY scheduled_at`, scheduleID)
}

// RunsToClose lists the open runs whose time is up.
func (s *Store) RunsToClose(ctx context.Context, now time.Time) ([]tutor.QuizRun, error) {
	return collect(ctx, s.db, scanRun, `SELECT `+runCols+` FROM quiz_runs WHERE status = ? AND closes_at <= ? ORDER BY id`, tutor.RunPosted, ms(now))
}

// ClaimClose marks an open run closed; false if someone else did.
func (s *Store) ClaimClose(ctx context.Context, runID int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE quiz_runs SET status = ? WHERE id = ? AND status = ?`, tutor.RunClosed, runID, tutor.RunPosted)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ExpireClaims marks failed the runs claimed before a time and still
// claimed, and returns them.
func (s *Store) ExpireClaims(ctx context.Context, before time.Time) ([]tutor.QuizRun, error) {
	return collect(ctx, s.db, scanRun, `UPDATE quiz_runs SET status = ? WHERE status = ? AND claimed_at < ? RETURNING `+runCols,
		tutor.RunFailed, tutor.RunClaimed, ms(before))
}

// AddPost stores a posted question and sets its ID.
func (s *Store) AddPost(ctx context.Context, p *tutor.QuizPost) error {
	p.CreatedAt = s.Now()
	var run any
	if p.RunID != 0 {
		run = p.RunID
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO quiz_posts (run_id, guild_id, channel_id, user_id, item_id, created_at, closes_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		run, p.GuildID, p.ChannelID, p.UserID, p.ItemID, ms(p.CreatedAt), ms(p.ClosesAt))
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// Post returns a posted question; tutor.ErrNotFound if it is gone.
func (s *Store) Post(ctx context.Context, id int64) (tutor.QuizPost, error) {
	var p tutor.QuizPost
	var run sql.NullInt64
	var at, closes int64
	err := s.db.QueryRowContext(ctx, `SELECT id, run_id, guild_id, channel_id, user_id, item_id, created_at, closes_at FROM quiz_posts WHERE id = ?`, id).
		Scan(&p.ID, &run, &p.GuildID, &p.ChannelID, &p.UserID, &p.ItemID, &at, &closes)
	if errors.Is(err, sql.ErrNoRows) {
		return p, tutor.ErrNotFound
	}
	p.RunID, p.CreatedAt, p.ClosesAt = run.Int64, fromMS(at), fromMS(closes)
	return p, err
}

// Answer records a student's answer to a question; false if they had
// already answered it (the first answer counts).
func (s *Store) Answer(ctx context.Context, p tutor.QuizPost, userID string, choice int, correct bool) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO quiz_answers (post_id, user_id, guild_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (post_id, user_id) DO NOTHING`, p.ID, userID, p.GuildID, choice, correct, s.now())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Tallies counts the answers to each question of a run.
func (s *Store) Tallies(ctx context.Context, runID int64) ([]tutor.Tally, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.item_id, a.choice, COUNT(a.user_id) FROM quiz_posts p
		LEFT JOIN quiz_answers a ON a.post_id = p.id WHERE p.run_id = ? GROUP BY p.id, a.choice ORDER BY p.id`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tutor.Tally
	for rows.Next() {
		var id int64
		var item string
		var choice sql.NullInt64
		var n int
		if err := rows.Scan(&id, &item, &choice, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].PostID != id {
			out = append(out, tutor.Tally{PostID: id, ItemID: item})
		}
		if choice.Valid && choice.Int64 >= 0 && choice.Int64 < 4 {
			out[len(out)-1].Counts[choice.Int64] = n
		}
	}
	return out, rows.Err()
}

// RunScores ranks the students of a run: most right answers first.
func (s *Store) RunScores(ctx context.Context, runID int64) ([]tutor.Score, error) {
	return s.scores(ctx, `SELECT a.user_id, SUM(a.correct), COUNT(*) FROM quiz_answers a JOIN quiz_posts p ON p.id = a.post_id
		WHERE p.run_id = ? GROUP BY a.user_id ORDER BY SUM(a.correct) DESC, MIN(a.answered_at) LIMIT 50`, runID)
}

// Leaderboard ranks a server's students since a time (the week's start).
func (s *Store) Leaderboard(ctx context.Context, guildID string, since time.Time, n int) ([]tutor.Score, error) {
	// Each item counts once per student and day (UTC), by its first answer
	// of the day: asking /quiz again and again earns nothing.
	return s.scores(ctx, `SELECT user_id, SUM(correct), COUNT(*) FROM (
			SELECT a.user_id, a.correct, MIN(a.answered_at) AS at FROM quiz_answers a JOIN quiz_posts p ON p.id = a.post_id
			WHERE a.guild_id = ? AND a.answered_at >= ? GROUP BY a.user_id, p.item_id, a.answered_at / 86400000)
		GROUP BY user_id ORDER BY SUM(correct) DESC, COUNT(*) ASC, MIN(at) LIMIT ?`, guildID, ms(since), n)
}

func (s *Store) scores(ctx context.Context, q string, args ...any) ([]tutor.Score, error) {
	return collect(ctx, s.db, func(r interface{ Scan(...any) error }) (tutor.Score, error) {
		var sc tutor.Score
		return sc, r.Scan(&sc.UserID, &sc.Right, &sc.Answered)
	}, q, args...)
}

// Card returns a student's card for an item; ok is false when there is none.
func (s *Store) Card(ctx context.Context, userID, itemID string) (tutor.Card, bool, error) {
	c := tutor.Card{UserID: userID, ItemID: itemID}
	var due, reviewed int64
	err := s.db.QueryRowContext(ctx, `SELECT stability, difficulty, reps, lapses, due, reviewed FROM sr_cards WHERE user_id = ? AND item_id = ?`, userID, itemID).
		Scan(&c.Stability, &c.Difficulty, &c.Reps, &c.Lapses, &due, &reviewed)
	if errors.Is(err, sql.ErrNoRows) {
		return tutor.NewCard(userID, itemID), false, nil
	}
	c.Due, c.Reviewed = fromMS(due), fromMS(reviewed)
	return c, err == nil, err
}

// SaveCard stores a card.
func (s *Store) SaveCard(ctx context.Context, c tutor.Card) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO sr_cards (user_id, item_id, stability, difficulty, reps, lapses, due, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id, item_id) DO UPDATE SET stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
		lapses = excluded.lapses, due = excluded.due, reviewed = excluded.reviewed`,
		c.UserID, c.ItemID, c.Stability, c.Difficulty, c.Reps, c.Lapses, ms(c.Due), ms(c.Reviewed))
	return err
}

// FlagItem records a student's flag on a question; false if already there.
func (s *Store) FlagItem(ctx context.Context, itemID, userID string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO item_flags (item_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, itemID, userID, s.now())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Flags counts the students who flagged each question.
func (s *Store) Flags(ctx context.Context) (map[string]int, error) {
	type flag struct {
		item string
		n    int
	}
	list, err := collect(ctx, s.db, func(r interface{ Scan(...any) error }) (flag, error) {
		var f flag
		return f, r.Scan(&f.item, &f.n)
	}, `SELECT item_id, COUNT(*) FROM item_flags GROUP BY item_id`)
	out := map[string]int{}
	for _, f := range list {
		out[f.item] = f.n
	}
	return out, err
}

// LogReview records one review of a card.
func (s *Store) LogReview(ctx context.Context, r tutor.ReviewLog) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO sr_reviews (user_id, item_id, grade, reviewed_at, elapsed_days, answer_ms, stability, difficulty, due)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.UserID, r.ItemID, r.Grade, ms(r.ReviewedAt), r.ElapsedDays, r.AnswerMS, r.Stability, r.Difficulty, ms(r.Due))
	return err
}

// DueCards lists a student's cards due at now, most overdue first.
func (s *Store) DueCards(ctx context.Context, userID string, now time.Time, n int) ([]tutor.Card, error) {
	return collect(ctx, s.db, func(r interface{ Scan(...any) error }) (tutor.Card, error) {
		c := tutor.Card{UserID: userID}
		var due, reviewed int64
		err := r.Scan(&c.ItemID, &c.Stability, &c.Difficulty, &c.Reps, &c.Lapses, &due, &reviewed)
		c.Due, c.Reviewed = fromMS(due), fromMS(reviewed)
		return c, err
	}, `SELECT item_id, stability, difficulty, reps, lapses, due, reviewed FROM sr_cards WHERE user_id = ? AND due <= ? ORDER BY due LIMIT ?`, userID, ms(now), n)
}

// DueCount counts a student's cards due at now.
func (s *Store) DueCount(ctx context.Context, userID string, now time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sr_cards WHERE user_id = ? AND due <= ?`, userID, ms(now)).Scan(&n)
	return n, err
}

// SetReminder turns on (or moves) a student's daily reminder.
func (s *Store) SetReminder(ctx context.Context, r tutor.Reminder) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO reminders (user_id, minute_of_day, zone, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET minute_of_day = excluded.minute_of_day, zone = excluded.zone`, r.UserID, r.MinuteOfDay, r.Zone, s.now())
	return err
}

// DeleteReminder turns a student's reminder off; false if there was none.
func (s *Store) DeleteReminder(ctx context.Context, userID string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM reminders WHERE user_id = ?`, userID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Reminders lists every reminder.
func (s *Store) Reminders(ctx context.Context) ([]tutor.Reminder, error) {
	return collect(ctx, s.db, func(r interface{ Scan(...any) error }) (tutor.Reminder, error) {
		var m tutor.Reminder
		return m, r.Scan(&m.UserID, &m.MinuteOfDay, &m.Zone, &m.LastSent)
	}, `SELECT user_id, minute_of_day, zone, last_sent FROM reminders ORDER BY user_id`)
}

// ClaimReminder marks a reminder handled for a local day; false if it was.
func (s *Store) ClaimReminder(ctx context.Context, userID, localDay string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE reminders SET last_sent = ? WHERE user_id = ? AND last_sent <> ?`, localDay, userID, localDay)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
