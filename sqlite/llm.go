package sqlite

import (
	"context"
	"time"

	tutor "github.com/btstutor/tutor"
)

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// AddUsage records tokens spent by a user on a server today.
func (s *Store) AddUsage(ctx context.Context, guildID, userID string, tokens int) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO llm_usage (day, guild_id, user_id, tokens, requests) VALUES (?, ?, ?, ?, 1)
		ON CONFLICT (day, guild_id, user_id) DO UPDATE SET tokens = tokens + excluded.tokens, requests = requests + 1`,
		day(s.Now()), guildID, userID, tokens)
	return err
}

// Usage returns the tokens spent today by a user, and by everyone on the
// user's server.
func (s *Store) Usage(ctx context.Context, guildID, userID string) (user, guild int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE WHEN user_id IN (?, ?) THEN tokens END), 0), COALESCE(SUM(tokens), 0)
		FROM llm_usage WHERE day = ? AND guild_id = ?`, userID, tutor.ErasedKey(s.erasureKey, userID), day(s.Now()), guildID).Scan(&user, &guild)
	return user, guild, err
}

// AddTurn records one message of a conversation held in a channel (thread).
func (s *Store) AddTurn(ctx context.Context, channelID, userID string, m tutor.ChatMessage) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO turns (channel_id, user_id, role, content, created_at) VALUES (?, ?, ?, ?, ?)`,
		channelID, userID, m.Role, m.Content, s.now())
	return err
}

// Turns returns the last messages of a channel's conversation, oldest
// first, at most n of them and maxChars characters in all.
func (s *Store) Turns(ctx context.Context, channelID string, n, maxChars int) ([]tutor.ChatMessage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT role, content FROM turns WHERE channel_id = ? ORDER BY id DESC LIMIT ?`, channelID, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rev []tutor.ChatMessage
	total := 0
	for rows.Next() {
		var m tutor.ChatMessage
		if err := rows.Scan(&m.Role, &m.Content); err != nil {
			return nil, err
		}
		total += len([]rune(m.Content))
		if total > maxChars {
			break
		}
		rev = append(rev, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]tutor.ChatMessage, len(rev))
	for i, m := range rev {
		out[len(rev)-1-i] = m
	}
	// A conversation sent to a model starts with the user.
	for len(out) > 0 && out[0].Role != "user" {
		out = out[1:]
	}
	return out, nil
}
