package tutor

import (
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

// Card is one student's memory of one item, scheduled by FSRS (package
// srs; quiz.Review grades an answer and moves the card).
type Card struct {
	UserID     string    `json:"-"`
	ItemID     string    `json:"item_id"`
	Stability  float64   `json:"stability"`   // days for recall to fall to 90 %; 0: never reviewed
	Difficulty float64   `json:"difficulty"`  // 1 (easy) to 10 (hard)
	Reps       int       `json:"repetitions"` // right answers in a row
	Lapses     int       `json:"lapses"`
	Due        time.Time `json:"due"` // the start of the (local) day it is due
	Reviewed   time.Time `json:"reviewed"`
}

// NewCard is a card never reviewed.
func NewCard(userID, itemID string) Card { return Card{UserID: userID, ItemID: itemID} }

// ReviewLog is one review of a card, kept so that the schedule can be
// checked, and its weights refitted, from what students did.
type ReviewLog struct {
	UserID      string    `json:"-"`
	ItemID      string    `json:"item_id"`
	Grade       int       `json:"grade"` // 1 Again, 2 Hard, 3 Good, 4 Easy
	ReviewedAt  time.Time `json:"reviewed_at"`
	ElapsedDays int       `json:"elapsed_days"` // since the previous review
	AnswerMS    int64     `json:"answer_ms"`    // from the question shown to the answer
	Stability   float64   `json:"stability"`    // after the review
	Difficulty  float64   `json:"difficulty"`
	Due         time.Time `json:"due"`
}
