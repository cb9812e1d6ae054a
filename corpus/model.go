package corpus

import (
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// epDef is what an épreuve's definition says: compétences and criteria.
type epDef struct {
	competences []string
	criteres    []string
	lines       tutor.Lines
	preparation string
}

var (
	rePrepBefore = regexp.MustCompile(`(?i)\b(\d+|une|deux)\s*(h|heures?|min(?:utes)?|mn)\s+de\s+préparation`)
	rePrepAfter  = regexp.MustCompile(`(?i)préparation\s+(?:de\s+)?(\d+)\s*(h|heures?|min(?:utes)?|mn)\b`)
)

// HasPreparation reports whether a text states a preparation time.
func HasPreparation(s string) bool { return preparationIn(s) != "" }

// preparationIn finds a preparation time in a definition's sentence.
func preparationIn(s string) string {
	if !strings.Contains(strings.ToLower(s), "préparation") {
		return "" // both patterns need the word; most sentences lack it
	}
	m := rePrepBefore.FindStringSubmatch(s)
	if m == nil {
		m = rePrepAfter.FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	n := map[string]string{"une": "1", "deux": "2"}[strings.ToLower(m[1])]
	if n == "" {
		n = m[1]
	}
	if strings.HasPrefix(strings.ToLower(m[2]), "h") {
		return n + " h"
	}
	return n + " min"
}

// extractModel builds the structured référentiel from a block stream: the
// headings open compétences, savoirs, activités and épreuve definitions,
// the blocks under them fill them, then the règlement's rows are completed
// by their definitions.
func extractModel(doc tutor.Document, blocks []block) *tutor.Referentiel {
	x := &extractor{doc: doc, r: &tutor.Referentiel{Document: doc}, w: walker{style: doc.CodeStyle},
		defs: map[string]*epDef{}, unitTitles: map[string]string{}}
	for _, b := range blocks {
		switch {
		case b.typ == bHeading:
			x.heading(b)
		case b.epreuve != nil:
			x.rows = append(x.rows, b.epreuve)
		case b.typ == bRow && len(b.cells) >= 2 && b.role == roleSavoir:
			x.savoirRow(b)
		default:
			x.content(b)
		}
	}
	x.epreuves()
	return x.r
}

// extractor is the state of extractModel.
type extractor struct {
	doc        tutor.Document
	r          *tutor.Referentiel
	w          walker
	defs       map[string]*epDef // épreuve definitions, by code
	unitTitles map[string]string // a unit's title in the unit tables
	rows       []*tutor.Epreuve  // the règlement's rows
	groupStart int               // first compétence of the current group (C1, bloc 1)
}

func (x *extractor) comp(code string) *tutor.Competence {
	c, _ := x.r.Competence(code)
	return c
}

func (x *extractor) savoir(code string) *tutor.Savoir {
	s, _ := x.r.Savoir(code)
	return s
}

// ancestor is the nearest open heading of a role.
func (x *extractor) ancestor(role string) *heading {
	for i := len(x.w.stack) - 1; i >= 0; i-- {
		if x.w.stack[i].role == role {
			return &x.w.stack[i]
		}
	}
	return nil
}

// parentCode is the code of the nearest enclosing heading of a role.
func (x *extractor) parentCode(role string) string {
	parent := ""
	for _, a := range x.w.stack[:len(x.w.stack)-1] {
		if a.role == role {
			parent = a.code
		}
	}
	return parent
}

// heading opens what a heading names.
func (x *extractor) heading(b block) {
	h := x.w.push(b)
	lines := tutor.Lines{h.from, h.to}
	if h.kind == tutor.KindCompetence && h.level == 2 {
		x.groupStart = len(x.r.Competences)
	}
	switch h.role {
	case roleCompetence:
		if h.level == 2 {
			x.groupStart = len(x.r.Competences)
		}
		if x.comp(h.code) == nil {
			x.r.Competences = append(x.r.Competences, tutor.Competence{Code: h.code, Title: stripCode(h.text), Parent: x.parentCode(roleCompetence), Lines: lines})
		}
	case roleSavoir:
		title, limit := splitRunInLimit(stripCode(h.text))
		s := x.savoir(h.code)
		switch {
		case s == nil:
			sv := tutor.Savoir{Code: h.code, Title: title, Parent: x.parentCode(roleSavoir), Lines: lines}
			if limit != "" {
				sv.Limites = []string{limit}
			}
			x.r.Savoirs = append(x.r.Savoirs, sv)
		case len(s.Connaissances)+len(s.Limites) == 0:
			// A table of contents named it first: the real entry wins.
			s.Lines = lines
		}
	case roleActivite:
		// An activity numbered within its function keeps the text's own
		// number in its title ("1.2. Négociation - vente", code A1.2).
		x.r.Activites = append(x.r.Activites, tutor.Activite{Code: h.code, Title: stripCode(h.text), Lines: lines})
	case roleEpreuve:
		if x.defs[h.code] == nil {
			x.defs[h.code] = &epDef{lines: lines}
		}
	}
}

// reRunInLimit finds, in a savoir's heading, a limit the PDF's side-by-side
// columns ran into the title: an instruction in the infinitive, capitalised,
// after the title's words ("Les orientations managériales Délimiter le cadre
// décisionnel…").
var reRunInLimit = regexp.MustCompile(`^(\S+(?: \S+){1,}?) ((?:[A-ZÉ][a-zéèêàâîôû]+(?:er|ir|re))\b.{20,})$`)

// splitRunInLimit separates a savoir's title from a limit run into it.
func splitRunInLimit(title string) (string, string) {
	if m := reRunInLimit.FindStringSubmatch(title); m != nil {
		return m[1], m[2]
	}
	return title, ""
}

// savoirRow is a row of a savoirs table: title, connaissances, limites.
func (x *extractor) savoirRow(b block) {
	parent := ""
	if n := len(x.w.stack); n > 0 {
		parent = x.w.stack[n-1].text
	}
	x.r.Savoirs = append(x.r.Savoirs, tutor.Savoir{Title: b.cells[0], Parent: parent, Connaissances: splitNonEmpty(b.cells[1]), Limites: splitNonEmpty(b.cells[2]),
		Shared: b.shared, Lines: tutor.Lines{b.from, b.to}})
}

// extend makes l reach the end of b.
func extend(l *tutor.Lines, b block) {
	if b.to > l[1] {
		l[1] = b.to
	}
}

// content files a paragraph, item or row under the heading it belongs to.
func (x *extractor) content(b block) {
	if b.typ == bRow && len(b.cells) >= 2 {
		if u := tutor.CanonicalCode(strings.Fields(b.cells[0] + " x")[0], x.doc.CodeStyle); strings.HasPrefix(u, "U") && b.cells[1] != "" {
			x.unitTitles[u] = b.cells[1]
		}
	}
	role, idx := x.w.role()
	if idx < 0 {
		return
	}
	top := x.w.stack[idx]
	switch role {
	case roleCompetence:
		if c := x.comp(top.code); c != nil && (b.typ == bItem || x.doc.CodeStyle == tutor.StyleDotted) {
			c.SavoirFaire = append(c.SavoirFaire, b.text)
			extend(&c.Lines, b)
		}
	case roleConditions:
		if g := x.ancestor(roleCompetence); g != nil {
			if c := x.comp(g.code); c != nil {
				c.Conditions = append(c.Conditions, b.text)
			}
		}
	case roleCriteres:
		x.criteria(b)
	case roleSavoir:
		if s := x.savoir(top.code); s != nil && b.typ == bItem {
			s.Connaissances = append(s.Connaissances, b.text)
			extend(&s.Lines, b)
		}
	case roleLimites:
		x.limits(b, top)
	case roleActivite:
		x.task(b)
	case roleContenu:
		x.evaluated(b)
	}
	if ep := x.ancestor(roleEpreuve); ep != nil {
		d := x.defs[ep.code]
		extend(&d.lines, b)
		if d.preparation == "" && !strings.Contains(fold(b.text), "sans preparation") {
			d.preparation = preparationIn(b.text)
		}
	}
}

// criteria go to the épreuve defined above, else to the compétences of the
// current group.
func (x *extractor) criteria(b block) {
	if ep := x.ancestor(roleEpreuve); ep != nil {
		if b.typ == bItem {
			x.defs[ep.code].criteres = append(x.defs[ep.code].criteres, b.text)
		}
		return
	}
	for i := x.groupStart; i < len(x.r.Competences); i++ {
		x.r.Competences[i].Criteres = append(x.r.Competences[i].Criteres, b.text)
	}
}

// limits go to the savoir they follow.
func (x *extractor) limits(b block, top heading) {
	code := top.parent
	if code == "" {
		if a := x.ancestor(roleSavoir); a != nil {
			code = a.code
		}
	}
	if s := x.savoir(code); s != nil {
		s.Limites = append(s.Limites, b.text)
		extend(&s.Lines, b)
	}
}

// task adds a task to the current activité: an item, or in the CCST text a
// line written "A1.1.T1. Analyse …".
func (x *extractor) task(b block) {
	a := &x.r.Activites[len(x.r.Activites)-1]
	if x.doc.CodeStyle == tutor.StyleDotted {
		ms := tutor.FindCodes(b.text, x.doc.CodeStyle)
		if len(ms) == 0 || ms[0].Start != 0 || !strings.Contains(ms[0].Canonical, "T") {
			return
		}
	} else if b.typ != bItem {
		return
	}
	a.Tasks = append(a.Tasks, b.text)
	extend(&a.Lines, b)
}

// evaluated notes the compétences an épreuve's content names.
func (x *extractor) evaluated(b block) {
	ep := x.ancestor(roleEpreuve)
	if ep == nil {
		return
	}
	d := x.defs[ep.code]
	for _, m := range tutor.FindCodes(b.text, x.doc.CodeStyle) {
		if m.Prefix == "C" && !slices.Contains(d.competences, m.Canonical) {
			d.competences = append(d.competences, m.Canonical)
		}
	}
}

// epreuves are the règlement's rows, completed by their definitions; an
// épreuve in parts (E6: U61, U62) gathers its parts' compétences and units.
func (x *extractor) epreuves() {
	for _, e := range x.rows {
		ep := *e
		x.fill(&ep)
		ep.Parts = append([]tutor.Epreuve(nil), e.Parts...)
		for i := range ep.Parts {
			x.fill(&ep.Parts[i])
			for _, c := range ep.Parts[i].Competences {
				if !slices.Contains(ep.Competences, c) {
					ep.Competences = append(ep.Competences, c)
				}
			}
			if !slices.Contains(ep.Units, ep.Parts[i].Units[0]) {
				ep.Units = append(ep.Units, ep.Parts[i].Units...)
			}
		}
		x.r.Epreuves = append(x.r.Epreuves, ep)
	}
}

// fill completes a règlement row with its definition and its unit's title.
func (x *extractor) fill(e *tutor.Epreuve) {
	if d := x.defs[e.Code]; d != nil {
		e.Competences, e.Criteres, e.DefLines = d.competences, d.criteres, d.lines
		if e.Preparation == "" && e.Form != "" && !strings.Contains(fold(e.Form), "ecrite") {
			e.Preparation = d.preparation
		}
	}
	if e.Title == "" && len(e.Units) > 0 {
		e.Title = x.unitTitles[e.Units[0]]
	}
	if e.Title == "" {
		e.Title = x.unitTitles[e.Code]
	}
}

var reCodePrefix = regexp.MustCompile(`^\S+\s*[-–:.]?\s*`)

// stripCode removes the leading code from a heading: "C 31 - Intégrer" → "Intégrer".
func stripCode(s string) string {
	ms := tutor.FindCodes(s, tutor.StyleDotted)
	if len(ms) == 0 || ms[0].Start != 0 {
		return s
	}
	rest := strings.TrimSpace(s[ms[0].End:])
	rest = strings.TrimLeft(rest, "-–:. ")
	if rest == "" {
		return s
	}
	return rest
}

func splitNonEmpty(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
