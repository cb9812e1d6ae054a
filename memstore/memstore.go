// Package memstore is a tutor.Store held in memory: for tests that need a
// store and not SQLite, and for trying the tutor without a disk. It passes
// the same conformance suite (package storetest) as the SQLite store, and
// forgets everything when the process ends.
package memstore

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	tutor "github.com/btstutor/tutor"
)

// ErrClosed is returned by every method once the store is closed.
var ErrClosed = errors.New("magasin fermé")

// Store is an in-memory tutor.Store, safe for concurrent use.
type Store struct {
	// Now is the store's clock (creation times, today's usage).
	Now func() time.Time

	mu        sync.Mutex
	closed    bool
	lastID    int64
	settings  map[[2]string]setting // guild, channel ("" for the server's own)
	replies   map[int64]tutor.StoredReply
	votes     map[vote]stamped[int]
	usage     map[[3]string]usage // day, guild, user
	turns     []turn
	schedules map[int64]tutor.Schedule
	runs      map[int64]tutor.QuizRun
	claimedAt map[int64]time.Time // run → when its firing was claimed
	posts     map[int64]tutor.QuizPost
	answers   map[answerKey]answer
	cards     map[[2]string]tutor.Card // user, item
	reviews   []tutor.ReviewLog
	flags     map[[2]string]time.Time // item, user
	reminders map[string]tutor.Reminder
	// erasureKey keys the pseudonyms of erased users (tutor.ErasedKey).
	erasureKey []byte
}

type setting struct {
	diploma, role string
	retention     float64
}

type vote struct {
	reply int64
	user  string
}

type stamped[T any] struct {
	v  T
	at time.Time
}

type usage struct{ tokens, requests int }

type turn struct {
	id            int64
	channel, user string
	m             tutor.ChatMessage
	at            time.Time
}

type answerKey struct {
	post int64
	user string
}

type answer struct {
	guild   string
	choice  int
	correct bool
	at      time.Time
}

var _ tutor.Store = (*Store)(nil)

// New returns an empty store on the system clock.
func New() *Store {
	key := make([]byte, 32)
	rand.Read(key)
	return &Store{
		erasureKey: key,
		Now:        time.Now,
		settings:   map[[2]string]setting{},
		replies:    map[int64]tutor.StoredReply{},
		votes:      map[vote]stamped[int]{},
		usage:      map[[3]string]usage{},
		schedules:  map[int64]tutor.Schedule{},
		runs:       map[int64]tutor.QuizRun{},
		claimedAt:  map[int64]time.Time{},
		flags:      map[[2]string]time.Time{},
		posts:      map[int64]tutor.QuizPost{},
		answers:    map[answerKey]answer{},
		cards:      map[[2]string]tutor.Card{},
		reminders:  map[string]tutor.Reminder{},
	}
}

// lock takes the store's lock; it fails once the store is closed or the
// context done.
func (s *Store) lock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	return nil
}

// get returns what m holds under id, read under the store's lock;
// tutor.ErrNotFound when it holds nothing. The maps are made once, so m
// may be read before the lock is taken.
func get[V any](ctx context.Context, s *Store, m map[int64]V, id int64) (V, error) {
	var v V
	if err := s.lock(ctx); err != nil {
		return v, err
	}
	defer s.mu.Unlock()
	v, ok := m[id]
	if !ok {
		return v, tutor.ErrNotFound
	}
	return v, nil
}

// now is the clock to the millisecond, as the SQLite store keeps it.
func (s *Store) now() time.Time { return ms(s.Now()) }

func ms(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.UnixMilli(t.UnixMilli())
}

func (s *Store) id() int64 {
	s.lastID++
	return s.lastID
}

// Close empties the store; every later call fails with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// Ping fails only once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	s.mu.Unlock()
	return nil
}

// Settings implements tutor.SettingsStore.
func (s *Store) Settings(ctx context.Context, guildID, channelID string) (tutor.Settings, error) {
	if err := s.lock(ctx); err != nil {
		return tutor.Settings{}, err
	}
	defer s.mu.Unlock()
	g := s.settings[[2]string{guildID, ""}]
	out := tutor.Settings{Diploma: g.diploma, TeacherRole: g.role, Retention: g.retention}
	if channelID != "" {
		if c := s.settings[[2]string{guildID, channelID}]; c.diploma != "" {
			out.Diploma = c.diploma
		}
	}
	return out, nil
}

var errNoGuild = errors.New("serveur manquant")

// SetDiploma implements tutor.SettingsStore.
func (s *Store) SetDiploma(ctx context.Context, guildID, channelID, diploma string) error {
	if guildID == "" {
		return errNoGuild
	}
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	k := [2]string{guildID, channelID}
	st := s.settings[k]
	st.diploma = diploma
	s.settings[k] = st
	return nil
}

// SetTeacherRole implements tutor.SettingsStore.
func (s *Store) SetTeacherRole(ctx context.Context, guildID, roleID string) error {
	return s.setGuild(ctx, guildID, func(st *setting) { st.role = roleID })
}

// SetRetention implements tutor.SettingsStore.
func (s *Store) SetRetention(ctx context.Context, guildID string, retention float64) error {
	return s.setGuild(ctx, guildID, func(st *setting) { st.retention = retention })
}

// setGuild changes a server's own settings.
func (s *Store) setGuild(ctx context.Context, guildID string, change func(*setting)) error {
	if guildID == "" {
		return errNoGuild
	}
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	k := [2]string{guildID, ""}
	st := s.settings[k]
	change(&st)
	s.settings[k] = st
	return nil
}

// SaveReply implements tutor.ReplyStore.
func (s *Store) SaveReply(ctx context.Context, r *tutor.StoredReply) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	r.ID, r.CreatedAt = s.id(), s.now()
	s.replies[r.ID] = *r
	return nil
}

// Reply implements tutor.ReplyStore.
func (s *Store) Reply(ctx context.Context, id int64) (tutor.StoredReply, error) {
	return get(ctx, s, s.replies, id)
}

// Vote implements tutor.ReplyStore.
func (s *Store) Vote(ctx context.Context, replyID int64, userID string, v int) (bool, error) {
	if v != tutor.VoteUp && v != tutor.VoteDown {
		return false, fmt.Errorf("vote invalide %d", v)
	}
	if err := s.lock(ctx); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	k := vote{replyID, userID}
	if old, ok := s.votes[k]; ok && old.v == v {
		return false, nil
	}
	if _, ok := s.replies[replyID]; !ok {
		return false, tutor.ErrNotFound
	}
	s.votes[k] = stamped[int]{v, s.now()}
	return true, nil
}

// FeedbackCounts implements tutor.ReplyStore.
func (s *Store) FeedbackCounts(ctx context.Context) (up, down int, err error) {
	if err := s.lock(ctx); err != nil {
		return 0, 0, err
	}
	defer s.mu.Unlock()
	for _, v := range s.votes {
		if v.v == tutor.VoteUp {
			up++
		} else {
			down++
		}
	}
	return up, down, nil
}

// Prune implements tutor.ReplyStore.
func (s *Store) Prune(ctx context.Context, before time.Time) (int64, error) {
	if err := s.lock(ctx); err != nil {
		return 0, err
	}
	defer s.mu.Unlock()
	var n int64
	for id, r := range s.replies {
		if r.CreatedAt.Before(before) {
			s.deleteReply(id)
			n++
		}
	}
	s.turns = slices.DeleteFunc(s.turns, func(t turn) bool { return t.at.Before(before) })
	return n, nil
}

// deleteReply removes a reply and its votes.
func (s *Store) deleteReply(id int64) {
	delete(s.replies, id)
	for k := range s.votes {
		if k.reply == id {
			delete(s.votes, k)
		}
	}
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// AddUsage implements tutor.UsageStore.
func (s *Store) AddUsage(ctx context.Context, guildID, userID string, tokens int) error {
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	k := [3]string{day(s.Now()), guildID, userID}
	u := s.usage[k]
	u.tokens += tokens
	u.requests++
	s.usage[k] = u
	return nil
}

// Usage implements tutor.UsageStore.
func (s *Store) Usage(ctx context.Context, guildID, userID string) (user, guild int, err error) {
	if err := s.lock(ctx); err != nil {
		return 0, 0, err
	}
	defer s.mu.Unlock()
	today := day(s.Now())
	for k, u := range s.usage {
		if k[0] == today && k[1] == guildID {
			guild += u.tokens
			if k[2] == userID || k[2] == tutor.ErasedKey(s.erasureKey, userID) {
				user += u.tokens
			}
		}
	}
	return user, guild, nil
}

// AddTurn implements tutor.ConversationStore.
func (s *Store) AddTurn(ctx context.Context, channelID, userID string, m tutor.ChatMessage) error {
	if m.Role != "user" && m.Role != "assistant" {
		return fmt.Errorf("rôle invalide %q", m.Role)
	}
	if err := s.lock(ctx); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.turns = append(s.turns, turn{id: s.id(), channel: channelID, user: userID, m: m, at: s.now()})
	return nil
}

// Turns implements tutor.ConversationStore.
func (s *Store) Turns(ctx context.Context, channelID string, n, maxChars int) ([]tutor.ChatMessage, error) {
	if err := s.lock(ctx); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	var rev []tutor.ChatMessage
	total := 0
	for i := len(s.turns) - 1; i >= 0 && len(rev) < n; i-- {
		t := s.turns[i]
		if t.channel != channelID {
			continue
		}
		total += len([]rune(t.m.Content))
		if total > maxChars {
			break
		}
		rev = append(rev, t.m)
	}
	slices.Reverse(rev)
	for len(rev) > 0 && rev[0].Role != "user" {
		rev = rev[1:]
	}
	return rev, nil
}

// byID returns a map's values ordered by key.
func byID[T any](m map[int64]T, keep func(T) bool) []T {
	ids := make([]int64, 0, len(m))
	for id, v := range m {
		if keep(v) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	out := make([]T, len(ids))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out
}

func sortScores(scores []tutor.Score, first map[string]time.Time, fewerFirst bool) {
	slices.SortStableFunc(scores, func(a, b tutor.Score) int {
		if c := cmp.Compare(b.Right, a.Right); c != 0 {
			return c
		}
		if fewerFirst {
			if c := cmp.Compare(a.Answered, b.Answered); c != 0 {
				return c
			}
		}
		return first[a.UserID].Compare(first[b.UserID])
	})
}
