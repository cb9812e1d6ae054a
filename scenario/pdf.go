package scenario

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// PDF writes the brief print-ready: A4, one sheet per role (the seller's,
// the candidate's preparation and documents, the buyer's or the client's
// file, the jury's), and the grading grid on its own page with the timing
// and the debrief. Each sheet starts a page.
func (b *Brief) PDF(w io.Writer) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(15, 15, 15)
	pdf.SetAutoPageBreak(true, 18)
	pdf.SetTitle(b.Title, true)
	pdf.SetCreator("tuteur BTS", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: the French letters, € and « »
	text := func(s string) string { return tr(pdfSafe.Replace(s)) }
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "I", 8)
		pdf.CellFormat(0, 5, text(fmt.Sprintf("BTS %s · %s · graine %d — page %d", b.Diploma, b.Epreuve, b.Options.Seed, pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	sheet := func(title, body string) {
		pdf.AddPage()
		pdf.SetFont("Helvetica", "B", 13)
		pdf.MultiCell(0, 6, text(title), "", "L", false)
		pdf.SetFont("Helvetica", "I", 8)
		pdf.MultiCell(0, 4, text(b.Title), "", "L", false)
		pdf.Ln(3)
		b.pdfBody(pdf, text, body)
	}
	sheet("Fiche vendeur (à remettre au candidat)", "**Mise en situation**\n"+b.Narrative+"\n\n"+b.SellerSheet())
	sheet("Préparation et documents (à remettre au candidat)", b.CandidateSheet())
	if b.Prepared() {
		sheet("Dossier client (à remettre au candidat)", b.ClientFile())
	} else {
		var rival strings.Builder
		list(&rival, "Document : devis du concurrent (en main de l'acheteur)", b.Kit.RivalQuote)
		sheet("Fiche acheteur (pour la personne qui joue le client)", b.BuyerSheet()+"\n"+rival.String())
	}
	sheet("Fiche jury", b.JurySheet(true))
	sheet("Grille, minutage et débriefing (jury)", b.KitSheet())
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("PDF : %w", err)
	}
	return pdf.Output(w)
}

// pdfSafe replaces what the PDF's core fonts (cp1252) cannot show.
var pdfSafe = strings.NewReplacer("\u202f", " ", "☐", "[  ]", "→", "->", "≤", "<=", "≥", ">=", "✅", "", "❌", "", "⚠️", "!", "…", "...",
	"−", "-", "≈", "~", "₀", "0", "₁", "1", "₂", "2", "₃", "3", "₄", "4")

// pdfBody writes a sheet's Markdown: bold titles, items, quotations and
// the grid's table.
func (b *Brief) pdfBody(pdf *fpdf.Fpdf, text func(string) string, body string) {
	plain := strings.NewReplacer("**", "", "*", "")
	var table [][]string
	flush := func() {
		if len(table) > 0 {
			pdfTable(pdf, text, table)
			table = nil
		}
	}
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimRight(line, " ")
		switch {
		case strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			if strings.HasPrefix(strings.TrimSpace(cells[0]), "---") {
				continue
			}
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			table = append(table, cells)
			continue
		case line == "":
			flush()
			pdf.Ln(2)
		case strings.HasPrefix(line, "**") && strings.HasSuffix(line, "**"):
			flush()
			pdf.SetFont("Helvetica", "B", 10.5)
			pdf.MultiCell(0, 5.5, text(plain.Replace(line)), "", "L", false)
		case strings.HasPrefix(line, "- "):
			pdf.SetFont("Helvetica", "", 9.5)
			x := pdf.GetX()
			pdf.CellFormat(5, 4.8, text("•"), "", 0, "L", false, 0, "")
			pdf.MultiCell(0, 4.8, text(plain.Replace(line[2:])), "", "L", false)
			pdf.SetX(x)
		case strings.HasPrefix(line, "> "):
			pdf.SetFont("Helvetica", "I", 9)
			pdf.MultiCell(0, 4.5, text(line[2:]), "", "L", false)
		default:
			pdf.SetFont("Helvetica", "", 9.5)
			pdf.MultiCell(0, 4.8, text(plain.Replace(line)), "", "L", false)
		}
	}
	flush()
}

// pdfTable draws a table whose first row is the header: the first column
// takes the room the others leave.
func pdfTable(pdf *fpdf.Fpdf, text func(string) string, rows [][]string) {
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	cols := len(rows[0])
	widths := make([]float64, cols)
	for i := range widths {
		widths[i] = 22
	}
	if cols > 2 {
		widths[cols-1] = 45
	}
	rest := width
	for _, w := range widths[1:] {
		rest -= w
	}
	widths[0] = rest
	const lineH = 4.6
	for r, row := range rows {
		style := ""
		if r == 0 {
			style = "B"
		}
		pdf.SetFont("Helvetica", style, 9)
		lines := 1
		for i, c := range row {
			if i < cols {
				lines = max(lines, len(pdf.SplitLines([]byte(text(c)), widths[i]-2)))
			}
		}
		h := float64(lines) * lineH
		if pdf.GetY()+h > 297-20 {
			pdf.AddPage()
		}
		x, y := pdf.GetXY()
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			pdf.Rect(x, y, widths[i], h, "D")
			pdf.SetXY(x+1, y+0.3)
			pdf.MultiCell(widths[i]-2, lineH, text(c), "", "L", false)
			x += widths[i]
		}
		pdf.SetXY(left, y+h)
	}
	pdf.Ln(2)
}
