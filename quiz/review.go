package quiz

import (
	"math"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/srs"
)

// Response times that grade a right answer: a quiz answer is right or
// wrong, and how long it took tells how well it was known.
const (
	// EasyWithin is an answer given this fast, to a question answered right
	// the time before too: known without effort (a first fast answer may
	// be a lucky click).
	EasyWithin = 10 * time.Second
	// HardAfter is an answer this slow: found with effort.
	HardAfter = 60 * time.Second
)

// Grade grades an answer from its correctness and how long it took, from
// the question shown to the click (0 when unknown: Good).
func Grade(right bool, took time.Duration, rightBefore bool) srs.Grade {
	switch {
	case !right:
		return srs.Again
	case took >= HardAfter:
		return srs.Hard
	case took > 0 && took <= EasyWithin && rightBefore:
		return srs.Easy
	}
	return srs.Good
}

// Review moves a card after an answer at now to the question shown at
// shown: FSRS-6 with its default weights and the target retention (0.9
// when 0), no short steps (students answer once a day or so). The card
// falls due at the start of its day in the tutor's zone, so that a
// morning reminder and /revisions count what falls due in the evening.
func Review(c tutor.Card, right bool, shown, now time.Time, retention float64) (tutor.Card, tutor.ReviewLog) {
	took := time.Duration(0)
	if !shown.IsZero() && now.After(shown) {
		took = now.Sub(shown)
	}
	g := Grade(right, took, c.Reps > 0)
	s := srs.Default()
	if retention > 0 {
		s.Retention = retention
	}
	in := srs.Card{Memory: srs.Memory{Stability: c.Stability, Difficulty: c.Difficulty}, Last: c.Reviewed}
	if !in.New() {
		in.State = srs.Review
	}
	out := s.Review(in, g, now)
	elapsed := 0
	if !in.New() {
		elapsed = int(now.Sub(c.Reviewed).Hours() / 24)
	}
	c.Stability, c.Difficulty, c.Reviewed = out.Stability, out.Difficulty, now
	c.Due = StartOfDay(out.Due)
	if right {
		c.Reps++
	} else {
		c.Reps = 0
		c.Lapses++
	}
	return c, tutor.ReviewLog{UserID: c.UserID, ItemID: c.ItemID, Grade: int(g), ReviewedAt: now, ElapsedDays: elapsed,
		AnswerMS: took.Milliseconds(), Stability: c.Stability, Difficulty: c.Difficulty, Due: c.Due}
}

// StartOfDay is the start of t's day in the tutor's zone.
func StartOfDay(t time.Time) time.Time {
	loc, err := time.LoadLocation(DefaultZone)
	if err != nil {
		loc = time.UTC
	}
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

// DaysUntil is how many calendar days, in the tutor's zone, from now's day
// to due's.
func DaysUntil(now, due time.Time) int {
	return int(math.Round(StartOfDay(due).Sub(StartOfDay(now)).Hours() / 24))
}

// FromSM2 carries a card scheduled by SM-2 (ease factor, interval in
// days) over to FSRS: its stability is the interval it was last given
// (at least a day), its difficulty falls from 10 at the lowest ease (1.3)
// to 5 at the starting one (2.5) and below for easier cards.
func FromSM2(ease float64, intervalDays int) (stability, difficulty float64) {
	stability = float64(max(intervalDays, 1))
	difficulty = min(max(10-(ease-1.3)/(2.5-1.3)*5, srs.MinDifficulty), srs.MaxDifficulty)
	return stability, difficulty
}
