package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
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
