//go:build race

package scenario

// raceEnabled: under the race detector the property tests draw fewer seeds;
// make test draws them all again without it.
const raceEnabled = true
