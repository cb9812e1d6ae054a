package memstore_test

import (
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/memstore"
	"github.com/btstutor/tutor/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) tutor.Store {
		s := memstore.New()
		s.Now = now
		return s
	})
}
