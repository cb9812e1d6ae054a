//go:build race

package answer

// raceEnabled: under the race detector the golden set goes through the
// unreliable, adversarial and honest models one question in ten; make test
// runs it all again without it.
const raceEnabled = true
