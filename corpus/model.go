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

// extractModel builds the structured référentiel from a block stream.
func extractModel(doc tutor.Document, blocks []block) *tutor.Referentiel {
	r := &tutor.Referentiel{Document: doc}
	w := walker{style: doc.CodeStyle}
	defs := map[string]*epDef{}
	unitTitles := map[string]string{}
	var rows []*tutor.Epreuve
	groupStart := 0 // first compétence of the current group (C1, bloc 1)

	comp := func(code string) *tutor.Competence {
		c, _ := r.Competence(code)
		return c
	}
	savoir := func(code string) *tutor.Savoir {
		s, _ := r.Savoir(code)
		return s
	}
	ancestor := func(role string) *heading {
		for i := len(w.stack) - 1; i >= 0; i-- {
			if w.stack[i].role == role {
				return &w.stack[i]
			}
		}
		return nil
	}

	for _, b := range blocks {
		if b.typ == bHeading {
			h := w.push(b)
			switch {
			case h.kind == tutor.KindCompetence && h.level == 2:
				groupStart = len(r.Competences)
			}
			switch h.role {
			case roleCompetence:
				parent := ""
				for _, a := range w.stack[:len(w.stack)-1] {
					if a.role == roleCompetence {
						parent = a.code
					}
				}
				if h.level == 2 {
					groupStart = len(r.Competences)
				}
				if comp(h.code) == nil {
					r.Competences = append(r.Competences, tutor.Competence{Code: h.code, Title: stripCode(h.text), Parent: parent, Lines: tutor.Lines{h.from, h.to}})
				}
			case roleSavoir:
				parent := ""
				for _, a := range w.stack[:len(w.stack)-1] {
					if a.role == roleSavoir {
						parent = a.code
					}
				}
				if s := savoir(h.code); s != nil && len(s.Connaissances)+len(s.Limites) == 0 {
					// A table of contents named it first: the real entry wins.
					s.Lines = tutor.Lines{h.from, h.to}
				} else if s == nil {
					r.Savoirs = append(r.Savoirs, tutor.Savoir{Code: h.code, Title: stripCode(h.text), Parent: parent, Lines: tutor.Lines{h.from, h.to}})
				}
			case roleActivite:
				r.Activites = append(r.Activites, tutor.Activite{Code: h.code, Title: stripCode(h.text), Lines: tutor.Lines{h.from, h.to}})
			case roleEpreuve:
				if defs[h.code] == nil {
					defs[h.code] = &epDef{lines: tutor.Lines{h.from, h.to}}
				}
			}
			continue
		}
		if b.epreuve != nil {
			rows = append(rows, b.epreuve)
			continue
		}
		if b.typ == bRow && len(b.cells) >= 2 && b.role == roleSavoir {
			parent := ""
			if n := len(w.stack); n > 0 {
				parent = w.stack[n-1].text
			}
			r.Savoirs = append(r.Savoirs, tutor.Savoir{Title: b.cells[0], Parent: parent, Connaissances: splitNonEmpty(b.cells[1]), Limites: splitNonEmpty(b.cells[2]), Lines: tutor.Lines{b.from, b.to}})
			continue
		}
		if b.typ == bRow && len(b.cells) >= 2 {
			if u := tutor.CanonicalCode(strings.Fields(b.cells[0] + " x")[0], doc.CodeStyle); strings.HasPrefix(u, "U") && b.cells[1] != "" {
				unitTitles[u] = b.cells[1]
			}
		}
		role, idx := w.role()
		if idx < 0 {
			continue
		}
		top := w.stack[idx]
		extend := func(l *tutor.Lines) {
			if b.to > l[1] {
				l[1] = b.to
			}
		}
		switch role {
		case roleCompetence:
			if c := comp(top.code); c != nil && (b.typ == bItem || doc.CodeStyle == tutor.StyleDotted) {
				c.SavoirFaire = append(c.SavoirFaire, b.text)
				extend(&c.Lines)
			}
		case roleConditions:
			if g := ancestor(roleCompetence); g != nil {
				if c := comp(g.code); c != nil {
					c.Conditions = append(c.Conditions, b.text)
				}
			}
		case roleCriteres:
			if ep := ancestor(roleEpreuve); ep != nil {
				if b.typ == bItem {
					defs[ep.code].criteres = append(defs[ep.code].criteres, b.text)
				}
				break
			}
			for i := groupStart; i < len(r.Competences); i++ {
				r.Competences[i].Criteres = append(r.Competences[i].Criteres, b.text)
			}
		case roleSavoir:
			if s := savoir(top.code); s != nil && b.typ == bItem {
				s.Connaissances = append(s.Connaissances, b.text)
				extend(&s.Lines)
			}
		case roleLimites:
			code := top.parent
			if code == "" {
				if a := ancestor(roleSavoir); a != nil {
					code = a.code
				}
			}
			if s := savoir(code); s != nil {
				s.Limites = append(s.Limites, b.text)
				extend(&s.Lines)
			}
		case roleActivite:
			a := &r.Activites[len(r.Activites)-1]
			text := b.text
			if doc.CodeStyle == tutor.StyleDotted {
				// CCST tasks are written "A1.1.T1. Analyse …".
				ms := tutor.FindCodes(text, doc.CodeStyle)
				if len(ms) == 0 || ms[0].Start != 0 || !strings.Contains(ms[0].Canonical, "T") {
					break
				}
			} else if b.typ != bItem {
				break
			}
			a.Tasks = append(a.Tasks, text)
			extend(&a.Lines)
		case roleContenu, roleEpreuve:
			if ep := ancestor(roleEpreuve); ep != nil && role == roleContenu {
				d := defs[ep.code]
				for _, m := range tutor.FindCodes(b.text, doc.CodeStyle) {
					if m.Prefix == "C" && !slices.Contains(d.competences, m.Canonical) {
						d.competences = append(d.competences, m.Canonical)
					}
				}
			}
		}
		if ep := ancestor(roleEpreuve); ep != nil {
			d := defs[ep.code]
			extend(&d.lines)
			if d.preparation == "" && !strings.Contains(fold(b.text), "sans preparation") {
				d.preparation = preparationIn(b.text)
			}
		}
	}

	// Épreuves: the règlement's rows, completed by their definitions.
	for _, e := range rows {
		ep := *e
		fill := func(x *tutor.Epreuve) {
			if d := defs[x.Code]; d != nil {
				x.Competences, x.Criteres, x.DefLines = d.competences, d.criteres, d.lines
				if x.Preparation == "" && x.Form != "" && !strings.Contains(fold(x.Form), "ecrite") {
					x.Preparation = d.preparation
				}
			}
			if x.Title == "" && len(x.Units) > 0 {
				x.Title = unitTitles[x.Units[0]]
			}
			if x.Title == "" {
				x.Title = unitTitles[x.Code]
			}
		}
		fill(&ep)
		ep.Parts = append([]tutor.Epreuve(nil), e.Parts...)
		for i := range ep.Parts {
			fill(&ep.Parts[i])
			for _, c := range ep.Parts[i].Competences {
				if !slices.Contains(ep.Competences, c) {
					ep.Competences = append(ep.Competences, c)
				}
			}
			if !slices.Contains(ep.Units, ep.Parts[i].Units[0]) {
				ep.Units = append(ep.Units, ep.Parts[i].Units...)
			}
		}
		r.Epreuves = append(r.Epreuves, ep)
	}
	return r
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
