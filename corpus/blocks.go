package corpus

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// Every format parser turns a text into a stream of blocks: headings, and the
// paragraphs, list items and table rows under them. The chunker and the model
// extractor both walk that stream, so the two always agree on structure.

type blockType int

const (
	bHeading blockType = iota
	bPara
	bItem
	bRow
)

// Roles tell the model extractor what a heading introduces.
const (
	roleNone        = ""
	roleCompetence  = "competence"
	roleCriteres    = "criteres"
	roleConditions  = "conditions"
	roleSavoir      = "savoir"
	roleLimites     = "limites"
	roleEpreuve     = "epreuve"
	roleContenu     = "contenu"
	roleActivite    = "activite"
	roleSavoirTable = "savoir-table"
	roleExercice    = "exercice"
)

type block struct {
	typ   blockType
	level int    // headings: raw level from the format (markdown #, numbering depth)
	text  string // display text
	from  int    // 1-based source lines
	to    int
	// Headings only, set by classify when not given by the parser.
	code     string
	kind     tutor.Kind
	role     string
	semantic bool // level is absolute (annexe, épreuve, code heading…)
	rel      bool // level counts from the deepest semantic heading
	parent   string
	// Rows only.
	cells []string
	// Rows of a règlement d'examen, parsed by the format parser.
	epreuve *tutor.Epreuve
	// A row that carries its column headers: a passage of its own.
	alone bool
	// A savoirs row listing several savoirs: its limits are theirs, in an
	// order the text does not state.
	shared bool
}

type heading struct {
	block
	parentKind tutor.Kind
}

// walker maintains the heading stack over a block stream.
type walker struct {
	style string
	stack []heading
}

// push classifies a heading block and places it on the stack.
func (w *walker) push(b block) heading {
	classify(&b, w.style, w.stack)
	if b.parent != "" {
		// Placed under a given ancestor (NRC limites after several savoirs).
		for _, h := range w.stack {
			if h.code == b.parent {
				b.level, b.semantic = h.level+1, true
			}
		}
	}
	if !b.semantic {
		deepest := 0
		for _, h := range w.stack {
			if h.semantic {
				deepest = h.level
			}
		}
		switch {
		case b.rel:
			b.level += deepest
		case b.level <= deepest:
			b.level = deepest + 1
		}
	}
	for len(w.stack) > 0 && w.stack[len(w.stack)-1].level >= b.level {
		w.stack = w.stack[:len(w.stack)-1]
	}
	h := heading{block: b}
	if b.kind == "" {
		h.kind = w.kind()
	}
	w.stack = append(w.stack, h)
	return h
}

// kind is the kind of the innermost heading that has one.
func (w *walker) kind() tutor.Kind {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].kind != "" {
			return w.stack[i].kind
		}
	}
	return tutor.KindGeneral
}

// innermostCode is the code of the innermost heading that defines one.
func (w *walker) innermostCode() (string, int) {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].code != "" {
			return w.stack[i].code, i
		}
	}
	return "", -1
}

// role is the role of the innermost heading that has one, and its index.
func (w *walker) role() (string, int) {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].role != "" {
			return w.stack[i].role, i
		}
	}
	return "", -1
}

func (w *walker) inside(role string) bool {
	for _, h := range w.stack {
		if h.role == role {
			return true
		}
	}
	return false
}

var (
	reAnnexe     = regexp.MustCompile(`(?i)^annexe\s+[ivx]+\b`)
	reEpreuve    = regexp.MustCompile(`^(?:(?:ÉPREUVE FACULTATIVE|Épreuve facultative)\s+)?(EF\d|E\d{1,2})\b`)
	reSousEp     = regexp.MustCompile(`^Sous-épreuve\s+(E\d{2})\b`)
	reUnitPart   = regexp.MustCompile(`^(U6\d)\b`)
	reActivite   = regexp.MustCompile(`^(A\d\.\d)\s`)
	reBloc       = regexp.MustCompile(`(?i)^blocs? de compétences`)
	rePole       = regexp.MustCompile(`(?i)^p[ôo]le d.activit[ée]s`)
	reCompCode   = regexp.MustCompile(`^C\s?\d(?:[.\-]?\d){0,2}\b`)
	reSavoirCode = regexp.MustCompile(`^S\s?\d{1,3}(?:\.\d)?\b`)
	reFonction   = regexp.MustCompile(`^(?i:fonction)\s+(\d)`)
	reNumPrefix  = regexp.MustCompile(`^(?:\d+(?:\.\d+)*\.?|[ab]\.|•)\s*`)
)

// classify sets a heading's semantic level, code, kind and role from its title.
func classify(b *block, style string, stack []heading) {
	t := b.text
	ft := reNumPrefix.ReplaceAllString(fold(t), "")
	code := func() string {
		if ms := tutor.FindCodes(t, style); len(ms) > 0 && ms[0].Start == 0 {
			return ms[0].Canonical
		}
		return ""
	}
	set := func(level int, kind tutor.Kind, role string) {
		b.level, b.semantic = level, true
		if kind != "" {
			b.kind = kind
		}
		if role != "" {
			b.role = role
		}
	}
	inSavoirs := slices.ContainsFunc(stack, func(h heading) bool { return h.role == roleSavoirTable })
	formSibling(b, ft, stack)
	switch {
	case b.semantic:
		// The parser knew better.
	case reAnnexe.MatchString(t) || strings.HasPrefix(ft, "referentiel des activites professionnelles"):
		set(1, annexeKind(ft), "")
	case strings.HasPrefix(ft, "savoirs et limites") || ft == "savoirs associes":
		set(2, tutor.KindSavoir, roleSavoirTable)
	case reSousEp.MatchString(t):
		b.code = reSousEp.FindStringSubmatch(t)[1]
		set(3, tutor.KindEpreuve, roleEpreuve)
	case reEpreuve.MatchString(t) && !strings.Contains(ft, "coefficient"):
		b.code = reEpreuve.FindStringSubmatch(t)[1]
		set(2, tutor.KindEpreuve, roleEpreuve)
	case reUnitPart.MatchString(t):
		b.code = reUnitPart.FindStringSubmatch(t)[1]
		set(3, tutor.KindEpreuve, roleEpreuve)
	case rePole.MatchString(t):
		set(2, tutor.KindActivite, "")
	case reFonction.MatchString(t):
		b.code = "F" + reFonction.FindStringSubmatch(t)[1]
		set(2, tutor.KindActivite, roleActivite)
	case reActivite.MatchString(t), fonctionPart(t, stack) != "":
		// "A1.1 …" (CCST), or an activity the NRC numbers within its
		// function ("2.3 …" under FONCTION 2): activité A2.3.
		b.code = cmp.Or(fonctionPart(t, stack), code())
		set(3, tutor.KindActivite, roleActivite)
	case reBloc.MatchString(t):
		if inSavoirs {
			set(3, tutor.KindSavoir, "")
		} else {
			set(2, tutor.KindCompetence, "")
		}
	case reCompCode.MatchString(t) && !strings.Contains(ft, "savoirs associes"):
		b.code = code()
		set(1+competenceDepth(b.code, style), tutor.KindCompetence, roleCompetence)
	case reSavoirCode.MatchString(t) && style == tutor.StyleCompact:
		b.code = code()
		set(1+digitsOf(b.code), tutor.KindSavoir, roleSavoir)
	case (strings.HasPrefix(ft, "criteres d") || strings.HasPrefix(ft, "conditions de realisation") || strings.HasPrefix(ft, "savoirs associes au bloc")) && inKind(stack, tutor.KindCompetence):
		b.role = map[bool]string{true: roleConditions, false: roleCriteres}[strings.HasPrefix(ft, "conditions")]
		if strings.HasPrefix(ft, "savoirs") {
			b.role = ""
			b.kind = tutor.KindSavoir
		}
		set(3, "", b.role)
	case strings.HasPrefix(ft, "conditions d'exercice") || strings.HasPrefix(ft, "autonomie et responsabilite") || strings.HasPrefix(ft, "resultats attendus"):
		set(3, tutor.KindActivite, roleExercice)
	case strings.Contains(ft, "criteres d"):
		b.role = roleCriteres
	case strings.HasPrefix(ft, "limite"):
		b.role = roleLimites
	case ft == "contenu" || strings.HasPrefix(ft, "contenu "):
		b.role = roleContenu
	}
	if b.kind == "" {
		b.kind = kindOfTitle(ft)
	}
}

// reFonctionPart is an activity numbered within its function: "2.3 Title".
var reFonctionPart = regexp.MustCompile(`^(\d)\.(\d)\.?\s+`)

// fonctionPart is the activity code of a heading numbered within the
// function it stands under ("2.3 …" under FONCTION 2: A2.3), "" if none.
func fonctionPart(t string, stack []heading) string {
	m := reFonctionPart.FindStringSubmatch(t)
	if m == nil || len(stack) == 0 {
		return ""
	}
	// Under the function, or after a sibling activity of it.
	if top := stack[len(stack)-1].code; top != "F"+m[1] && !strings.HasPrefix(top, "A"+m[1]+".") {
		return ""
	}
	return "A" + m[1] + "." + m[2]
}

// digitsOf counts a code's digits: S42 → 2.
func digitsOf(code string) int { return strings.Count(strings.Map(keepDigits, code), "") - 1 }

// competenceDepth is a compétence's depth: C1 → 1, C11/C1.1 → 2, C211 → 3;
// one more in the CCST text, whose compétences sit under a bloc heading.
func competenceDepth(code, style string) int {
	depth := digitsOf(code)
	if style == tutor.StyleDotted {
		depth++
	}
	return depth
}

// formSibling makes "Forme ponctuelle" and "Contrôle en cours de formation",
// two ways of sitting one épreuve, siblings whatever levels the source gives
// them.
func formSibling(b *block, ft string, stack []heading) {
	if !isFormHeading(ft) {
		return
	}
	for _, h := range stack {
		if isFormHeading(reNumPrefix.ReplaceAllString(fold(h.text), "")) {
			b.level, b.semantic = h.level, true
			return
		}
	}
}

// kindOfTitle is the kind a folded heading's words give, "" when none.
func kindOfTitle(ft string) tutor.Kind {
	switch {
	case strings.Contains(ft, "correspondance") || strings.Contains(ft, "dispense"):
		return tutor.KindReglement
	case strings.Contains(ft, "stage"):
		return tutor.KindStage
	case strings.Contains(ft, "horaire"):
		return tutor.KindHoraire
	}
	return ""
}

// isFormHeading reports whether a folded heading names a way of sitting an
// épreuve.
func isFormHeading(ft string) bool {
	ft = strings.TrimLeft(ft, "ab. ")
	return strings.HasPrefix(ft, "forme ponctuelle") || strings.HasPrefix(ft, "controle en cours de formation") || strings.HasPrefix(ft, "epreuve ponctuelle")
}

func inKind(stack []heading, k tutor.Kind) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind != "" {
			return stack[i].kind == k
		}
	}
	return false
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func annexeKind(ft string) tutor.Kind {
	switch {
	case strings.Contains(ft, "activites"):
		return tutor.KindActivite
	case strings.Contains(ft, "competences"):
		return tutor.KindCompetence
	case strings.Contains(ft, "dispense"), strings.Contains(ft, "correspondance"):
		return tutor.KindReglement
	case strings.Contains(ft, "reglement"), strings.Contains(ft, "epreuve"), strings.Contains(ft, "evaluation"), strings.Contains(ft, "unites"):
		return tutor.KindEpreuve
	case strings.Contains(ft, "horaire"), strings.Contains(ft, "grille"):
		return tutor.KindHoraire
	case strings.Contains(ft, "stage"), strings.Contains(ft, "professionnalite"):
		return tutor.KindStage
	case strings.Contains(ft, "formation"):
		return tutor.KindHoraire
	}
	return tutor.KindGeneral
}
