package scenario

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// Every option combination prints: a PDF of at least five A4 pages (one
// sheet per role, the grid on its own).
func TestPDFOfEveryCombination(t *testing.T) {
	g := generator(t)
	seeds := uint64(75) // optionsFor cycles through every combination in 75 seeds
	if raceEnabled {
		seeds = 15 // make test prints all 75 without -race
	}
	for seed := uint64(0); seed < seeds; seed++ {
		b, err := g.Generate(optionsFor(seed))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := b.PDF(&buf); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		pdf := buf.Bytes()
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
			t.Fatalf("seed %d: not a PDF", seed)
		}
		if pages := bytes.Count(pdf, []byte("/Type /Page\n")); pages < 5 || !bytes.Contains(pdf, []byte("/MediaBox [0 0 595.28 841.89]")) {
			t.Fatalf("seed %d: %d pages, A4 %v", seed, pages, bytes.Contains(pdf, []byte("595.28")))
		}
	}
}

// BenchmarkPDF measures a brief printed to PDF.
func BenchmarkPDF(b *testing.B) {
	br, err := generator(b).Generate(Options{Diploma: "CCST", Situation: 2, Seed: 2026})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := br.PDF(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// Every character a brief writes reaches the PDF as itself or as its
// stated replacement: none falls to the core fonts' "." (a key's "−" did).
func TestPDFShowsEveryCharacterOfTheBriefs(t *testing.T) {
	tr := fpdf.New("P", "mm", "A4", "").UnicodeTranslatorFromDescriptor("")
	seen := map[rune]bool{}
	sweep(t, func(b *Brief) {
		for _, r := range pdfSafe.Replace(b.Markdown()) {
			if r < 128 || seen[r] {
				continue
			}
			seen[r] = true
			if got := tr(string(r)); got == "." || got == "?" || got == "" {
				t.Errorf("seed %d: %q (%U) cannot be shown in the PDF", b.Options.Seed, string(r), r)
			}
		}
	})
}
