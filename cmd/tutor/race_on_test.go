//go:build race

package main

// raceEnabled: the tests that build several indexes run without -race, in
// make test's second pass.
const raceEnabled = true
