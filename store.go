package tutor

import (
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
