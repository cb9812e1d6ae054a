package corpus

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// parseMarkdown reads a référentiel written in markdown with tab-separated and
// HTML tables (the CCST text), returning its block stream.
func parseMarkdown(src string, style string) []block {
	p := &mdParser{style: style}
	for i, raw := range strings.Split(src, "\n") {
		p.line(i+1, raw)
	}
	return p.blocks
}

type mdParser struct {
	style  string
	blocks []block
	// A bold run open over several lines ("**Tableau de correspondance
	// … \n … solutions techniques**"): its first line and text so far.
	boldFrom int
	bold     []string
	// Table state.
	inTable    bool
	routeNames []string // règlement d'examen: names of the routes
	savoirCols bool     // table of savoirs and limites
	lastTop    *tutor.Epreuve
	lastTopIdx int
	starred    []int // règlement rows marked "(*)", waiting for their footnote
	// Tables whose headers span several rows and columns (a timetable by
	// year, a correspondence between two diplomas): the header rows read
	// so far, and the column labels once the first data row comes.
	headRows [][]string
	headFrom int
	labels   [][]string
	rowLabel bool // the first column names the row
}

var (
	reMdHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	reBoldOnly   = regexp.MustCompile(`^(\*\*[^*]+\*\*\s*)+$`)
	reBoldSeg    = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	reMdItem     = regexp.MustCompile(`^\s*[-*]\s+(.*)$`)
	reSeparator  = regexp.MustCompile(`^[\s\-|:]+$`)
	reParagraphs = regexp.MustCompile(`(?s)<p[^>]*>(.*?)</p>`)
	reBoldTag    = regexp.MustCompile(`(?s)<b>(.*?)</b>`)
	reCellBreak  = regexp.MustCompile(`\s{3,}`)
)

func (p *mdParser) emit(b block) { p.blocks = append(p.blocks, b) }

func (p *mdParser) heading(n, level int, title string) {
	title = strings.TrimRight(clean(title), " :")
	if title == "" {
		return
	}
	p.emit(block{typ: bHeading, level: level, text: title, from: n, to: n})
}

func (p *mdParser) line(n int, raw string) {
	line := strings.TrimRight(raw, " \r")
	if strings.TrimSpace(line) == "" {
		return
	}
	if strings.Contains(line, "\t") {
		p.row(n, line)
		return
	}
	p.inTable = false
	if p.bold != nil || strings.HasPrefix(strings.TrimSpace(line), "**") && strings.Count(line, "**") == 1 {
		// A bold run over several lines is one heading.
		if p.bold == nil {
			p.boldFrom = n
		}
		p.bold = append(p.bold, strings.Trim(strings.TrimSpace(line), "*"))
		if len(p.bold) > 1 && strings.Contains(line, "**") || len(p.bold) > 4 {
			p.heading(p.boldFrom, 4, strings.Join(p.bold, " "))
			p.bold = nil
		}
		return
	}
	switch {
	case reSeparator.MatchString(line):
		return
	case reMdHeading.MatchString(line):
		m := reMdHeading.FindStringSubmatch(line)
		p.heading(n, len(m[1]), m[2])
	case reBoldOnly.MatchString(line):
		// One or more bold runs alone on a line: headings, except short
		// statements such as "Coefficient : 4".
		for _, seg := range reBoldSeg.FindAllStringSubmatch(line, -1) {
			s := clean(seg[1])
			if strings.HasPrefix(fold(s), "coefficient") || strings.HasPrefix(fold(s), "duree") {
				p.emit(block{typ: bPara, text: s, from: n, to: n})
				continue
			}
			p.heading(n, 4, s)
		}
	case reMdItem.MatchString(line) && !strings.HasPrefix(strings.TrimSpace(line), "**"):
		p.emit(block{typ: bItem, text: clean(reMdItem.FindStringSubmatch(line)[1]), from: n, to: n})
	default:
		if t := clean(line); t != "" {
			p.emit(block{typ: bPara, text: t, from: n, to: n})
		}
	}
}

// cellParas splits an HTML cell into paragraphs, each with its bold head and
// the items that the source separated with runs of spaces.
type cellPara struct {
	head  string
	items []string
}

func cellParas(cell string) []cellPara {
	var out []cellPara
	paras := reParagraphs.FindAllStringSubmatch(cell, -1)
	if len(paras) == 0 {
		paras = [][]string{{cell, cell}}
	}
	for _, m := range paras {
		body := m[1]
		var cp cellPara
		if loc := reBoldTag.FindStringSubmatchIndex(body); loc != nil && strings.TrimSpace(body[:loc[0]]) == "" {
			cp.head = clean(body[loc[2]:loc[3]])
			body = body[loc[1]:]
		}
		for _, it := range reCellBreak.Split(body, -1) {
			// Several bold runs in a row are items too ("<b>Processus d'achat</b>").
			for _, sub := range splitBoldRuns(it) {
				if t := clean(sub); t != "" {
					cp.items = append(cp.items, t)
				}
			}
		}
		if cp.head != "" || len(cp.items) > 0 {
			out = append(out, cp)
		}
	}
	return out
}

func splitBoldRuns(s string) []string {
	if !strings.Contains(s, "<b>") {
		return []string{s}
	}
	var out []string
	for _, m := range reBoldTag.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	if rest := reBoldTag.ReplaceAllString(s, ""); strings.TrimSpace(clean(rest)) != "" {
		out = append(out, rest)
	}
	return out
}

var headerCells = map[string]bool{
	"competences": true, "savoirs associes": true, "savoirs": true, "savoir": true,
	"limites de savoirs": true, "limites": true, "ressources et moyens": true,
	"liaisons fonctionnelles": true, "unites": true, "intitules": true,
	"epreuves": true, "unite": true, "coef": true, "forme": true, "duree": true,
	"pole d'activites": true, "blocs de competences": true,
}

func (p *mdParser) row(n int, line string) {
	raw := strings.Split(line, "\t")
	cells := make([]string, len(raw))
	nonEmpty := 0
	for i, c := range raw {
		cells[i] = clean(c)
		if cells[i] != "" && !reSeparator.MatchString(cells[i]) {
			nonEmpty++
		}
	}
	if nonEmpty == 0 {
		return
	}
	if !p.inTable {
		p.inTable = true
		p.savoirCols = false
		p.routeNames = nil
		p.headRows, p.labels = nil, nil
		if spannedHeader(raw, cells) && !strings.HasPrefix(fold(cells[0]), "bts ") && !(nonEmpty == 1 && reBloc.MatchString(cells[0])) {
			p.headRows, p.headFrom = [][]string{cells}, n
			return
		}
	}
	if p.headRows != nil {
		p.spannedRow(n, raw, cells)
		return
	}
	f0 := fold(cells[0])

	// Header rows: remember what the columns hold, show nothing.
	allHeader := true
	for _, c := range cells {
		if c != "" && !headerCells[fold(c)] {
			allHeader = false
		}
	}
	if allHeader {
		if len(cells) >= 2 && strings.HasPrefix(fold(cells[1]), "limites") {
			p.savoirCols = true
		}
		return
	}
	if strings.HasPrefix(f0, "bts ") && len(cells) >= 8 {
		// Règlement d'examen: the first header row names the routes.
		for i := 3; i < len(cells); i += 2 {
			p.routeNames = append(p.routeNames, cells[i])
		}
		return
	}
	if p.routeNames != nil {
		if !p.footnote(raw) {
			p.reglementRow(n, raw, cells)
		}
		return
	}
	// A bloc title alone in a row.
	if nonEmpty == 1 && reBloc.MatchString(cells[0]) {
		p.heading(n, 2, cells[0])
		return
	}
	if p.savoirCols {
		p.savoirRow(n, raw, cells, nonEmpty)
		return
	}
	if strings.Contains(raw[0], "<p") && (reCompCode.MatchString(firstHead(raw[0])) || strings.HasPrefix(fold(firstHead(raw[0])), "criteres")) {
		p.competenceRow(n, raw)
		return
	}
	p.emit(block{typ: bRow, cells: shownCells(raw), from: n, to: n})
}

// competenceRow reads a row of a compétence table: cells made of
// <p><b>C1.1 …</b> items</p>.
func (p *mdParser) competenceRow(n int, raw []string) {
	for ci, rc := range raw {
		paras := cellParas(rc)
		if len(paras) == 0 {
			continue
		}
		if ci > 0 && !strings.HasPrefix(fold(paras[0].head), "criteres") {
			p.heading(n, 3, "Savoirs associés au bloc")
		}
		for _, cp := range paras {
			if cp.head != "" {
				if ci > 0 {
					p.emit(block{typ: bItem, text: cp.head + withItems(cp.items), from: n, to: n})
					continue
				}
				p.heading(n, 4, cp.head)
			}
			if ci == 0 || cp.head == "" {
				for _, it := range cp.items {
					p.emit(block{typ: bItem, text: it, from: n, to: n})
				}
			}
		}
	}
}

// shownCells are a row's cells made readable: each paragraph's head with
// its items.
func shownCells(raw []string) []string {
	var shown []string
	for _, rc := range raw {
		var parts []string
		for _, cp := range cellParas(rc) {
			if cp.head != "" {
				parts = append(parts, cp.head+withItems(cp.items))
			} else {
				parts = append(parts, strings.Join(cp.items, " ; "))
			}
		}
		shown = append(shown, strings.Join(parts, " ; "))
	}
	return shown
}

func withItems(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return " : " + strings.Join(items, ", ")
}

func firstHead(cell string) string {
	if ps := cellParas(cell); len(ps) > 0 {
		return ps[0].head
	}
	return ""
}
