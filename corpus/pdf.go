package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Bounds on the work done on a user's PDF.
const (
	maxPDFPages = 500
	// PDFTimeout: some malformed files (a page tree that points to itself)
	// make the PDF reader loop for ever.
	PDFTimeout = 4 * time.Second
)

// ErrPDFTimeout is returned for a PDF the reader could not finish in time.
var ErrPDFTimeout = errors.New("PDF illisible : sa lecture ne se termine pas (fichier malformé ?)")

// PDFText extracts the text of a PDF, one line per text row and a blank line
// between pages, in the layout the PDF-text parser expects. It fails on a file
// that is not a PDF, is encrypted, has too many pages or holds no text, and
// when the reader has not finished within PDFTimeout or ctx is done: the
// reader then goes on in a goroutine left behind. The tutor's commands run
// it in a child process instead (LoadWith), killed at the deadline.
func PDFText(ctx context.Context, data []byte) (string, error) {
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		return "", errors.New("ce fichier n'est pas un PDF")
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		t, err := pdfText(data)
		done <- result{t, err}
	}()
	select {
	case r := <-done:
		return r.text, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", ErrPDFTimeout
		}
		return "", ctx.Err()
	}
}

func pdfText(data []byte) (text string, err error) {
	defer func() {
		// The PDF reader panics on some malformed files.
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("PDF illisible : %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("PDF illisible : %w", err)
	}
	n := r.NumPage()
	if n > maxPDFPages {
		return "", fmt.Errorf("PDF trop long : %d pages (maximum %d)", n, maxPDFPages)
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		rows, err := r.Page(i).GetTextByRow()
		if err != nil {
			return "", fmt.Errorf("page %d illisible : %w", i, err)
		}
		for _, row := range rows {
			var words []string
			for _, t := range row.Content {
				words = append(words, t.S)
			}
			line := strings.TrimSpace(strings.Join(words, ""))
			if line != "" {
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
		b.WriteByte('\n')
	}
	if strings.TrimSpace(b.String()) == "" {
		return "", errors.New("aucun texte dans ce PDF (document scanné ?)")
	}
	return b.String(), nil
}
