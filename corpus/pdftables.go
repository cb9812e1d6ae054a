package corpus

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// Tables of a text extracted from a PDF that the columns make unreadable
// once flattened: a weekly timetable by year, and a correspondence between
// the épreuves of an older diploma and this one. Each of their rows becomes a
// block of its own, written with its column headers.

// reTimetableRow is a timetable row: a label, then hours per week and hours
// per year for each of two years ("Relation client 5(2+3) 180 5(2+3) 180").
var reTimetableRow = regexp.MustCompile(`^(.+?\D)\s+(\d+(?:\(\d+\+\d+\))?)\s+(\d{1,3}(?: \d{3})?)\s+(\d+(?:\(\d+\+\d+\))?)\s+(\d{1,3}(?: \d{3})?)$`)

// reNoteMark finds the footnote marks of a row label: "Gestion de projet
// (2)(3)(4)".
var reNoteMark = regexp.MustCompile(`\((\d)\)`)

// timetablePara reads a paragraph of a timetable annex. A footnote of the
// table ("(1) Cet horaire ne peut être scindé…") is also written on the rows
// that carry its mark.
func (p *txtParser) timetablePara(lines []rawLine) {
	var rest []rawLine
	for _, l := range lines {
		t := clean(l.text)
		ft := fold(t)
		if m := reNoteMark.FindStringSubmatchIndex(t); m != nil && m[0] == 0 && len(p.noteRows[t[m[2]:m[3]]]) > 0 {
			for _, i := range p.noteRows[t[m[2]:m[3]]] {
				p.blocks[i].text += " — " + t
			}
			rest = append(rest, l)
			continue
		}
		switch {
		case strings.Contains(ft, "premiere annee") && (strings.Contains(ft, "seconde annee") || strings.Contains(ft, "deuxieme annee")):
			p.years = [2]string{"Première année", "Seconde année"}
			if strings.Contains(ft, "deuxieme annee") {
				p.years[1] = "Deuxième année"
			}
		case reTimetableRow.MatchString(t):
			m := reTimetableRow.FindStringSubmatch(t)
			years := p.years
			if years[0] == "" {
				years = [2]string{"Première année", "Seconde année"}
			}
			text := m[1] + " — " + years[0] + " : horaire hebdomadaire " + m[2] + ", volume annuel (à titre indicatif) " + m[3] +
				" · " + years[1] + " : horaire hebdomadaire " + m[4] + ", volume annuel (à titre indicatif) " + m[5]
			// The row's label heads its passage.
			p.heading(m[1], l.n, l.n, relative(1))
			p.rowHeaded = true
			for _, mark := range reNoteMark.FindAllStringSubmatch(m[1], -1) {
				if p.noteRows == nil {
					p.noteRows = map[string][]int{}
				}
				p.noteRows[mark[1]] = append(p.noteRows[mark[1]], len(p.blocks))
			}
			p.emit(block{typ: bRow, text: text, from: l.n, to: l.n, alone: true})
		case reHoursOnly.MatchString(t) && p.wrappedRowLabel():
			last := p.blocks[len(p.blocks)-1]
			p.blocks = p.blocks[:len(p.blocks)-1]
			m := reHoursOnly.FindStringSubmatch(t)
			years := p.years
			if years[0] == "" {
				years = [2]string{"Première année", "Seconde année"}
			}
			p.heading(last.text, last.from, last.from, relative(1))
			p.rowHeaded = true
			p.emit(block{typ: bRow, text: last.text + " — " + years[0] + " : horaire hebdomadaire " + m[1] +
				" · " + years[1] + " : horaire hebdomadaire " + m[2], from: last.from, to: l.n, alone: true})
		case strings.HasPrefix(ft, "enseignements") || strings.HasPrefix(ft, "hebdomadaire") || strings.HasPrefix(ft, "volume annuel") || strings.HasPrefix(ft, "(a titre indicatif)") || ft == "horaire":
			// column headers
		default:
			rest = append(rest, l)
		}
	}
	if len(rest) > 0 {
		if p.rowHeaded && reNoteMark.MatchString(rest[0].text) && strings.HasPrefix(strings.TrimSpace(rest[0].text), "(") {
			// The table's footnotes are not the last row's.
			p.heading("Notes du tableau", rest[0].n, rest[0].n, relative(1))
			p.rowHeaded = false
		}
		p.textPara(rest)
	}
}

// reHoursOnly is a timetable row's hours alone ("3 3"), when its label
// wraps onto lines of its own and has no annual volume.
var reHoursOnly = regexp.MustCompile(`^(\d{1,2})\s+(\d{1,2})$`)

// wrappedRowLabel reports whether the last block is a timetable row's label
// that wrapped away from its figures: a paragraph of words, no figures, no
// note, no sentence.
func (p *txtParser) wrappedRowLabel() bool {
	if len(p.blocks) == 0 {
		return false
	}
	last := p.blocks[len(p.blocks)-1]
	return last.typ == bPara && len(last.text) < 160 && !strings.ContainsAny(last.text, "0123456789.:;") &&
		!strings.HasPrefix(last.text, "(")
}

// reCorrespondence finds "E4 Négociation vente commerciale U4" in the
// flattened columns of a correspondence table.
var reCorrespondence = regexp.MustCompile(`\b(EF?\d{1,2})\s+(.+?)\s+(UF?\d{1,2})\b`)

// correspondencePara gathers the paragraphs of a correspondence table; the
// rows are read once the table ends (flushCorrespondence).
func (p *txtParser) correspondencePara(lines []rawLine) {
	p.corrLines = append(p.corrLines, lines...)
}

// flushCorrespondence writes each pair of épreuves of a correspondence table
// as one row: the older diploma's épreuve and unit, then this one's, each
// under its diploma's name as the table heads its columns.
func (p *txtParser) flushCorrespondence() {
	lines := p.corrLines
	p.corrLines = nil
	if len(lines) == 0 {
		return
	}
	var b strings.Builder
	var starts []int // offset in b where each line starts
	for _, l := range lines {
		starts = append(starts, b.Len())
		b.WriteString(clean(l.text))
		b.WriteByte(' ')
	}
	text := b.String()
	lineAt := func(off int) int {
		n := lines[0].n
		for i, s := range starts {
			if s <= off {
				n = lines[i].n
			}
		}
		return n
	}
	ms := reCorrespondence.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		p.textPara(lines)
		return
	}
	// The columns' heads come before the first row.
	var heads []string
	for _, part := range strings.Split(text[:ms[0][0]], "Brevet de technicien supérieur") {
		if h := strings.TrimSpace(part); h != "" {
			// "… Négociation et relation client Défini par le présent arrêté"
			if i := strings.Index(h, " Défini"); i > 0 {
				h = h[:i] + " (d" + strings.TrimPrefix(h[i+1:], "D") + ")"
			}
			heads = append(heads, "BTS "+h)
		}
	}
	if len(heads) > 2 {
		heads = heads[len(heads)-2:]
	}
	for len(heads) < 2 {
		heads = append([]string{""}, heads...)
	}
	for i := 0; i+1 < len(ms); i += 2 {
		l, r := ms[i], ms[i+1]
		side := func(m []int, head string) string {
			s := text[m[2]:m[3]] + " " + strings.Join(strings.Fields(text[m[4]:m[5]]), " ") + " (" + text[m[6]:m[7]] + ")"
			if head != "" {
				s = head + " — " + s
			}
			return s
		}
		p.emit(block{typ: bRow, text: side(l, heads[0]) + " · " + side(r, heads[1]), from: lineAt(l[0]), to: lineAt(r[1] - 1), alone: true})
	}
}

var (
	reReglStart = regexp.MustCompile(`^(E\d)\s|^Communication en langue vivante étrangère B`)
	reReglRow   = regexp.MustCompile(`^(?:(E\d)\s+)?(.+?)\s+(UF?\d)\s+(\d)\s+(\S+)\s+(.+?)\s+(\d situations? d.évaluation|Épreuve ponctuelle|Ponctuelle orale)$`)
	reNoteDur   = regexp.MustCompile(`^(\d+)(\d)\s*\+\s*(\d+)\s*mn$`)
	reFootnote  = regexp.MustCompile(`^(\d)\s+(\d+ minutes de préparation|La langue)`)
	reDurMn     = regexp.MustCompile(`^(\d+)\s*mn$`)
)

// reglementPara reads the règlement d'examen table, whose rows wrap over
// several lines.
func (p *txtParser) reglementPara(lines []rawLine) {
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case reReglStart.MatchString(t):
			p.flushReglement()
			p.reglRow = []logicalLine{{t, l.n, l.n}}
		case strings.HasPrefix(t, "Épreuve facultative"):
			p.flushReglement()
		case reFootnote.MatchString(t):
			p.flushReglement()
			p.emit(block{typ: bPara, text: clean(t), from: l.n, to: l.n})
		case len(p.reglRow) > 0:
			p.reglRow = append(p.reglRow, logicalLine{t, l.n, l.n})
		case strings.HasPrefix(t, "Épreuves Unités") || strings.HasPrefix(t, "ponctuelle") || strings.HasPrefix(t, "Durée") || strings.HasPrefix(t, "formation"):
			// column headers
		default:
			p.reglHeader = append(p.reglHeader, clean(t))
			if strings.HasPrefix(t, "Brevet") || strings.HasPrefix(t, "NÉGOCIATION") {
				p.reglHeader = p.reglHeader[:len(p.reglHeader)-1]
			}
		}
	}
}

func (p *txtParser) flushReglement() {
	row := p.reglRow
	p.reglRow = nil
	if len(row) == 0 {
		return
	}
	var parts []string
	for _, l := range row {
		parts = append(parts, l.text)
	}
	text := clean(strings.Join(parts, " "))
	from, to := row[0].from, row[len(row)-1].to
	m := reReglRow.FindStringSubmatch(text)
	if m == nil {
		p.emit(block{typ: bRow, text: text, from: from, to: to})
		return
	}
	title := strings.TrimSpace(m[2])
	e := tutor.Epreuve{Code: m[1], Title: title, Units: []string{m[3]}, Coef: m[4]}
	if e.Code == "" {
		// The optional épreuve has no code in the table: it is named after
		// its unit (UF1 → EF1), and the title carries a footnote mark.
		e.Code = "EF" + strings.TrimPrefix(m[3], "UF")
		e.Optional = true
		e.Title = strings.TrimRight(title, "0123456789")
	}
	form := strings.ToLower(m[5])
	dur := m[6]
	if dm := reNoteDur.FindStringSubmatch(dur); dm != nil {
		// "40² + 40mn": the footnote says the first figure is the preparation.
		e.Preparation = dm[1] + " min"
		dur = dm[3] + " min"
	} else if dm := reDurMn.FindStringSubmatch(dur); dm != nil {
		dur = dm[1] + " min"
	}
	e.Form = "Ponctuelle " + form
	e.Duration = normDuration(dur)
	if ccf := m[7]; strings.Contains(ccf, "situation") {
		e.CCF = ccf
	}
	names := routeNames(p.reglHeader)
	e.Routes = []tutor.Route{{Name: names[0], Form: e.Form, Duration: e.Duration}}
	if e.CCF != "" {
		e.Routes = append(e.Routes, tutor.Route{Name: names[1], Form: "CCF " + e.CCF})
	} else {
		e.Routes = append(e.Routes, tutor.Route{Name: names[1], Form: m[7]})
	}
	e.Lines = tutor.Lines{from, to}
	p.emit(block{typ: bRow, text: describeEpreuve(e.Code+" "+e.Title, &tutor.Epreuve{Units: e.Units, Coef: e.Coef, Form: e.Form, Duration: e.Duration, Preparation: e.Preparation, CCF: e.CCF}), epreuve: &e, from: from, to: to})
}

// routeNames splits the table's header into its two route columns.
func routeNames(header []string) [2]string {
	all := strings.Join(header, " ")
	i := strings.Index(all, "Formation professionnelle continue dans des")
	if i < 0 {
		return [2]string{"Forme ponctuelle", "Évaluation en cours de formation"}
	}
	return [2]string{strings.TrimSpace(all[:i]), strings.TrimSpace(all[i:])}
}
