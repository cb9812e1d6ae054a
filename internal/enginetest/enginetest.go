// Package enginetest builds, once per test binary, the answer engine over
// the embedded référentiels with the local embedder: the engine most tests
// share, read-only.
package enginetest

import (
	"context"
	"sync"
	"testing"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

var build = sync.OnceValues(func() (*answer.Engine, error) {
	c, err := corpus.Load()
	if err != nil {
		return nil, err
	}
	return answer.New(context.Background(), c, retrieval.Options{})
})

// Engine is the shared engine; a failure to build it fails the test.
func Engine(tb testing.TB) *answer.Engine {
	tb.Helper()
	e, err := build()
	if err != nil {
		tb.Fatal(err)
	}
	return e
}
