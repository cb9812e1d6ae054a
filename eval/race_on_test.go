//go:build race

package eval

// raceEnabled: the race detector makes the golden set ~15 times slower and
// the evaluation is sequential; make test runs it again without it.
const raceEnabled = true
