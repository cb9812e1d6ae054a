package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
)

// parsePDFText reads a référentiel whose text was extracted from a PDF (the NRC
// text): no markup, page numbers alone on a line, wrapped lines ending with a
// space, and two-column tables whose columns come one after the other.
// It recovers the structure from the text's own conventions and returns the
// block stream.
func parsePDFText(src, style string) []block {
	p := &txtParser{style: style, pendingTitle: -1}
	for _, para := range paragraphs(src) {
		p.para(para)
	}
	p.flushReglement()
	p.flushCorrespondence()
	return p.blocks
}

type rawLine struct {
	n    int
	text string
}

// paragraphs groups non-blank lines, dropping page numbers and normalising
// bullets.
func paragraphs(src string) [][]rawLine {
	var out [][]rawLine
	var cur []rawLine
	wrapped := false // a list item cut by a blank line may go on after it
	for i, l := range strings.Split(src, "\n") {
		l = strings.ReplaceAll(l, "\uf0b7", "•")
		l = strings.ReplaceAll(l, "\uf0a7", "•")
		l = strings.ReplaceAll(l, "\uf0e5", "•")
		l = strings.TrimRight(l, "\r")
		t := strings.TrimSpace(l)
		if t == "" || rePageNum.MatchString(t) {
			if n := len(cur); n > 0 && strings.HasSuffix(cur[n-1].text, " ") && startsItem(cur[n-1].text) {
				wrapped = true
				continue
			}
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if wrapped {
			// The item goes on only with a line that ends like the list's
			// items do, and is neither an item nor a code nor a new page.
			wrapped = false
			if startsItem(t) || strings.HasPrefix(l, " ") || len(tutor.FindCodes(t, tutor.StyleCompact)) > 0 && tutor.FindCodes(t, tutor.StyleCompact)[0].Start == 0 || !strings.ContainsAny(t[len(t)-1:], ",;.") {
				out = append(out, cur)
				cur = nil
			}
		}
		// A line starting with a space opens a new PDF page: it starts a new
		// paragraph even without a blank line before it.
		if strings.HasPrefix(l, " ") && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		// Keep the trailing space: it marks a wrapped line.
		cur = append(cur, rawLine{i + 1, strings.TrimLeft(l, " ")})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

var rePageNum = regexp.MustCompile(`^\d{1,3}$`)

// logical joins wrapped lines: a line ending with a space, or followed by one
// starting in lower case, continues on the next.
type logicalLine struct {
	text     string
	from, to int
}

func logicalLines(lines []rawLine) []logicalLine {
	var out []logicalLine
	for i, l := range lines {
		t := l.text
		if i > 0 && len(out) > 0 {
			prev := lines[i-1].text
			first, _ := utf8.DecodeRuneInString(strings.TrimSpace(t))
			if !startsItem(t) && (strings.HasSuffix(prev, " ") || unicode.IsLower(first)) {
				out[len(out)-1].text += " " + t
				out[len(out)-1].to = l.n
				continue
			}
		}
		out = append(out, logicalLine{t, l.n, l.n})
	}
	for i := range out {
		out[i].text = clean(out[i].text)
	}
	return out
}

func startsItem(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "•") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "-  ") || s == "-"
}

func itemText(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "•")
	s = strings.TrimPrefix(s, "-")
	return strings.TrimSpace(s)
}

type txtMode int

const (
	modeNormal txtMode = iota
	modeCompetence
	modeSavoir
	modeReglement
	modeTimetable
	modeCorrespondence
)

type txtParser struct {
	style  string
	blocks []block
	mode   txtMode
	// Compétence tables.
	compPhase int // 0 intro, 1 conditions, 2 savoir-faire, 3 critères
	// Savoir tables.
	savLevels  []string // codes seen since the last limites, for their common parent
	inLimites  bool
	lastColon  bool
	savHeading []string
	// Règlement d'examen.
	reglHeader []string
	reglRow    []logicalLine
	// A heading whose title is the next paragraph ("FONCTION 2" / "PRODUCTION…").
	pendingTitle int
	// Timetable: the years its columns are for. Correspondence table: its
	// lines, read when it ends.
	years     [2]string
	noteRows  map[string][]int // rows carrying each footnote mark
	corrLines []rawLine
}

var (
	reRoman      = regexp.MustCompile(`^(I{1,3}|IV|V|VI)\.?((?:\d\.){0,3})\s+\S`)
	reNumbered   = regexp.MustCompile(`^(\d)\.((?:\d\.?){0,2})\s+([A-ZÉÈÀ].*)$`)
	reCompGroup  = regexp.MustCompile(`^C\d\.\s`)
	reSavGroup   = regexp.MustCompile(`^S\d\s+[A-ZÉ]{2,}`)
	reSavLine    = regexp.MustCompile(`^S\s?\d{2,3}(?:\.\d)?\b`)
	reCompLine   = regexp.MustCompile(`^C\s?\d{2,3}\b`)
	reEpDef      = regexp.MustCompile(`^(E\d|EF\d)\s*[-–]?\s*[A-ZÉ]{3,}`)
	reFormeHead  = regexp.MustCompile(`^[AB]\.?\s?(Forme|Contrôle)`)
	reBulletHead = regexp.MustCompile(`^•\s*(Finalités|Contenu|Critères|Mode d)`)
	reSubHeads   = regexp.MustCompile(`^(Composition de la commission|Déroulement de l.épreuve|Documents d.information|CONDITIONS D.EXERCICE)`)
	reUnitHead   = regexp.MustCompile(`^U\d\.?\s+[A-ZÉ]`)
	reUpperLine  = regexp.MustCompile(`^[\p{Lu}’' \-–:]{12,}$`)
)

func (p *txtParser) emit(b block) { p.blocks = append(p.blocks, b) }

func (p *txtParser) heading(text string, from, to int, set func(*block)) {
	b := block{typ: bHeading, text: strings.TrimRight(clean(text), " :"), from: from, to: to}
	if set != nil {
		set(&b)
	}
	p.emit(b)
}

func semantic(level int, kind tutor.Kind) func(*block) {
	return func(b *block) { b.level, b.semantic, b.kind = level, true, kind }
}

func relative(level int) func(*block) {
	return func(b *block) { b.level, b.rel = level, true }
}

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

	// Major headings end any table mode.
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
		return
	case p.mode == modeReglement:
		p.reglementPara(lines)
		return
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
		return
	case p.mode == modeCorrespondence:
		p.correspondencePara(lines)
		return
	case strings.HasPrefix(first, "RÉFÉRENTIEL DES ACTIVITÉS"):
		p.heading(first, from, from, nil)
		return
	case strings.HasPrefix(first, "FONCTION ") && len(lines) >= 1:
		p.mode = modeNormal
		p.heading(joined, from, to, nil)
		if len(lines) == 1 {
			p.pendingTitle = len(p.blocks) - 1
		}
		return
	case reCompGroup.MatchString(first):
		p.mode, p.compPhase = modeCompetence, 0
		p.heading(lines[0].text, from, from, nil)
		if len(lines) > 1 {
			p.textPara(lines[1:])
		}
		return
	case strings.HasPrefix(first, "Tableau de correspondance"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindCompetence))
		p.textPara(lines[1:])
		return
	case first == "SAVOIRS ASSOCIÉS":
		p.mode = modeNormal
		p.heading("Savoirs associés", from, from, semantic(1, tutor.KindSavoir))
		return
	case reSavGroup.MatchString(first):
		p.mode, p.inLimites, p.savLevels = modeSavoir, false, nil
		p.heading(first, from, from, nil)
		if len(lines) > 1 {
			p.savoirPara(lines[1:])
		}
		return
	case strings.HasPrefix(first, "UNITÉS CONSTITUTIVES"), strings.HasPrefix(first, "UNITÉS COMMUNES"), strings.HasPrefix(first, "TABLEAU CROISÉ"):
		p.mode = modeNormal
		kind := tutor.KindEpreuve
		if strings.HasPrefix(first, "TABLEAU") {
			kind = tutor.KindSavoir
		}
		p.heading(first, from, from, semantic(1, kind))
		return
	case strings.HasPrefix(first, "STAGE"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindStage))
		return
	case strings.HasPrefix(first, "PROJETS COMMERCIAUX"):
		p.mode = modeNormal
		p.heading(first, from, from, semantic(2, tutor.KindStage))
		return
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
