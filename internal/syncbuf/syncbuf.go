// Package syncbuf is a text buffer safe for concurrent writers: the sink of
// logs and console output that tests read while the code under test writes.
package syncbuf

import (
	"strings"
	"sync"
)

// Buffer collects what is written, for reading at any time.
type Buffer struct {
	mu sync.Mutex
	b  strings.Builder
}

// Write appends p.
func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String is everything written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
