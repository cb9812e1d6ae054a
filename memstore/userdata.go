package memstore

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	tutor "github.com/btstutor/tutor"
)

// UserData implements tutor.UserDataStore, with the kinds and field names
// of the SQLite store's tables.
func (s *Store) UserData(ctx context.Context, userID string) (map[string][]map[string]any, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	out := map[string][]map[string]any{}
	add := func(kind string, row map[string]any) { out[kind] = append(out[kind], row) }
	for k, v := range s.votes {
		if k.user == userID {
			add("feedback", map[string]any{"reply_id": k.reply, "user_id": k.user, "vote": v.v, "created_at": v.at.UnixMilli()})
		}
	}
	for _, r := range byID(s.replies, func(r tutor.StoredReply) bool { return r.UserID == userID }) {
		body, _ := json.Marshal(r.Reply)
		add("replies", map[string]any{"id": r.ID, "created_at": r.CreatedAt.UnixMilli(), "guild_id": r.GuildID, "channel_id": r.ChannelID, "user_id": r.UserID, "command": r.Command, "reply": string(body)})
	}
	for k, u := range s.usage {
		if k[2] == userID {
			add("llm_usage", map[string]any{"day": k[0], "guild_id": k[1], "user_id": k[2], "tokens": u.tokens, "requests": u.requests})
		}
	}
	for _, t := range s.turns {
		if t.user == userID {
			add("turns", map[string]any{"id": t.id, "channel_id": t.channel, "user_id": t.user, "role": t.m.Role, "content": t.m.Content, "created_at": t.at.UnixMilli()})
		}
	}
	for k, a := range s.answers {
		if k.user == userID {
			add("quiz_answers", map[string]any{"post_id": k.post, "user_id": k.user, "guild_id": a.guild, "choice": a.choice, "correct": a.correct, "answered_at": a.at.UnixMilli()})
		}
	}
	for _, p := range byID(s.posts, func(p tutor.QuizPost) bool { return p.UserID == userID }) {
		add("quiz_posts", map[string]any{"id": p.ID, "guild_id": p.GuildID, "channel_id": p.ChannelID, "user_id": p.UserID, "item_id": p.ItemID, "created_at": p.CreatedAt.UnixMilli()})
	}
	for k, c := range s.cards {
		if k[0] == userID {
			add("sr_cards", map[string]any{"user_id": c.UserID, "item_id": c.ItemID, "stability": c.Stability, "difficulty": c.Difficulty, "reps": c.Reps, "lapses": c.Lapses, "due": c.Due.UnixMilli(), "reviewed": c.Reviewed.UnixMilli()})
		}
	}
	for k, at := range s.flags {
		if k[1] == userID {
			add("item_flags", map[string]any{"item_id": k[0], "user_id": k[1], "created_at": at.UnixMilli()})
		}
	}
	for _, r := range s.reviews {
		if r.UserID == userID {
			add("sr_reviews", map[string]any{"user_id": r.UserID, "item_id": r.ItemID, "grade": r.Grade, "reviewed_at": r.ReviewedAt.UnixMilli(), "elapsed_days": r.ElapsedDays,
				"answer_ms": r.AnswerMS, "stability": r.Stability, "difficulty": r.Difficulty, "due": r.Due.UnixMilli()})
		}
	}
	if r, ok := s.reminders[userID]; ok {
		add("reminders", map[string]any{"user_id": r.UserID, "minute_of_day": r.MinuteOfDay, "zone": r.Zone, "last_sent": r.LastSent})
	}
	for _, sc := range byID(s.schedules, func(sc tutor.Schedule) bool { return sc.CreatedBy == userID }) {
		add("quiz_schedules", map[string]any{"id": sc.ID, "guild_id": sc.GuildID, "channel_id": sc.ChannelID, "expr": sc.Expr, "zone": sc.Zone, "created_by": sc.CreatedBy})
	}
	return out, nil
}

// EraseUser implements tutor.UserDataStore: what the user wrote goes (with
// what hangs on it: votes on their replies, answers to their posts); a
// schedule they made stays the server's and forgets its author.
func (s *Store) EraseUser(ctx context.Context, userID string) (map[string]int64, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	counts := map[string]int64{}
	count := func(kind string) { counts[kind]++ }
	tally := func(kind string, n int64) {
		if n > 0 {
			counts[kind] = n
		}
	}
	tally("feedback", erase(s.votes, func(k vote, _ stamped[int]) bool { return k.user == userID }, func(k vote) { delete(s.votes, k) }))
	tally("replies", erase(s.replies, func(_ int64, r tutor.StoredReply) bool { return r.UserID == userID }, s.deleteReply))
	// The day's tokens stay counted under a pseudonym: erasure does not
	// reset the quota. Earlier days go.
	today := day(s.Now())
	tally("llm_usage", erase(s.usage, func(k [3]string, _ usage) bool { return k[2] == userID }, func(k [3]string) {
		if k[0] == today {
			s.usage[[3]string{k[0], k[1], tutor.ErasedKey(s.erasureKey, userID)}] = s.usage[k]
		}
		delete(s.usage, k)
	}))
	tally("turns", eraseFrom(&s.turns, func(t turn) bool { return t.user == userID }))
	tally("quiz_answers", erase(s.answers, func(k answerKey, _ answer) bool { return k.user == userID }, func(k answerKey) { delete(s.answers, k) }))
	tally("quiz_posts", erase(s.posts, func(_ int64, p tutor.QuizPost) bool { return p.UserID == userID }, s.deletePost))
	tally("sr_cards", erase(s.cards, func(k [2]string, _ tutor.Card) bool { return k[0] == userID }, func(k [2]string) { delete(s.cards, k) }))
	tally("item_flags", erase(s.flags, func(k [2]string, _ time.Time) bool { return k[1] == userID }, func(k [2]string) { delete(s.flags, k) }))
	tally("sr_reviews", eraseFrom(&s.reviews, func(r tutor.ReviewLog) bool { return r.UserID == userID }))
	if _, ok := s.reminders[userID]; ok {
		delete(s.reminders, userID)
		count("reminders")
	}
	for id, sc := range s.schedules {
		if sc.CreatedBy == userID {
			sc.CreatedBy = ""
			s.schedules[id] = sc
			count("quiz_schedules")
		}
	}
	return counts, nil
}

// erase deletes, with del, the entries of m that mine reports, and counts
// them.
func erase[K comparable, V any](m map[K]V, mine func(K, V) bool, del func(K)) int64 {
	var n int64
	for k, v := range m {
		if mine(k, v) {
			del(k)
			n++
		}
	}
	return n
}

// eraseFrom deletes the elements of a slice that match and counts them.
func eraseFrom[T any](list *[]T, match func(T) bool) int64 {
	before := len(*list)
	*list = slices.DeleteFunc(*list, match)
	return int64(before - len(*list))
}
