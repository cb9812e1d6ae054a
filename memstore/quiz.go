package memstore

import (
	"context"
	"slices"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
)

// AddSchedule implements tutor.ScheduleStore.
func (s *Store) AddSchedule(ctx context.Context, sc *tutor.Schedule) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	sc.ID, sc.CreatedAt = s.id(), s.now()
	s.schedules[sc.ID] = *sc
	return nil
}

// Schedules implements tutor.ScheduleStore.
func (s *Store) Schedules(ctx context.Context, guildID string) ([]tutor.Schedule, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	return byID(s.schedules, func(sc tutor.Schedule) bool { return sc.GuildID == guildID }), nil
}

// AllSchedules implements tutor.ScheduleStore.
func (s *Store) AllSchedules(ctx context.Context) ([]tutor.Schedule, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	return byID(s.schedules, func(tutor.Schedule) bool { return true }), nil
}

// DeleteSchedule implements tutor.ScheduleStore: its runs, their posts and
// answers go with it.
func (s *Store) DeleteSchedule(ctx context.Context, guildID string, id int64) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	sc, ok := s.schedules[id]
	if !ok || sc.GuildID != guildID {
		return false, nil
	}
	delete(s.schedules, id)
	for rid, r := range s.runs {
		if r.ScheduleID == id {
			delete(s.runs, rid)
			delete(s.claimedAt, rid)
			for pid, p := range s.posts {
				if p.RunID == rid {
					s.deletePost(pid)
				}
			}
		}
	}
	return true, nil
}

// ClaimRun implements tutor.ScheduleStore.
func (s *Store) ClaimRun(ctx context.Context, r *tutor.QuizRun) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	if _, ok := s.schedules[r.ScheduleID]; !ok {
		return false, tutor.ErrNotFound
	}
	at := ms(r.ScheduledAt)
	for _, old := range s.runs {
		if old.ScheduleID == r.ScheduleID && old.ScheduledAt.Equal(at) {
			return false, nil
		}
	}
	r.ID = s.id()
	stored := *r
	stored.ScheduledAt, stored.ClosesAt = at, ms(r.ClosesAt)
	s.runs[r.ID] = stored
	s.claimedAt[r.ID] = s.now()
	return true, nil
}

// ExpireClaims implements tutor.ScheduleStore.
func (s *Store) ExpireClaims(ctx context.Context, before time.Time) ([]tutor.QuizRun, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	stale := byID(s.runs, func(r tutor.QuizRun) bool {
		return r.Status == tutor.RunClaimed && s.claimedAt[r.ID].Before(before)
	})
	for i := range stale {
		stale[i].Status = tutor.RunFailed
		s.runs[stale[i].ID] = stale[i]
	}
	return stale, nil
}

// UpdateRun implements tutor.ScheduleStore.
func (s *Store) UpdateRun(ctx context.Context, r tutor.QuizRun) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	if old, ok := s.runs[r.ID]; ok {
		old.Status, old.ThreadID = r.Status, r.ThreadID
		s.runs[r.ID] = old
	}
	return nil
}

// Runs implements tutor.ScheduleStore.
func (s *Store) Runs(ctx context.Context, scheduleID int64) ([]tutor.QuizRun, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out := byID(s.runs, func(r tutor.QuizRun) bool { return r.ScheduleID == scheduleID })
	sortByTime(out, func(r tutor.QuizRun) time.Time { return r.ScheduledAt })
	return out, nil
}

// RunsToClose implements tutor.ScheduleStore.
func (s *Store) RunsToClose(ctx context.Context, now time.Time) ([]tutor.QuizRun, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	return byID(s.runs, func(r tutor.QuizRun) bool {
		return r.Status == tutor.RunPosted && !r.ClosesAt.After(now)
	}), nil
}

// ClaimClose implements tutor.ScheduleStore.
func (s *Store) ClaimClose(ctx context.Context, runID int64) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	r, ok := s.runs[runID]
	if !ok || r.Status != tutor.RunPosted {
		return false, nil
	}
	r.Status = tutor.RunClosed
	s.runs[runID] = r
	return true, nil
}

// AddPost implements tutor.QuizStore.
func (s *Store) AddPost(ctx context.Context, p *tutor.QuizPost) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	if _, ok := s.runs[p.RunID]; p.RunID != 0 && !ok {
		return tutor.ErrNotFound
	}
	p.ID, p.CreatedAt = s.id(), s.now()
	stored := *p
	stored.ClosesAt = ms(p.ClosesAt)
	s.posts[p.ID] = stored
	return nil
}

// Post implements tutor.QuizStore.
func (s *Store) Post(ctx context.Context, id int64) (tutor.QuizPost, error) {
	return get(ctx, s, s.posts, id)
}

// deletePost removes a post and its answers.
func (s *Store) deletePost(id int64) {
	delete(s.posts, id)
	for k := range s.answers {
		if k.post == id {
			delete(s.answers, k)
		}
	}
}

// Answer implements tutor.QuizStore.
func (s *Store) Answer(ctx context.Context, p tutor.QuizPost, userID string, choice int, correct bool) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	if _, ok := s.posts[p.ID]; !ok {
		return false, tutor.ErrNotFound
	}
	k := answerKey{p.ID, userID}
	if _, ok := s.answers[k]; ok {
		return false, nil
	}
	s.answers[k] = answer{guild: p.GuildID, choice: choice, correct: correct, at: s.now()}
	return true, nil
}

// Tallies implements tutor.QuizStore.
func (s *Store) Tallies(ctx context.Context, runID int64) ([]tutor.Tally, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	var out []tutor.Tally
	for _, p := range byID(s.posts, func(p tutor.QuizPost) bool { return p.RunID == runID && runID != 0 }) {
		t := tutor.Tally{PostID: p.ID, ItemID: p.ItemID}
		for k, a := range s.answers {
			if k.post == p.ID && a.choice >= 0 && a.choice < len(t.Counts) {
				t.Counts[a.choice]++
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// scores sums the answers kept by keep, per student.
func (s *Store) scores(keep func(answerKey, answer) bool) ([]tutor.Score, map[string]time.Time) {
	by := map[string]*tutor.Score{}
	first := map[string]time.Time{}
	for k, a := range s.answers {
		if !keep(k, a) {
			continue
		}
		sc := by[k.user]
		if sc == nil {
			sc = &tutor.Score{UserID: k.user}
			by[k.user] = sc
		}
		sc.Answered++
		if a.correct {
			sc.Right++
		}
		if f, ok := first[k.user]; !ok || a.at.Before(f) {
			first[k.user] = a.at
		}
	}
	out := make([]tutor.Score, 0, len(by))
	for _, sc := range by {
		out = append(out, *sc)
	}
	return out, first
}

// RunScores implements tutor.QuizStore.
func (s *Store) RunScores(ctx context.Context, runID int64) ([]tutor.Score, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out, first := s.scores(func(k answerKey, _ answer) bool {
		p, ok := s.posts[k.post]
		return ok && p.RunID == runID && runID != 0
	})
	sortScores(out, first, false)
	return out[:min(len(out), 50)], nil
}

// Leaderboard implements tutor.QuizStore.
func (s *Store) Leaderboard(ctx context.Context, guildID string, since time.Time, n int) ([]tutor.Score, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	// Each item counts once per student and day (UTC), by its first answer
	// of the day.
	type daily struct{ user, item, day string }
	firstOf := map[daily]answerKey{}
	for k, a := range s.answers {
		if a.guild != guildID || a.at.Before(ms(since)) {
			continue
		}
		d := daily{k.user, s.posts[k.post].ItemID, day(a.at)}
		if f, ok := firstOf[d]; !ok || a.at.Before(s.answers[f].at) {
			firstOf[d] = k
		}
	}
	counted := map[answerKey]bool{}
	for _, k := range firstOf {
		counted[k] = true
	}
	out, first := s.scores(func(k answerKey, _ answer) bool { return counted[k] })
	sortScores(out, first, true)
	return out[:min(len(out), max(n, 0))], nil
}

// Card implements tutor.QuizStore.
func (s *Store) Card(ctx context.Context, userID, itemID string) (tutor.Card, bool, error) {
	if err := s.lock(ctx); err != nil {
		return tutor.Card{}, false, err
	}
	defer s.mu.Unlock()
	c, ok := s.cards[[2]string{userID, itemID}]
	if !ok {
		return tutor.NewCard(userID, itemID), false, nil
	}
	return c, true, nil
}

// SaveCard implements tutor.QuizStore.
func (s *Store) SaveCard(ctx context.Context, c tutor.Card) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	c.Due, c.Reviewed = ms(c.Due), ms(c.Reviewed)
	s.cards[[2]string{c.UserID, c.ItemID}] = c
	return nil
}

// FlagItem implements tutor.QuizStore.
func (s *Store) FlagItem(ctx context.Context, itemID, userID string) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	k := [2]string{itemID, userID}
	if _, ok := s.flags[k]; ok {
		return false, nil
	}
	s.flags[k] = s.now()
	return true, nil
}

// Flags implements tutor.QuizStore.
func (s *Store) Flags(ctx context.Context) (map[string]int, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out := map[string]int{}
	for k := range s.flags {
		out[k[0]]++
	}
	return out, nil
}

// LogReview implements tutor.QuizStore.
func (s *Store) LogReview(ctx context.Context, r tutor.ReviewLog) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	r.ReviewedAt, r.Due = ms(r.ReviewedAt), ms(r.Due)
	s.reviews = append(s.reviews, r)
	return nil
}

// due lists a student's cards due at now, most overdue first.
func (s *Store) due(userID string, now time.Time) []tutor.Card {
	var out []tutor.Card
	for k, c := range s.cards {
		if k[0] == userID && !c.Due.After(now) {
			out = append(out, c)
		}
	}
	sortByTime(out, func(c tutor.Card) time.Time { return c.Due })
	return out
}

// DueCards implements tutor.QuizStore.
func (s *Store) DueCards(ctx context.Context, userID string, now time.Time, n int) ([]tutor.Card, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out := s.due(userID, now)
	return out[:min(len(out), max(n, 0))], nil
}

// DueCount implements tutor.QuizStore.
func (s *Store) DueCount(ctx context.Context, userID string, now time.Time) (int, error) {
	if err := s.lock(ctx); err != nil {
		return 0, err
	}
	defer s.mu.Unlock()
	return len(s.due(userID, now)), nil
}

// SetReminder implements tutor.ReminderStore: a moved reminder keeps the
// day it was last handled.
func (s *Store) SetReminder(ctx context.Context, r tutor.Reminder) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	r.LastSent = s.reminders[r.UserID].LastSent
	s.reminders[r.UserID] = r
	return nil
}

// DeleteReminder implements tutor.ReminderStore.
func (s *Store) DeleteReminder(ctx context.Context, userID string) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	_, ok := s.reminders[userID]
	delete(s.reminders, userID)
	return ok, nil
}

// Reminders implements tutor.ReminderStore.
func (s *Store) Reminders(ctx context.Context) ([]tutor.Reminder, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out := make([]tutor.Reminder, 0, len(s.reminders))
	for _, r := range s.reminders {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b tutor.Reminder) int { return strings.Compare(a.UserID, b.UserID) })
	return out, nil
}

// ClaimReminder implements tutor.ReminderStore.
func (s *Store) ClaimReminder(ctx context.Context, userID, localDay string) (bool, error) {
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	r, ok := s.reminders[userID]
	if !ok || r.LastSent == localDay {
		return false, nil
	}
	r.LastSent = localDay
	s.reminders[userID] = r
	return true, nil
}

// sortByTime sorts by a time, stably.
func sortByTime[T any](s []T, at func(T) time.Time) {
	slices.SortStableFunc(s, func(a, b T) int { return at(a).Compare(at(b)) })
}
