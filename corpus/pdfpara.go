package corpus

// The PDF text's paragraphs by mode: plain text, compétence tables, savoir tables.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
)

func (p *txtParser) para(lines []rawLine) {
	first := strings.TrimSpace(lines[0].text)
	from, to := lines[0].n, lines[len(lines)-1].n
	joined := clean(joinRaw(lines))
	if i := p.pendingTitle; i >= 0 {
		p.pendingTitle = -1
		if len(lines) == 1 && reUpperLine.MatchString(first) {
			p.blocks[i].text += " " + clean(first)
			p.blocks[i].to = from
			return
		}
	}
	if p.tableHeading(lines, first, joined, from, to) || p.sectionHeading(lines, first, joined, from, to) {
		return
	}
	switch p.mode {
	case modeCompetence:
		p.competencePara(lines)
	case modeSavoir:
		p.savoirPara(lines)
	case modeTimetable:
		p.timetablePara(lines)
	default:
		p.normalPara(lines)
	}
}

// tableHeading reads the annexes, which end any table mode, and the tables
// of the règlement and of the correspondences; false for other paragraphs.
func (p *txtParser) tableHeading(lines []rawLine, first, joined string, from, to int) bool {
	switch {
	case strings.HasPrefix(first, "ANNEXE"):
		p.flushReglement()
		p.flushCorrespondence()
		p.mode = modeNormal
		title := first
		if len(lines) > 1 && reUpperLine.MatchString(strings.TrimSpace(lines[1].text)) || strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1].text), "(") {
			title = joined
		}
		p.heading(title, from, to, nil)
		switch ft := fold(joined); {
		case strings.Contains(fold(first), "reglement d"):
			p.mode = modeReglement
			p.reglHeader = nil
		case strings.Contains(ft, "horaire"):
			p.mode = modeTimetable
		case strings.Contains(ft, "correspondance"):
			p.mode = modeCorrespondence
		}
		return true
	case p.mode == modeReglement:
		p.reglementPara(lines)
		return true
	case strings.HasPrefix(first, "TABLEAU DE CORRESPONDANCE"):
		// Between the épreuves of an older diploma and this one's.
		p.flushCorrespondence()
		p.mode = modeCorrespondence
		var title []rawLine
		for i, l := range lines {
			if i > 0 && strings.HasPrefix(strings.TrimSpace(l.text), "Brevet") {
				p.correspondencePara(lines[i:])
				break
			}
			title = append(title, l)
		}
		p.heading("Tableau de correspondance", from, from, relative(1))
		p.emit(block{typ: bPara, text: clean(joinRaw(title)), from: from, to: title[len(title)-1].n})
		return true
	case p.mode == modeCorrespondence:
		p.correspondencePara(lines)
		return true
	}
	return false
}

// sectionHeading reads the headings that open the référentiel's parts
// (functions, compétence and savoir groups, units, stage, épreuve
// definitions); false for other paragraphs.
func (p *txtParser) sectionHeading(lines []rawLine, first, joined string, from, to int) bool {
	switch {
	case strings.HasPrefix(first, "RÉFÉRENTIEL DES ACTIVITÉS"):
		p.heading(first, from, from, nil)
		return true
	case strings.HasPrefix(first, "FONCTION ") && len(lines) >= 1:
		p.mode = modeNormal
		p.heading(joined, from, to, nil)
		if len(lines) == 1 {
			p.pendingTitle = len(p.blocks) - 1
		}
		return true
	case reCompGroup.MatchString(first):
		p.mode, p.compPhase = modeCompetence, 0
		p.heading(lines[0].text, from, from, nil)
		if len(lines) > 1 {
			p.textPara(lines[1:])
		}
		return true
	case strings.HasPrefix(first, "Tableau de correspondance"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindCompetence))
		p.textPara(lines[1:])
		return true
	case first == "SAVOIRS ASSOCIÉS":
		p.mode = modeNormal
		p.heading("Savoirs associés", from, from, semantic(1, tutor.KindSavoir))
		return true
	case reSavGroup.MatchString(first):
		p.mode, p.inLimites, p.savLevels = modeSavoir, false, nil
		p.heading(first, from, from, nil)
		if len(lines) > 1 {
			p.savoirPara(lines[1:])
		}
		return true
	case strings.HasPrefix(first, "UNITÉS CONSTITUTIVES"), strings.HasPrefix(first, "UNITÉS COMMUNES"), strings.HasPrefix(first, "TABLEAU CROISÉ"):
		p.mode = modeNormal
		kind := tutor.KindEpreuve
		if strings.HasPrefix(first, "TABLEAU") {
			kind = tutor.KindSavoir
		}
		p.heading(first, from, from, semantic(1, kind))
		return true
	case strings.HasPrefix(first, "STAGE"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindStage))
		return true
	case strings.HasPrefix(first, "PROJETS COMMERCIAUX"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindStage))
		return true
	case reEpDef.MatchString(first):
		p.mode = modeNormal
		title := first
		if len(lines) > 1 && strings.HasPrefix(strings.TrimSpace(lines[1].text), "(") {
			title += " " + strings.TrimSpace(lines[1].text)
			lines = lines[1:]
		}
		p.heading(title, from, lines[0].n, nil)
		if len(lines) > 1 {
			p.textPara(lines[1:])
		}
		return true
	}
	return false
}

func joinRaw(lines []rawLine) string {
	var parts []string
	for _, l := range lines {
		parts = append(parts, l.text)
	}
	return strings.Join(parts, " ")
}

// normalPara detects sub-headings, then emits the rest as text.
func (p *txtParser) normalPara(lines []rawLine) {
	first := strings.TrimSpace(lines[0].text)
	n := lines[0].n
	short := utf8.RuneCountInString(first) <= 90 && !strings.HasSuffix(first, ".")
	if p.exerciceLabel(lines) {
		return
	}
	switch {
	case reRoman.MatchString(first) && short:
		m := reRoman.FindStringSubmatch(first)
		p.heading(first, n, n, func(b *block) { b.level = 2 + strings.Count(m[2], ".") })
	case reNumbered.MatchString(first) && short:
		m := reNumbered.FindStringSubmatch(first)
		depth := 1
		if m[2] != "" {
			depth = 2
		}
		p.heading(first, n, n, relative(depth))
	case reOrdinal.MatchString(first) && short:
		// "2° Deuxième situation d'évaluation (durée indicative 2 heures) :"
		// heads its situation, under the form of the évaluation.
		p.heading(strings.TrimRight(first, " :;"), n, n, relative(3))
	case reFormeHead.MatchString(first) && short, reBulletHead.MatchString(first):
		p.heading(strings.TrimLeft(first, "• "), n, n, relative(1))
	case reSubHeads.MatchString(first):
		p.heading(first, n, n, relative(2))
	case reUnitHead.MatchString(first):
		title := joinRaw(lines)
		if len(lines) > 2 {
			title = joinRaw(lines[:2])
		}
		p.heading(title, n, lines[0].n, semantic(2, tutor.KindEpreuve))
		if len(lines) > 2 {
			p.textPara(lines[2:])
		}
		return
	default:
		p.textPara(lines)
		return
	}
	if len(lines) > 1 {
		p.textPara(lines[1:])
	}
}

// textPara emits logical lines as items (bulleted) or paragraphs.
func (p *txtParser) textPara(lines []rawLine) {
	for _, ll := range logicalLines(lines) {
		if ll.text == "" || ll.text == "•" {
			continue
		}
		typ := bPara
		text := ll.text
		if startsItem(text) {
			typ, text = bItem, itemText(text)
		}
		if r, _ := utf8.DecodeRuneInString(text); typ == bPara && unicode.IsLower(r) && len(p.blocks) > 0 {
			// The end of a sentence or an item cut by a page break or a
			// blank line: it goes back to its beginning.
			if last := &p.blocks[len(p.blocks)-1]; last.typ == bItem || last.typ == bPara {
				last.text += " " + text
				last.to = ll.to
				continue
			}
		}
		p.emit(block{typ: typ, text: text, from: ll.from, to: ll.to})
	}
}

// competencePara recovers the three columns of an NRC compétence table:
// conditions de réalisation, savoir-faire (codes and bullets), critères.
func (p *txtParser) competencePara(lines []rawLine) {
	first := strings.TrimSpace(lines[0].text)
	ff := fold(first)
	switch {
	case strings.HasPrefix(ff, "conditions de realisation"):
		p.compPhase = 1
		p.heading("Conditions de réalisation", lines[0].n, lines[0].n, nil)
		return
	case strings.HasPrefix(ff, "savoir") && strings.Contains(ff, "faire"), strings.HasPrefix(ff, "criteres d") && p.compPhase == 1:
		return // column headers
	case strings.HasPrefix(ff, "(on ") || strings.HasPrefix(ff, "(etre"):
		return
	}
	if p.compPhase == 0 {
		p.textPara(lines)
		return
	}
	// A code starts the savoir-faire column; bullets and lower-case
	// continuations stay in it; the first other paragraph starts the critères.
	for _, ll := range logicalLines(lines) {
		t := ll.text
		if t == "" || t == "•" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case reCompLine.MatchString(t) && p.compPhase <= 2:
			p.compPhase = 2
			p.heading(t, ll.from, ll.to, nil)
		case p.compPhase == 2 && (startsItem(t) || unicode.IsLower(r)):
			if !startsItem(t) && len(p.blocks) > 0 && p.blocks[len(p.blocks)-1].typ == bItem {
				last := &p.blocks[len(p.blocks)-1]
				last.text += " " + t
				last.to = ll.to
				continue
			}
			p.emit(block{typ: bItem, text: itemText(t), from: ll.from, to: ll.to})
		case p.compPhase == 1:
			p.emit(block{typ: bItem, text: t, from: ll.from, to: ll.to})
		default:
			if p.compPhase == 2 {
				p.compPhase = 3
				p.heading("Critères d'évaluation", ll.from, ll.from, nil)
			}
			p.emit(block{typ: bItem, text: itemText(t), from: ll.from, to: ll.to})
		}
	}
}

// savoirPara recovers the two columns of an NRC savoirs table: connaissances
// (codes and bulleted items) then limites de connaissances (sentences). Limits
// that follow several savoirs go to their common parent.
func (p *txtParser) savoirPara(lines []rawLine) {
	for _, ll := range logicalLines(lines) {
		t := ll.text
		if t == "" || t == "•" {
			continue
		}
		ft := fold(t)
		if strings.HasPrefix(ft, "connaissances limite") {
			continue
		}
		if len(p.savLevels) == 0 && !reSavLine.MatchString(t) {
			// Prose savoirs (français, langues) have no table.
			p.textPara([]rawLine{{ll.from, t}})
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsLower(r) && len(p.blocks) > 0 && p.blocks[len(p.blocks)-1].typ == bItem {
			// The end of an item cut by a page break or a blank line.
			last := &p.blocks[len(p.blocks)-1]
			last.text += " " + t
			last.to = ll.to
			continue
		}
		switch {
		case reSavLine.MatchString(t):
			code := tutor.CanonicalCode(reSavLine.FindString(t), p.style)
			if p.inLimites {
				p.savLevels = nil
			}
			p.inLimites = false
			p.savLevels = append(p.savLevels, code)
			p.heading(t, ll.from, ll.to, nil)
		case startsItem(t) && !(p.inLimites && p.lastColon):
			p.inLimites = false
			p.emit(block{typ: bItem, text: itemText(t), from: ll.from, to: ll.to})
		default:
			if !p.inLimites && !startsItem(t) {
				p.inLimites = true
				parent := commonParent(p.savLevels)
				p.heading("Limites de connaissances", ll.from, ll.from, func(b *block) {
					b.role = roleLimites
					b.parent = parent
				})
			}
			p.emit(block{typ: bItem, text: itemText(t), from: ll.from, to: ll.to})
			p.lastColon = strings.HasSuffix(t, ":")
		}
	}
}

// commonParent is the longest common prefix of codes, as a code: S421, S425 → S42.
func commonParent(codes []string) string {
	if len(codes) == 0 {
		return ""
	}
	prefix := codes[0]
	for _, c := range codes[1:] {
		for !strings.HasPrefix(c, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	if len(prefix) < 2 {
		return ""
	}
	return prefix
}
