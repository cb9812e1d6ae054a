package answer

import "testing"

// SharedEngine is the engine the package's own tests use, built once for
// the external tests too.
func SharedEngine(tb testing.TB) *Engine { return engine(tb) }
