package corpus

// Tables of the markdown texts: the règlement d'examen, savoirs with their
// limits, and tables whose headers span rows and columns.

import (
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// spannedHeader reports whether a table's first row is a header whose labels
// span several columns: every filled cell is bold or holds no figure, and a
// filled cell is followed by an empty one.
func spannedHeader(raw, cells []string) bool {
	span := false
	for i, c := range cells {
		if c == "" {
			if i > 0 && cells[i-1] != "" {
				span = true
			}
			continue
		}
		if strings.ContainsAny(c, "0123456789") && !strings.Contains(raw[i], "<b>") {
			return false
		}
	}
	return span
}

// spannedRow reads a row of a table with spanned headers: up to three header
// rows (no figure in them), then data rows written with their column labels.
func (p *mdParser) spannedRow(n int, raw, cells []string) {
	if p.labels == nil {
		header := len(p.headRows) < 3
		for i, c := range cells {
			if c != "" && strings.ContainsAny(c, "0123456789") && !strings.Contains(raw[i], "<b>") {
				header = false
			}
		}
		if header && len(p.headRows) > 0 && (cells[0] == "" || allBold(raw)) {
			p.headRows = append(p.headRows, cells)
			return
		}
		p.labels, p.rowLabel = columnLabels(p.headRows)
	}
	text := labelledRow(cells, p.labels, p.rowLabel)
	if text == "" {
		return
	}
	if p.rowLabel && cells[0] != "" {
		// The row's label heads its passage: "TOTAL ELEVE", "Bloc 4 : …".
		p.emit(block{typ: bHeading, level: 6, text: cells[0], from: n, to: n})
	}
	p.emit(block{typ: bRow, text: text, from: n, to: n, alone: true})
}

// allBold reports whether every filled cell of a row is bold.
func allBold(raw []string) bool {
	for _, c := range raw {
		if clean(c) != "" && !strings.Contains(c, "<b>") {
			return false
		}
	}
	return true
}

// columnLabels turns header rows into each column's labels, top first. A
// label spans the empty cells to its right, except in the last header row.
// The first column names the rows when its top label spans no other column.
func columnLabels(rows [][]string) ([][]string, bool) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	labels := make([][]string, width)
	for ri, r := range rows {
		cur := ""
		for c := 0; c < width; c++ {
			v := ""
			if c < len(r) {
				v = r[c]
			}
			switch {
			case v != "":
				cur = v
			case ri < len(rows)-1 && c > 0:
				v = cur
			}
			if v != "" && (len(labels[c]) == 0 || labels[c][len(labels[c])-1] != v) {
				labels[c] = append(labels[c], v)
			}
		}
	}
	rowLabel := width > 1 && len(rows[0]) > 1 && rows[0][1] != ""
	return labels, rowLabel
}

// labelledRow writes a data row with its column labels, grouped under the
// top labels: "Bloc 4 … — Première année : Horaire hebdomadaire : Total 9,
// Division 5, ½ division 4 ; Volume annuel 324 · Deuxième année : …".
func labelledRow(cells []string, labels [][]string, rowLabel bool) string {
	type cell struct{ top, mid, low, v string }
	var cs []cell
	start, head := 0, ""
	if rowLabel {
		head, start = cells[0], 1
	}
	for c := start; c < len(cells); c++ {
		if cells[c] == "" {
			continue
		}
		var l []string
		if c < len(labels) {
			l = labels[c]
		}
		x := cell{v: cells[c]}
		if len(l) > 0 {
			x.top = l[0]
		}
		if len(l) > 1 {
			x.mid = l[1]
		}
		if len(l) > 2 {
			x.low = strings.Join(l[2:], " ")
		}
		cs = append(cs, x)
	}
	var groups []string
	for i := 0; i < len(cs); {
		j := i
		for j < len(cs) && cs[j].top == cs[i].top {
			j++
		}
		var subs []string
		for k := i; k < j; {
			m := k
			for m < j && cs[m].mid == cs[k].mid {
				m++
			}
			var vals []string
			for _, x := range cs[k:m] {
				vals = append(vals, strings.TrimSpace(x.low+" "+x.v))
			}
			sub := strings.Join(vals, ", ")
			if cs[k].mid != "" {
				sub = cs[k].mid + " : " + sub
			}
			subs = append(subs, sub)
			k = m
		}
		g := strings.Join(subs, " ; ")
		if cs[i].top != "" {
			g = cs[i].top + " — " + g
		}
		groups = append(groups, g)
		i = j
	}
	body := strings.Join(groups, " · ")
	switch {
	case head == "":
		return body
	case body == "":
		return head
	}
	return head + " — " + body
}

// savoirRow handles a row of a "savoirs / limites de savoirs" table.
func (p *mdParser) savoirRow(n int, raw, cells []string, nonEmpty int) {
	if nonEmpty == 1 && cells[0] != "" && strings.Contains(raw[0], "<b>") && !strings.Contains(raw[0], "<p") {
		p.heading(n, 4, cells[0])
		return
	}
	left := cellParas(raw[0])
	var title string
	var known []string
	for _, cp := range left {
		if title == "" && cp.head != "" {
			title = cp.head
			known = append(known, cp.items...)
			continue
		}
		if cp.head != "" {
			known = append(known, cp.head)
		}
		known = append(known, cp.items...)
	}
	if title == "" && len(known) > 0 {
		title, known = known[0], known[1:]
	}
	var limites []string
	if len(raw) > 1 {
		for _, cp := range cellParas(strings.Join(raw[1:], " ")) {
			if cp.head != "" {
				limites = append(limites, cp.head)
			}
			limites = append(limites, cp.items...)
		}
	}
	// A row that lists several savoirs in bold (CCST blocs 2 to 4) gives
	// their limits in one cell whose paragraphs do not line up with them:
	// which savoir each limit belongs to is not stated.
	heads := 0
	for _, cp := range left {
		if cp.head != "" {
			heads++
		}
	}
	text := title
	if len(known) > 0 {
		text += " (" + strings.Join(known, ", ") + ")"
	}
	if len(limites) > 0 {
		if text == "" {
			text = "Limites (suite)"
		}
		text += " — limites : " + strings.Join(limites, " ; ")
	}
	b := block{typ: bRow, text: text, cells: []string{title, strings.Join(known, "\n"), strings.Join(limites, "\n")}, from: n, to: n, role: roleSavoir, shared: heads > 1}
	p.emit(b)
}

var (
	reDurationH   = regexp.MustCompile(`^(\d+)\s*h$`)
	reDurationMin = regexp.MustCompile(`^(\d+)\s*min(?:utes)?`)
	rePrepStar    = regexp.MustCompile(`\(\*\s*(\d+)\s*min\)`)
)

// normDuration writes durations the same way everywhere: "4 h", "20 min".
func normDuration(s string) string {
	s = strings.TrimSpace(s)
	if m := reDurationH.FindStringSubmatch(s); m != nil {
		return m[1] + " h"
	}
	if m := reDurationMin.FindStringSubmatch(s); m != nil {
		return m[1] + " min"
	}
	return s
}

// reglementRow parses one row of the règlement d'examen table.
func (p *mdParser) reglementRow(n int, raw, cells []string) {
	for len(cells) < 3+2*len(p.routeNames) {
		cells = append(cells, "")
	}
	titleParts := splitBoldRuns(raw[0])
	var e tutor.Epreuve
	var parent *tutor.Epreuve
	if cells[0] != "" {
		title := clean(titleParts[0])
		first := strings.Fields(title)[0]
		e.Code = tutor.CanonicalCode(strings.TrimSuffix(first, "."), p.style)
		e.Title = strings.TrimSpace(strings.TrimPrefix(title, first))
		if e.Code == "" {
			p.emit(block{typ: bRow, cells: cells, from: n, to: n})
			return
		}
		e.Optional = strings.HasPrefix(e.Code, "EF")
	}
	unit := tutor.CanonicalCode(cells[1], p.style)
	if unit != "" {
		e.Units = []string{unit}
	}
	coefs := splitBoldRuns(raw[2])
	e.Coef = strings.TrimSpace(clean(coefs[0]))
	var part *tutor.Epreuve
	if len(coefs) > 1 || cells[0] == "" {
		// A row carrying a sous-épreuve: the épreuve's coefficient in bold, the
		// part's beside it; or a continuation row with the part only.
		pc := tutor.Epreuve{Units: e.Units, Coef: strings.TrimSpace(clean(coefs[len(coefs)-1]))}
		if len(titleParts) > 1 {
			pc.Title = clean(titleParts[1])
		}
		part = &pc
		if cells[0] == "" {
			parent = p.lastTop
		}
	}
	target := &e
	if part != nil {
		target = part
	}
	p.routes(target, raw, cells)
	target.Lines = tutor.Lines{n, n}
	if part != nil && cells[0] != "" {
		e.Lines = tutor.Lines{n, n}
	}
	b := block{typ: bRow, from: n, to: n}
	switch {
	case parent != nil:
		part.Code = partCode(parent.Code, unit)
		parent.Parts = append(parent.Parts, *part)
		p.blocks[p.lastTopIdx].epreuve = parent
		b.text = describeEpreuve(parent.Code+" › "+part.Code, part)
	case part != nil:
		part.Code = partCode(e.Code, unit)
		e.Units = nil
		e.Parts = []tutor.Epreuve{*part}
		e.Routes = nil
		b.epreuve = &e
		b.text = describeEpreuve(e.Code+" "+e.Title+" › "+part.Code, part)
		b.text = strings.Replace(b.text, "coefficient "+part.Coef, "coefficient "+e.Coef+" (dont "+part.Code+" : coefficient "+part.Coef+")", 1)
	default:
		b.epreuve = &e
		b.text = describeEpreuve(e.Code+" "+e.Title, &e)
	}
	if b.epreuve != nil {
		p.lastTop = b.epreuve
		p.lastTopIdx = len(p.blocks)
	}
	for _, c := range raw[3:] {
		if strings.Contains(c, "(*)") {
			// A footnote of the table explains the mark.
			p.starred = append(p.starred, len(p.blocks))
			break
		}
	}
	p.emit(b)
}

// routes reads a règlement row's form and duration for each route (scolaire,
// apprentissage, formation continue…), and the preparation its footnote
// star gives.
func (p *mdParser) routes(target *tutor.Epreuve, raw, cells []string) {
	for i, name := range p.routeNames {
		form := cells[3+2*i]
		dur := ""
		if 4+2*i < len(raw) {
			// Keep the footnote stars that clean would drop.
			dur = collapseSpaces(reTags.ReplaceAllString(raw[4+2*i], " "))
		}
		r := tutor.Route{Name: name, Form: form}
		if m := rePrepStar.FindStringSubmatch(dur); m != nil {
			target.Preparation = m[1] + " min"
			dur = strings.TrimSpace(rePrepStar.ReplaceAllString(dur, ""))
		}
		dur = strings.TrimSpace(strings.NewReplacer("(*)", "", "**", "", "*", "").Replace(dur))
		r.Duration = normDuration(dur)
		target.Routes = append(target.Routes, r)
	}
	setPonctuelle(target)
	for _, r := range target.Routes {
		if strings.HasPrefix(fold(r.Form), "ccf") {
			target.CCF = r.Form
			break
		}
	}
}

// footnote gives the rows marked "(*)" the note that explains the mark
// ("*Dont 20 min de préparation"); it reports whether the row was one.
func (p *mdParser) footnote(raw []string) bool {
	first := strings.TrimSpace(raw[0])
	if !strings.HasPrefix(first, "*") || strings.HasPrefix(first, "**") {
		return false
	}
	note := clean(strings.TrimLeft(first, "*"))
	for _, i := range p.starred {
		p.blocks[i].text += " — (*) " + note
	}
	p.starred = nil
	return true
}

// partCode names a sous-épreuve after its unit: U21 → E21 (its épreuve is
// E2); U61 keeps its unit code, as the CCST text does.
func partCode(parent, unit string) string {
	if strings.HasPrefix(unit, "U") && len(unit) == 3 && parent == "E"+unit[1:2] && unit[1] == '2' {
		return "E" + unit[1:]
	}
	return unit
}

// setPonctuelle fills the ponctuelle form and duration from the routes,
// preferring the route where the épreuve is ponctuelle for everyone.
func setPonctuelle(e *tutor.Epreuve) {
	for i := len(e.Routes) - 1; i >= 0; i-- {
		r := e.Routes[i]
		if strings.HasPrefix(fold(r.Form), "ponctuelle") {
			e.Form = r.Form
			e.Duration = r.Duration
			return
		}
	}
}

// describeEpreuve writes a règlement row as one readable line.
func describeEpreuve(name string, e *tutor.Epreuve) string {
	parts := []string{name}
	if len(e.Units) > 0 {
		parts = append(parts, "unité "+strings.Join(e.Units, ", "))
	}
	if e.Coef != "" {
		parts = append(parts, "coefficient "+e.Coef)
	}
	for _, r := range e.Routes {
		s := r.Form
		if r.Duration != "" {
			s += ", durée " + r.Duration
		}
		if s != "" {
			parts = append(parts, tutor.Clip(r.Name, 60)+" : "+s)
		}
	}
	if len(e.Routes) == 0 {
		if e.Form != "" {
			s := "forme ponctuelle : " + e.Form
			if e.Duration != "" {
				s += ", durée " + e.Duration
			}
			parts = append(parts, s)
		}
		if e.CCF != "" {
			parts = append(parts, "CCF : "+e.CCF)
		}
	}
	if e.Preparation != "" {
		parts = append(parts, "préparation "+e.Preparation)
	}
	return strings.Join(parts, " · ")
}
