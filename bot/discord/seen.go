package discord

import (
	"sync"
	"time"
)

// seenSet remembers the events handled lately. Discord may deliver one event
// twice (a resumed session replays what it is not sure was received, a
// gateway retries): one question must get one answer.
type seenSet struct {
	mu  sync.Mutex
	ttl time.Duration
	max int
	at  map[string]time.Time
	now func() time.Time
}

func newSeenSet(ttl time.Duration, max int, now func() time.Time) *seenSet {
	return &seenSet{ttl: ttl, max: max, at: map[string]time.Time{}, now: now}
}

// first reports whether id is seen for the first time within the ttl, and
// remembers it.
func (s *seenSet) first(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if t, ok := s.at[id]; ok && now.Sub(t) < s.ttl {
		return false
	}
	if len(s.at) >= s.max {
		for k, t := range s.at {
			if now.Sub(t) >= s.ttl {
				delete(s.at, k)
			}
		}
		if len(s.at) >= s.max {
			// A flood: what is forgotten may be handled twice, never
			// memory without bound.
			clear(s.at)
		}
	}
	s.at[id] = now
	return true
}
