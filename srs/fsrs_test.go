package srs

import (
	"math"
	"slices"
	"testing"
	"time"
)

// The reference implementation's vectors (py-fsrs 6.3.1, tests/test_basic.py,
// FSRS-6 defaults): the
// intervals of a card reviewed on its due dates, with the reference's
// short steps (1 and 10 minutes; 10 minutes after a lapse) and no fuzz.
func TestReferenceIntervals(t *testing.T) {
	s := Default()
	s.LearningSteps = []time.Duration{time.Minute, 10 * time.Minute}
	s.RelearningSteps = []time.Duration{10 * time.Minute}
	grades := []Grade{Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good}
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var c Card
	var got []int
	for _, g := range grades {
		c = s.Review(c, g, now)
		got = append(got, int(c.Due.Sub(c.Last).Hours()/24))
		now = c.Due
	}
	if want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}; !slices.Equal(got, want) {
		t.Errorf("intervals %v, want %v", got, want)
	}
}

// The reference's memory state after Again, then Good five times, at the
// given day offsets (the first Good the same day: a short-term review).
func TestReferenceMemoryState(t *testing.T) {
	s := Default()
	s.LearningSteps = []time.Duration{time.Minute, 10 * time.Minute}
	s.RelearningSteps = []time.Duration{10 * time.Minute}
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var c Card
	for i, g := range []Grade{Again, Good, Good, Good, Good, Good} {
		now = now.AddDate(0, 0, []int{0, 0, 1, 3, 8, 21}[i])
		c = s.Review(c, g, now)
	}
	if math.Abs(c.Stability-53.62691) > 1e-4 || math.Abs(c.Difficulty-6.3574867) > 1e-4 {
		t.Errorf("stability %.5f, difficulty %.7f; want 53.62691, 6.3574867", c.Stability, c.Difficulty)
	}
}

// Easy again and again brings difficulty down to its floor.
func TestDifficultyFloor(t *testing.T) {
	s := Default()
	var c Card
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	for i := range 10 {
		c = s.Review(c, Easy, now.Add(time.Duration(i)*time.Microsecond))
	}
	if c.Difficulty != MinDifficulty {
		t.Errorf("difficulty %v after ten Easy, want %v", c.Difficulty, MinDifficulty)
	}
}

// Without short steps (the tutor), a new card answered Good is due in days,
// and one forgotten in review comes back in a day or two, never sooner.
func TestNoShortSteps(t *testing.T) {
	s := Default()
	now := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	c := s.Review(Card{}, Good, now)
	if c.State != Review || c.Due.Sub(now) < 24*time.Hour {
		t.Fatalf("first Good: %+v", c)
	}
	c = s.Review(c, Good, c.Due)
	c = s.Review(c, Again, c.Due)
	if c.State != Review || c.Due.Sub(c.Last) < 24*time.Hour || c.Due.Sub(c.Last) > 2*24*time.Hour {
		t.Errorf("lapse: state %v, due in %v", c.State, c.Due.Sub(c.Last))
	}
	// A review before the due date counts by the time elapsed: the same
	// day, stability grows far less than on the due date.
	early := s.Review(s.Review(Card{}, Good, now), Good, now.Add(time.Hour))
	onTime := s.Review(s.Review(Card{}, Good, now), Good, now.Add(3*24*time.Hour))
	if early.Stability >= onTime.Stability {
		t.Errorf("a same-day review grew stability to %.2f, on time %.2f", early.Stability, onTime.Stability)
	}
}

// BenchmarkReview measures one review: memory, interval and due date.
func BenchmarkReview(b *testing.B) {
	s := Default()
	now := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	c := s.Review(Card{}, Good, now)
	for b.Loop() {
		s.Review(c, Good, c.Due)
	}
}
