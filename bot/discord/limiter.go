package discord

import (
	"sync"
	"time"
)

// limiter allows each user n questions per sliding window.
type limiter struct {
	mu     sync.Mutex
	n      int
	window time.Duration
	now    func() time.Time
	hits   map[string][]time.Time
}

func newLimiter(n int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{n: n, window: window, now: now, hits: map[string][]time.Time{}}
}

// allow records a question of user and reports whether it is within the
// limit; when it is not, wait is how long until the next one is allowed.
// A limiter with n <= 0 allows everything.
func (l *limiter) allow(user string) (ok bool, wait time.Duration) {
	if l == nil || l.n <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	recent := l.hits[user][:0]
	for _, t := range l.hits[user] {
		if now.Sub(t) < l.window {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.n {
		l.hits[user] = recent
		return false, l.window - now.Sub(recent[0])
	}
	l.hits[user] = append(recent, now)
	if len(l.hits) > 10000 {
		l.sweep(now)
	}
	return true, 0
}

// sweep forgets users with no recent question, bounding memory.
func (l *limiter) sweep(now time.Time) {
	for u, ts := range l.hits {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= l.window {
			delete(l.hits, u)
		}
	}
}
