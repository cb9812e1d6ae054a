package tutor

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by stores when the item asked for does not exist
// (never stored, or pruned).
var ErrNotFound = errors.New("introuvable")

// Settings are a server's (or one channel's) preferences.
type Settings struct {
	// Diploma is the default diploma of questions ("" means every
	// référentiel); a channel's setting overrides its server's.
	Diploma string `json:"diploma"`
	// TeacherRole is the role ID whose members may configure the bot besides
	// those with the Manage Server permission ("" when none).
	TeacherRole string `json:"teacher_role"`
	// Retention is the server's target probability of recall for spaced
	// repetition, 0 for the default (0.9).
	Retention float64 `json:"retention,omitempty"`
}

// StoredReply is a reply kept so that its buttons (passages, votes) keep
// working after a restart.
type StoredReply struct {
	ID        int64     `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	GuildID   string    `json:"guild_id"`
	ChannelID string    `json:"channel_id"`
	UserID    string    `json:"user_id"`
	Command   string    `json:"command"`
	Reply     Reply     `json:"reply"`
}

// Vote values of feedback.
const (
	VoteUp   = 1
	VoteDown = -1
)

// The store contracts, one per noun. A store keeps everything the tutor
// remembers between two starts; the SQLite store (package sqlite) and the
// in-memory store (package memstore) implement Store, and both pass the
// conformance suite of package storetest. Every method takes the caller's
// context and returns its error unchanged; a missing item is ErrNotFound.

// SettingsStore keeps servers' and channels' preferences.
type SettingsStore interface {
	// Settings are a channel's: its own diploma, else its server's.
	Settings(ctx context.Context, guildID, channelID string) (Settings, error)
	// SetDiploma sets the default diploma of a server (channelID "") or of a
	// channel; "" clears it.
	SetDiploma(ctx context.Context, guildID, channelID, diploma string) error
	SetTeacherRole(ctx context.Context, guildID, roleID string) error
	// SetRetention sets a server's target retention; 0 restores the default.
	SetRetention(ctx context.Context, guildID string, retention float64) error
}

// ReplyStore keeps replies, so that their buttons work after a restart, and
// the votes on them.
type ReplyStore interface {
	// SaveReply stores r and sets its ID and CreatedAt.
	SaveReply(ctx context.Context, r *StoredReply) error
	Reply(ctx context.Context, id int64) (StoredReply, error)
	// Vote records a user's vote (VoteUp or VoteDown) on a reply; false when
	// the user had already voted the same.
	Vote(ctx context.Context, replyID int64, userID string, vote int) (bool, error)
	FeedbackCounts(ctx context.Context) (up, down int, err error)
	// Prune deletes what was said before a time: the replies, with their
	// votes, and the conversation turns kept for the language model. It
	// returns how many replies were removed.
	Prune(ctx context.Context, before time.Time) (int64, error)
}

// UsageStore counts the language model's tokens, per day (UTC).
type UsageStore interface {
	AddUsage(ctx context.Context, guildID, userID string, tokens int) error
	// Usage is today's tokens of a user in a server, and of the server. A
	// user erased today keeps the day's count (under ErasedKey): erasure
	// does not reset a quota.
	Usage(ctx context.Context, guildID, userID string) (user, guild int, err error)
}

// ConversationStore keeps the turns of conversations, by channel (a thread).
type ConversationStore interface {
	AddTurn(ctx context.Context, channelID, userID string, m ChatMessage) error
	// Turns are the last n turns of a channel, oldest first, within maxChars
	// characters, starting with a user's turn.
	Turns(ctx context.Context, channelID string, n, maxChars int) ([]ChatMessage, error)
}

// QuizStore keeps posted questions, students' answers, their cards and
// scores.
type QuizStore interface {
	// AddPost stores p and sets its ID and CreatedAt.
	AddPost(ctx context.Context, p *QuizPost) error
	Post(ctx context.Context, id int64) (QuizPost, error)
	// Answer records a student's first answer to a post; false when they had
	// already answered it.
	Answer(ctx context.Context, p QuizPost, userID string, choice int, correct bool) (bool, error)
	// Card is a student's card for an item; ok is false (and the card new)
	// when there is none.
	Card(ctx context.Context, userID, itemID string) (c Card, ok bool, err error)
	SaveCard(ctx context.Context, c Card) error
	// LogReview records one review of a card.
	LogReview(ctx context.Context, r ReviewLog) error
	// FlagItem records that a student finds a question wrong; false when
	// they had already flagged it.
	FlagItem(ctx context.Context, itemID, userID string) (bool, error)
	// Flags counts, for each flagged question, the students who flagged it.
	Flags(ctx context.Context) (map[string]int, error)
	// DueCards are a student's cards due at now, most overdue first.
	DueCards(ctx context.Context, userID string, now time.Time, n int) ([]Card, error)
	DueCount(ctx context.Context, userID string, now time.Time) (int, error)
	// Leaderboard ranks a server's students since a time: most right
	// answers, then fewest answers, then earliest.
	Leaderboard(ctx context.Context, guildID string, since time.Time, n int) ([]Score, error)
	// Tallies count the answers to each post of a run, in post order.
	Tallies(ctx context.Context, runID int64) ([]Tally, error)
	// RunScores rank the students of a run: most right answers first.
	RunScores(ctx context.Context, runID int64) ([]Score, error)
}

// ScheduleStore keeps quiz schedules and their runs. ClaimRun and
// ClaimClose let one process, among several sharing the store, post a run
// and its results once.
type ScheduleStore interface {
	// AddSchedule stores s and sets its ID and CreatedAt.
	AddSchedule(ctx context.Context, s *Schedule) error
	Schedules(ctx context.Context, guildID string) ([]Schedule, error)
	AllSchedules(ctx context.Context) ([]Schedule, error)
	// DeleteSchedule removes a server's schedule; false if it has none with id.
	DeleteSchedule(ctx context.Context, guildID string, id int64) (bool, error)
	// ClaimRun records a firing and sets its ID; false when (ScheduleID,
	// ScheduledAt) was already recorded.
	ClaimRun(ctx context.Context, r *QuizRun) (bool, error)
	// UpdateRun saves a run's status and thread.
	UpdateRun(ctx context.Context, r QuizRun) error
	// Runs are a schedule's runs, oldest first.
	Runs(ctx context.Context, scheduleID int64) ([]QuizRun, error)
	// RunsToClose are the posted runs whose time is up at now.
	RunsToClose(ctx context.Context, now time.Time) ([]QuizRun, error)
	// ClaimClose marks a posted run closed; false if it was not posted.
	ClaimClose(ctx context.Context, runID int64) (bool, error)
	// ExpireClaims marks failed the runs still claimed that were claimed
	// before a time (the process posting them died) and returns them.
	ExpireClaims(ctx context.Context, before time.Time) ([]QuizRun, error)
}

// ReminderStore keeps students' daily reminders.
type ReminderStore interface {
	// SetReminder turns on, or moves, a student's reminder.
	SetReminder(ctx context.Context, r Reminder) error
	// DeleteReminder turns it off; false if there was none.
	DeleteReminder(ctx context.Context, userID string) (bool, error)
	Reminders(ctx context.Context) ([]Reminder, error)
	// ClaimReminder marks a reminder handled for a local day (YYYY-MM-DD);
	// false if it already was.
	ClaimReminder(ctx context.Context, userID, localDay string) (bool, error)
}

// UserDataStore answers a user's right of access and erasure.
type UserDataStore interface {
	// UserData is every record holding the user's ID, by kind.
	UserData(ctx context.Context, userID string) (map[string][]map[string]any, error)
	// EraseUser deletes them (a schedule only forgets its author) and says
	// how many each kind lost.
	EraseUser(ctx context.Context, userID string) (map[string]int64, error)
}

// Store is everything the tutor keeps.
type Store interface {
	SettingsStore
	ReplyStore
	UsageStore
	ConversationStore
	QuizStore
	ScheduleStore
	ReminderStore
	UserDataStore
	// Ping writes to the store: the health check.
	Ping(ctx context.Context) error
	Close() error
}
