package sqlite

import (
	"context"
	"testing"
)

// HoldWriteLock starts a write transaction and keeps it open until the
// returned function is called.
func (s *Store) HoldWriteLock(t *testing.T) func() {
	t.Helper()
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO heartbeat (id, at) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET at = 0`); err != nil {
		t.Fatal(err)
	}
	return func() { tx.Rollback() }
}
