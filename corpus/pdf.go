package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the work done on a user's file.
const maxPDFPages = 500

// PDFText extracts the text of a PDF, one line per text row and a blank line
// between pages, in the layout the PDF-text parser expects. It fails on a file
// that is not a PDF, is encrypted, has too many pages or holds no text.
func PDFText(data []byte) (text string, err error) {
	defer func() {
		// The PDF reader panics on some malformed files.
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("PDF illisible : %v", r)
		}
	}()
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		return "", errors.New("ce fichier n'est pas un PDF")
	}
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
