package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/sqlite"
	"github.com/btstutor/tutor/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) tutor.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "tutor.db"))
		if err != nil {
			t.Fatal(err)
		}
		s.Now = now
		return s
	})
}
