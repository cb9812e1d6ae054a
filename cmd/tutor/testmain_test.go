package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the PDF reader's child process, as
// the tutor binary does.
func TestMain(m *testing.M) {
	if os.Getenv(pdfChildEnv) == "1" {
		os.Exit(pdfChild(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
