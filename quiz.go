package tutor

import (
	"math"
	"time"
)

// The persisted types of quizzes: schedules and their runs, posted
// questions, scores, reminders and spaced-repetition cards. The quiz
// package makes them; stores keep them.

// Schedule is a teacher's recurring quiz.
type Schedule struct {
	ID          int64     `json:"id"`
	GuildID     string    `json:"guild_id"`
	ChannelID   string    `json:"channel_id"`
	Expr        string    `json:"expr"`
	Zone        string    `json:"zone"`
	Diploma     string    `json:"diploma,omitempty"`
	Theme       string    `json:"theme,omitempty"`
	Questions   int       `json:"questions"`
	OpenMinutes int       `json:"open_minutes"` // how long answers are accepted
	CreatedBy   string    `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
}

// Statuses of a QuizRun.
const (
	RunClaimed = "claimed" // a process owns the firing and is posting
	RunPosted  = "posted"  // open for answers
	RunFailed  = "failed"
	RunClosed  = "closed" // results posted
)

// QuizRun is one firing of a schedule. (ScheduleID, ScheduledAt) is unique: the
// store lets one process claim it, once.
type QuizRun struct {
	ID          int64
	ScheduleID  int64
	ScheduledAt time.Time
	ClosesAt    time.Time
	GuildID     string
	ChannelID   string
	ThreadID    string
	Status      string
}

// QuizPost is a question shown with answer buttons.
type QuizPost struct {
	ID        int64
	RunID     int64 // 0 for /quiz and /revisions
	GuildID   string
	ChannelID string
	UserID    string // who asked (/quiz, /revisions); "" for scheduled posts
	ItemID    string
	CreatedAt time.Time
	ClosesAt  time.Time // zero: open
}

// Score is a student's result.
type Score struct {
	UserID   string `json:"user_id"`
	Right    int    `json:"right"`
	Answered int    `json:"answered"`
}

// Tally is how one posted question was answered.
type Tally struct {
	PostID int64
	ItemID string
	Counts [4]int
}

// Reminder is a student's opt-in daily reminder.
type Reminder struct {
	UserID      string
	MinuteOfDay int
	Zone        string
	LastSent    string // local date of the last check, YYYY-MM-DD
}

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
