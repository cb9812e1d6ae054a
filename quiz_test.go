package tutor

import (
	"math"
	"testing"
	"time"
)

func TestSM2Intervals(t *testing.T) {
	now := time.Date(2026, 11, 2, 18, 0, 0, 0, time.UTC)
	c := NewCard("u", "i")
	var got []int
	for range 5 {
		c = c.Review(true, now)
		got = append(got, c.Interval)
		now = c.Due
	}
	// 1, 6, then × 2.5 (ease unchanged by quality 4): 15, 38 (37.5 rounded), 95.
	want := []int{1, 6, 15, 38, 95}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("intervals %v, want %v", got, want)
		}
	}
	if c.Ease != 2.5 || c.Reps != 5 || !c.Due.Equal(now) {
		t.Errorf("card %+v", c)
	}
	// A lapse: back to 1 day, harder (2.5 − 0.54), repetitions reset.
	before := c.Due
	c = c.Review(false, before)
	if c.Interval != 1 || c.Reps != 0 || c.Lapses != 1 || math.Abs(c.Ease-1.96) > 1e-9 || !c.Due.Equal(before.AddDate(0, 0, 1)) {
		t.Errorf("after a lapse: %+v", c)
	}
	// Then 1, 6, 6 × 1.96 = 12.
	c = c.Review(true, c.Due)
	c = c.Review(true, c.Due)
	c = c.Review(true, c.Due)
	if c.Interval != 12 {
		t.Errorf("interval %d after relearning, want 12", c.Interval)
	}
	// The ease never falls under 1.3.
	for range 10 {
		c = c.Review(false, c.Due)
	}
	if c.Ease != minEase {
		t.Errorf("ease %v", c.Ease)
	}
}
