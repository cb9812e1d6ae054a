package quiz

import (
	"math"
	"time"
)

// Spaced repetition follows SM-2 (P. Woźniak, 1987), the algorithm of the
// first SuperMemo and of Anki's ancestors, with two grades since a quiz
// answer is right or wrong:
//
//   - right (quality 4): the first review comes after 1 day, the second after
//     6 days, then the interval is multiplied by the ease factor;
//   - wrong (quality 1): the card starts again (1 day) and gets harder.
//
// The ease factor starts at 2.5 and moves by EF' = EF + 0.1 − (5−q)(0.08 +
// (5−q)·0.02), never below 1.3: +0 for a right answer, −0.54 for a wrong one.

// Card is one student's memory of one item.
type Card struct {
	UserID   string    `json:"-"`
	ItemID   string    `json:"item_id"`
	Ease     float64   `json:"ease"`
	Interval int       `json:"interval_days"`
	Reps     int       `json:"repetitions"` // right answers in a row
	Due      time.Time `json:"due"`
	Reviewed time.Time `json:"reviewed"`
	Lapses   int       `json:"lapses"`
}

// Grades.
const (
	qualityRight = 4
	qualityWrong = 1
	startEase    = 2.5
	minEase      = 1.3
)

// NewCard is a card never reviewed.
func NewCard(userID, itemID string) Card {
	return Card{UserID: userID, ItemID: itemID, Ease: startEase}
}

// Review updates the card after an answer at now.
func (c Card) Review(right bool, now time.Time) Card {
	q := qualityWrong
	if right {
		q = qualityRight
	}
	if q < 3 {
		c.Reps = 0
		c.Interval = 1
		c.Lapses++
	} else {
		c.Reps++
		switch c.Reps {
		case 1:
			c.Interval = 1
		case 2:
			c.Interval = 6
		default:
			c.Interval = int(math.Round(float64(c.Interval) * c.Ease))
		}
	}
	d := float64(5 - q)
	c.Ease = math.Max(minEase, c.Ease+0.1-d*(0.08+d*0.02))
	c.Reviewed = now
	c.Due = now.AddDate(0, 0, c.Interval)
	return c
}
