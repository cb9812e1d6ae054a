package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// pdfFile writes a PDF of the given objects (numbered from 1, the first
// the catalog) with a correct cross-reference table.
func pdfFile(t *testing.T, objs ...string) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	path := filepath.Join(t.TempDir(), "hostile.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// selfReferencingPDF is a page tree whose only kid is itself: the PDF
// reader loops on it for ever.
func selfReferencingPDF(t *testing.T) string {
	return pdfFile(t, "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
}

// Hostile files given to ingest are refused with a clear message and write
// nothing; every other command still works.
func TestIngestRefusesHostileFiles(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.md")
	if err := os.WriteFile(huge, bytes.Repeat([]byte("# Titre\nDu texte, encore du texte.\n"), 100_000), 0o600); err != nil {
		t.Fatal(err)
	}
	zip := filepath.Join(dir, "bombe.zip")
	os.WriteFile(zip, []byte("PK\x03\x04"), 0o600)
	// A content stream that inflates a thousandfold.
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte("BT /F1 12 Tf ("))
	w.Write(bytes.Repeat([]byte("A"), 3<<20))
	w.Write([]byte(") Tj ET"))
	w.Close()
	bomb := pdfFile(t, "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for _, tt := range []struct{ name, file, want string }{
		{"3 Mio de texte", huge, "trop volumineux"},
		{"archive", zip, "format non pris en charge"},
		{"PDF qui boucle", selfReferencingPDF(t), "ne se termine pas"},
		{"bombe de décompression", bomb, "trop volumineux|ne se termine pas"}, // too much text, or too slow to read it
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, _, errs := run(t, "", env, "ingest", tt.file, "--diploma", "NDRC", "--title", "BTS NDRC")
			if code != exitUsage || !regexp.MustCompile(tt.want).MatchString(errs) {
				t.Errorf("exit %d, %q (want %q)", code, errs, tt.want)
			}
		})
	}
	t.Cleanup(func() { // once every file has been tried
		if entries, _ := os.ReadDir(filepath.Join(env["TUTOR_DATA_DIR"], "referentiels")); len(entries) != 0 {
			t.Errorf("files written after refusals: %v", entries)
		}
	})
}

// Ctrl-C during a long ingest stops it at once, writing nothing.
func TestIngestHonoursInterrupt(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Builds: testBuilds}
	if code := m.Run(ctx, []string{"ingest", selfReferencingPDF(t), "--diploma", "NDRC", "--title", "BTS NDRC"}); code != exitError || !strings.Contains(errb.String(), "interrompu") {
		t.Errorf("interrupted ingest: exit %d, %q", code, errb.String())
	}
	if entries, _ := os.ReadDir(filepath.Join(env["TUTOR_DATA_DIR"], "referentiels")); len(entries) != 0 {
		t.Errorf("files written after an interrupt: %v", entries)
	}
}

// A bad file among the added référentiels is skipped with a warning: the
// rest, and every command, still work.
func TestBadAddedReferentielIsSkipped(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	ref := filepath.Join(env["TUTOR_DATA_DIR"], "referentiels")
	os.MkdirAll(ref, 0o700)
	os.WriteFile(filepath.Join(ref, "ndrc.md"), []byte("# BTS NDRC\n\n### C1.1 Cibler et prospecter la clientèle\n\n- Analyser le portefeuille\n"), 0o600)
	os.WriteFile(filepath.Join(ref, "ndrc.json"), []byte(`{"diploma":"NDRC","title":"BTS NDRC"}`), 0o600)
	os.WriteFile(filepath.Join(ref, "mco.md"), []byte("# BTS MCO\n\ntexte\n"), 0o600)
	os.WriteFile(filepath.Join(ref, "mco.json"), []byte(`{"diploma": "MCO", "title": `), 0o600) // cut short
	os.WriteFile(filepath.Join(ref, "gros.txt"), bytes.Repeat([]byte("x"), 3<<20), 0o600)
	os.WriteFile(filepath.Join(ref, "gros.json"), []byte(`{"diploma":"GROS","title":"x"}`), 0o600)
	// A PDF put there by hand that makes the reader loop: read apart, given up.
	loop, _ := os.ReadFile(selfReferencingPDF(t))
	os.WriteFile(filepath.Join(ref, "boucle.pdf"), loop, 0o600)
	os.WriteFile(filepath.Join(ref, "boucle.json"), []byte(`{"diploma":"BOUCLE","title":"x"}`), 0o600)
	code, out, errs := run(t, "", env, "ask", "--diploma", "NDRC", "C1.1")
	if code != exitOK || !strings.Contains(out, "Cibler et prospecter") {
		t.Errorf("ask beside bad files: exit %d, %q %q", code, out, errs)
	}
	for _, want := range []string{"mco.md", "métadonnées illisibles", "gros.txt", "trop volumineux", "boucle.pdf", "ne se termine pas"} {
		if !strings.Contains(errs, want) {
			t.Errorf("warnings lack %q: %q", want, errs)
		}
	}
	if code, out, _ := run(t, "", env, "ask", "coef e4 ccst"); code != exitOK || !strings.Contains(out, "6") {
		t.Errorf("ask on the shipped texts: exit %d, %q", code, out)
	}
	// The looping PDF is remembered: the next start skips it at once, still
	// saying why (a Main of its own, not sharing the built texts).
	var stdout, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	if code := m.Run(context.Background(), []string{"referentiel", "--diploma", "NDRC"}); code != exitOK || !strings.Contains(errb.String(), "boucle.pdf") {
		t.Errorf("second start: exit %d, %q", code, errb.String())
	}
	known, _ := os.ReadFile(filepath.Join(env["TUTOR_DATA_DIR"], "cache", "pdf-illisibles.txt"))
	if len(strings.Fields(string(known))) != 1 {
		t.Errorf("looping PDFs remembered: %q", known)
	}
}
