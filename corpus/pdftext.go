package corpus

import (
	"regexp"
	"slices"
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
	// Under a function's conditions d'exercice: its labels are headings.
	inExercice bool
	// Timetable: the years its columns are for. Correspondence table: its
	// lines, read when it ends.
	years     [2]string
	noteRows  map[string][]int // rows carrying each footnote mark
	rowHeaded bool             // the last heading is a timetable row's label
	corrLines []rawLine
}

var (
	reRoman      = regexp.MustCompile(`^(I{1,3}|IV|V|VI)\.?((?:\d\.){0,3})\s+\S`)
	reOrdinal    = regexp.MustCompile(`^\d+°\s+\p{Lu}`) // "2° Deuxième situation d'évaluation"
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

// exerciceParts are the folded first words of the labels exerciceLabel reads.
var exerciceParts = []string{"liaisons", "autonomie", "resultats attendus"}

func (p *txtParser) heading(text string, from, to int, set func(*block)) {
	b := block{typ: bHeading, text: strings.TrimRight(clean(text), " :"), from: from, to: to}
	if set != nil {
		set(&b)
	}
	p.emit(b)
	p.inExercice = strings.HasPrefix(fold(b.text), "conditions d'exercice")
}

// exerciceLabel reads the labels of a function's conditions d'exercice that
// open the parts students ask about ("Liaisons fonctionnelles", "Autonomie",
// "Résultats attendus"), each a line of its own, as headings, so that a
// passage is found by the part it belongs to: "Liaisons" and "Autonomie"
// under the conditions d'exercice, "Résultats attendus" (a part of the
// function's own, as classify reads it) beside them. The lists of means and
// resources stay one passage.
func (p *txtParser) exerciceLabel(lines []rawLine) bool {
	first := strings.TrimSpace(lines[0].text)
	if !p.inExercice || len(lines) != 1 || len(strings.Fields(first)) > 6 || strings.HasSuffix(first, ".") ||
		!slices.ContainsFunc(exerciceParts, func(w string) bool { return strings.HasPrefix(fold(first), w) }) {
		return false
	}
	p.emit(block{typ: bHeading, text: strings.TrimRight(clean(first), " :"), from: lines[0].n, to: lines[0].n, level: 1, rel: true})
	return true
}

func semantic(level int, kind tutor.Kind) func(*block) {
	return func(b *block) { b.level, b.semantic, b.kind = level, true, kind }
}

func relative(level int) func(*block) {
	return func(b *block) { b.level, b.rel = level, true }
}
