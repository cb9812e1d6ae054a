package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	tutor "github.com/btstutor/tutor"
)

// SaveReply stores a reply and sets its ID and creation time.
func (s *Store) SaveReply(ctx context.Context, r *tutor.StoredReply) error {
	body, err := json.Marshal(r.Reply)
	if err != nil {
		return err
	}
	now := s.Now()
	res, err := s.db.ExecContext(ctx, `INSERT INTO replies (created_at, guild_id, channel_id, user_id, command, reply)
		VALUES (?, ?, ?, ?, ?, ?)`, now.UnixMilli(), r.GuildID, r.ChannelID, r.UserID, r.Command, string(body))
	if err != nil {
		return err
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	r.CreatedAt = now
	return nil
}

// Reply returns a stored reply, or tutor.ErrNotFound.
func (s *Store) Reply(ctx context.Context, id int64) (tutor.StoredReply, error) {
	var (
		r    tutor.StoredReply
		at   int64
		body string
	)
	err := s.db.QueryRowContext(ctx, `SELECT id, created_at, guild_id, channel_id, user_id, command, reply
		FROM replies WHERE id = ?`, id).Scan(&r.ID, &at, &r.GuildID, &r.ChannelID, &r.UserID, &r.Command, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return r, tutor.ErrNotFound
	}
	if err != nil {
		return r, err
	}
	r.CreatedAt = time.UnixMilli(at)
	if err := json.Unmarshal([]byte(body), &r.Reply); err != nil {
		return r, fmt.Errorf("réponse %d illisible : %w", id, err)
	}
	return r, nil
}

// Vote records a user's vote on a reply (tutor.VoteUp or tutor.VoteDown),
// replacing an earlier vote of the same user. It reports whether the vote
// changed; a reply that no longer exists gives tutor.ErrNotFound.
func (s *Store) Vote(ctx context.Context, replyID int64, userID string, vote int) (bool, error) {
	if vote != tutor.VoteUp && vote != tutor.VoteDown {
		return false, fmt.Errorf("vote invalide %d", vote)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var old int
	err = tx.QueryRowContext(ctx, `SELECT vote FROM feedback WHERE reply_id = ? AND user_id = ?`, replyID, userID).Scan(&old)
	switch {
	case err == nil && old == vote:
		return false, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies WHERE id = ?`, replyID).Scan(&n); err != nil {
		return false, err
	}
	if n == 0 {
		return false, tutor.ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO feedback (reply_id, user_id, vote, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (reply_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
		replyID, userID, vote, s.now()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// FeedbackCounts returns the number of up and down votes stored.
func (s *Store) FeedbackCounts(ctx context.Context) (up, down int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(vote = 1), 0), COALESCE(SUM(vote = -1), 0) FROM feedback`).Scan(&up, &down)
	return up, down, err
}

// Prune deletes replies (and their votes) and conversation turns created
// before t; the replies' buttons then explain that the message is too old.
// It returns how many replies were removed.
func (s *Store) Prune(ctx context.Context, before time.Time) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM replies WHERE created_at < ?`, before.UnixMilli())
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM turns WHERE created_at < ?`, before.UnixMilli()); err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	return n, tx.Commit()
}
