package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/btstutor/tutor/corpus"
)

// pdfChildEnv, set in a child's environment, makes the binary read a PDF on
// its standard input and write its text (see pdfChild).
const pdfChildEnv = "TUTOR_PDF_CHILD"

// extractPDF reads a PDF's text in a child process of this binary, killed
// when ctx is done or after corpus.PDFTimeout: a file that makes the PDF
// reader loop for ever costs nothing once refused (in this process, the
// reader could only be left running).
func extractPDF(ctx context.Context, data []byte) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		// No child possible: read here, under the same deadline; the
		// command ends right after, and anything left running with it.
		return corpus.PDFText(ctx, data)
	}
	ctx, cancel := context.WithTimeout(ctx, corpus.PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), pdfChildEnv+"=1")
	cmd.Stdin = bytes.NewReader(data)
	var out, errb bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &out, n: corpus.MaxTextBytes + 1}
	cmd.Stderr = &limitedWriter{w: &errb, n: 4096}
	err = cmd.Run()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "", corpus.ErrPDFTimeout
	case ctx.Err() != nil:
		return "", ctx.Err()
	case err != nil:
		if msg := strings.TrimSpace(errb.String()); msg != "" {
			return "", errors.New(msg)
		}
		return "", fmt.Errorf("PDF illisible : %w", err)
	case out.Len() > corpus.MaxTextBytes:
		return "", fmt.Errorf("PDF trop volumineux : son texte dépasse %d Mio", corpus.MaxTextBytes>>20)
	}
	return out.String(), nil
}

// pdfReader reads added PDFs in a child process and remembers, in the data
// directory, those whose reading never ended: such a file left among the
// référentiels is skipped at once on later starts, not waited for again.
func (m *Main) pdfReader() corpus.PDFReader {
	known := filepath.Join(m.dataDir(), "cache", "pdf-illisibles.txt")
	return func(ctx context.Context, data []byte) (string, error) {
		sum := sha256.Sum256(data)
		id := hex.EncodeToString(sum[:])
		if b, err := os.ReadFile(known); err == nil && slices.Contains(strings.Fields(string(b)), id) {
			return "", corpus.ErrPDFTimeout
		}
		text, err := extractPDF(ctx, data)
		if errors.Is(err, corpus.ErrPDFTimeout) && os.MkdirAll(filepath.Dir(known), 0o700) == nil {
			if f, ferr := os.OpenFile(known, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); ferr == nil {
				fmt.Fprintln(f, id)
				f.Close()
			}
		}
		return text, err
	}
}

// pdfChild is the child's work: a PDF on stdin, its text on stdout, the
// reason on stderr and exit code 1 when it cannot be read.
func pdfChild(stdin io.Reader, stdout, stderr io.Writer) int {
	data, err := io.ReadAll(io.LimitReader(stdin, corpus.MaxPDFBytes+1))
	if err == nil {
		err = corpus.CheckSize("x.pdf", int64(len(data)))
	}
	var text string
	if err == nil {
		text, err = corpus.PDFText(context.Background(), data)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	io.WriteString(stdout, text)
	return exitOK
}

// limitedWriter keeps the first n bytes written and drops the rest, so that
// a child cannot fill the memory; it reports every write as done.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
