package quiz

import (
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/srs"
)

func TestGradeFromAnswer(t *testing.T) {
	tests := []struct {
		right       bool
		took        time.Duration
		rightBefore bool
		want        srs.Grade
	}{
		{false, 3 * time.Second, true, srs.Again},
		{true, 0, true, srs.Good}, // time unknown: a class quiz left open
		{true, 5 * time.Second, false, srs.Good},
		{true, 5 * time.Second, true, srs.Easy},
		{true, 30 * time.Second, true, srs.Good},
		{true, 90 * time.Second, true, srs.Hard},
	}
	for _, tt := range tests {
		if got := Grade(tt.right, tt.took, tt.rightBefore); got != tt.want {
			t.Errorf("Grade(%v, %v, %v) = %v, want %v", tt.right, tt.took, tt.rightBefore, got, tt.want)
		}
	}
}

// What SM-2 got wrong here: four right answers the same day sent a card 38
// days away, and misses pinned it at the lowest ease for good.
func TestReviewCountsElapsedTime(t *testing.T) {
	paris, _ := time.LoadLocation(DefaultZone)
	now := time.Date(2026, 11, 23, 18, 30, 0, 0, paris)
	c := tutor.NewCard("ana", "q")
	for i := range 4 {
		at := now.Add(time.Duration(i) * time.Minute)
		c, _ = Review(c, true, at.Add(-20*time.Second), at, 0)
	}
	if d := DaysUntil(now, c.Due); d > 7 {
		t.Errorf("four right answers the same day: due in %d days", d)
	}
	// Three misses, then right answers on their due dates: the card gets
	// easier again.
	c = tutor.NewCard("ana", "r")
	at := now
	for range 3 {
		c, _ = Review(c, false, time.Time{}, at, 0)
		at = c.Due.Add(18 * time.Hour)
	}
	hardest := c.Difficulty
	var log tutor.ReviewLog
	for range 4 {
		c, log = Review(c, true, time.Time{}, at, 0)
		at = c.Due.Add(18 * time.Hour)
	}
	if c.Difficulty >= hardest {
		t.Errorf("difficulty %.2f after four right answers, %.2f after three misses", c.Difficulty, hardest)
	}
	if c.Lapses != 3 || c.Reps != 4 || log.Grade != int(srs.Good) || log.ElapsedDays < 1 || log.Stability != c.Stability {
		t.Errorf("card %+v, last log %+v", c, log)
	}
	// Due at the start of a day in Paris.
	if l := c.Due.In(paris); l.Hour() != 0 || l.Minute() != 0 {
		t.Errorf("due at %v, not the start of a day", l)
	}
	// A higher target retention brings reviews sooner.
	a, _ := Review(tutor.NewCard("u", "i"), true, time.Time{}, now, 0.8)
	b, _ := Review(tutor.NewCard("u", "i"), true, time.Time{}, now, 0.95)
	if !b.Due.Before(a.Due) {
		t.Errorf("due at 95 %% retention %v, at 80 %% %v", b.Due, a.Due)
	}
}
