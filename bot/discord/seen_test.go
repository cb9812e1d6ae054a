package discord

import (
	"fmt"
	"testing"
	"time"
)

func TestSeenSet(t *testing.T) {
	now := time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)
	s := newSeenSet(time.Minute, 3, func() time.Time { return now })
	if !s.first("a") || s.first("a") {
		t.Fatal("a second delivery is not caught")
	}
	now = now.Add(2 * time.Minute)
	if !s.first("a") {
		t.Error("an id is remembered past its ttl")
	}
	// Bounded: a flood of ids never grows the set past its maximum.
	for i := range 100 {
		s.first(fmt.Sprint(i))
		if len(s.at) > 3 {
			t.Fatalf("%d ids kept", len(s.at))
		}
	}
}
