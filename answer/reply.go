package answer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// builder assembles a reply and numbers its citations.
type builder struct {
	e     *Engine
	q     *Query
	reply tutor.Reply
	parts []string
	// factsGiven is set once facts of the model are stated: the rows of
	// the règlement they come from are not quoted again.
	factsGiven bool
}

func (e *Engine) newBuilder(q *Query) *builder {
	return &builder{e: e, q: q, reply: tutor.Reply{Question: q.Raw, Mode: ModeExtractive, Verified: true}}
}

// cite adds a passage to the citations (once) and returns its marker "[n]".
func (a *builder) cite(d *corpus.Doc, s *tutor.Section) string {
	if s == nil {
		return ""
	}
	for _, c := range a.reply.Citations {
		if c.Diploma == s.Diploma && c.Lines == s.Lines && c.Section == s.Path() && c.Text == s.Text {
			return fmt.Sprintf("[%d]", c.N)
		}
	}
	n := len(a.reply.Citations) + 1
	a.reply.Citations = append(a.reply.Citations, tutor.Citation{
		N: n, Diploma: s.Diploma, Source: s.Source, Section: s.Path(), Lines: s.Lines, Text: s.Text,
		DocTitle: d.Meta.Title, DocDate: d.Meta.Date, DocStatus: d.Meta.Status,
	})
	return fmt.Sprintf("[%d]", n)
}

func (a *builder) say(format string, args ...any) {
	a.parts = append(a.parts, fmt.Sprintf(format, args...))
}

func (a *builder) done() {
	a.reply.Answer = strings.Join(a.parts, "\n")
}

// sectionAt finds the section of d covering source line n, preferring one
// that mentions code.
func sectionAt(d *corpus.Doc, n int, code string) *tutor.Section {
	var fallback *tutor.Section
	for i := range d.Sections {
		s := &d.Sections[i]
		if !s.Lines.Contains(n) {
			continue
		}
		if code == "" || s.HasCode(code) {
			return s
		}
		if fallback == nil {
			fallback = s
		}
	}
	return fallback
}

// sectionWithin finds the first section of d inside lines whose text holds
// want (folded), or that mentions code.
func sectionWithin(d *corpus.Doc, lines tutor.Lines, want, code string) *tutor.Section {
	want = retrieval.Fold(want)
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Lines[0] < lines[0] || s.Lines[0] > lines[1] {
			continue
		}
		if want != "" && strings.Contains(retrieval.Fold(s.Text), want) {
			return s
		}
		if want == "" && code != "" && s.HasCode(code) {
			return s
		}
	}
	return nil
}

// sectionMatching finds the first section of d inside lines whose text
// satisfies ok.
func sectionMatching(d *corpus.Doc, lines tutor.Lines, ok func(string) bool) *tutor.Section {
	for i := range d.Sections {
		s := &d.Sections[i]
		if s.Lines[0] >= lines[0] && s.Lines[0] <= lines[1] && ok(s.Text) {
			return s
		}
	}
	return nil
}

// definingSection is the section that defines code, preferring the kind.
func definingSection(d *corpus.Doc, code string, kind tutor.Kind) *tutor.Section {
	var first *tutor.Section
	for i := range d.Sections {
		s := &d.Sections[i]
		if !s.DefinesCode(code) {
			continue
		}
		if s.Kind == kind {
			return s
		}
		if first == nil {
			first = s
		}
	}
	return first
}

// facts answers from the model for the codes found. It reports false when the
// model holds nothing for them, so that retrieval takes over.
func (a *builder) facts(refs []ref, in intent) bool {
	answered := false
	for i, r := range refs {
		if i >= 2 {
			break
		}
		m := r.doc.Model
		label := r.doc.Meta.Label()
		if ep, ok := m.Epreuve(r.code); ok {
			a.epreuve(r.doc, ep, in)
			answered = true
			continue
		}
		if c, ok := m.Competence(r.code); ok {
			a.competence(r.doc, c, in)
			answered = true
			continue
		}
		if s, ok := m.Savoir(r.code); ok {
			a.savoir(r.doc, s, in)
			answered = true
			continue
		}
		if s := definingSection(r.doc, r.code, ""); s != nil {
			a.say("%s — %s : %s", label, r.code, firstLine(s.Text)+" "+a.cite(r.doc, s))
			answered = true
		}
	}
	if answered {
		a.done()
	}
	return answered
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		rest := strings.TrimSpace(s[i+1:])
		if rest != "" {
			return s[:i] + " — " + shortText(strings.ReplaceAll(rest, "\n", " "), 500)
		}
		return s[:i]
	}
	return s
}

func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// epreuve states the facts asked about an épreuve.
func (a *builder) epreuve(d *corpus.Doc, ep *tutor.Epreuve, in intent) {
	label := d.Meta.Label()
	row := sectionAt(d, ep.Lines[0], ep.Code)
	if len(ep.Parts) > 0 && ep.Lines[0] == 0 {
		row = sectionAt(d, ep.Parts[0].Lines[0], "")
	}
	rowCite := a.cite(d, row)
	name := fmt.Sprintf("l'épreuve %s « %s »", ep.Code, ep.Title)
	if strings.HasPrefix(ep.Code, "U") {
		name = fmt.Sprintf("l'unité %s « %s »", ep.Code, ep.Title)
	}
	units := ""
	if len(ep.Units) > 0 && !strings.HasPrefix(ep.Code, "U") {
		units = " (unité " + strings.Join(ep.Units, ", ") + ")"
	}
	all := !in.about()
	if in.coef || all {
		switch {
		case ep.Coef != "":
			a.say("Au %s, %s%s a un coefficient de %s %s.", label, name, units, ep.Coef, rowCite)
		default:
			a.say("Au %s, %s%s est facultative : le règlement d'examen ne lui donne pas de coefficient %s.", label, name, units, rowCite)
		}
		for _, p := range ep.Parts {
			a.say("• %s « %s » : coefficient %s %s", p.Code, p.Title, p.Coef, a.cite(d, sectionAt(d, p.Lines[0], "")))
		}
	}
	if in.duree || in.forme || in.prep || all {
		a.format(d, ep, name, rowCite)
		for _, p := range ep.Parts {
			pc := a.cite(d, sectionAt(d, p.Lines[0], ""))
			a.format(d, &p, fmt.Sprintf("%s « %s »", p.Code, p.Title), pc)
		}
		if in.card {
			a.routes(ep, rowCite)
		}
	}
	if in.competences || all {
		if len(ep.Competences) > 0 {
			def := sectionWithin(d, ep.DefLines, "", ep.Competences[0])
			if def == nil && len(ep.Parts) > 0 {
				def = sectionWithin(d, ep.Parts[0].DefLines, "", ep.Competences[0])
			}
			var titles []string
			for _, c := range ep.Competences {
				if comp, ok := d.Model.Competence(c); ok {
					titles = append(titles, c+" "+comp.Title)
				} else {
					titles = append(titles, c)
				}
			}
			a.say("Compétences évaluées par %s : %s %s.", ep.Code, strings.Join(titles, " ; "), a.cite(d, def))
		} else if in.competences {
			a.say("Le %s ne rattache pas de compétence du référentiel à %s %s.", label, name, rowCite)
		}
	}
	if in.criteres {
		crit := ep.Criteres
		lines := ep.DefLines
		if len(crit) == 0 && len(ep.Parts) > 0 {
			for _, p := range ep.Parts {
				a.criteres(d, p.Code, p.Criteres, p.DefLines)
			}
			return
		}
		a.criteres(d, ep.Code, crit, lines)
	}
}

func (a *builder) criteres(d *corpus.Doc, code string, crit []string, lines tutor.Lines) {
	if len(crit) == 0 {
		a.say("Le texte ne liste pas de critères d'évaluation pour %s.", code)
		return
	}
	cite := a.cite(d, sectionWithin(d, lines, crit[0], ""))
	a.say("Critères d'évaluation de %s %s :", code, cite)
	for _, c := range crit {
		a.say("• %s", c)
	}
}

// routes lists the form and duration of an épreuve for each group of
// candidates, as the règlement d'examen's row gives them.
func (a *builder) routes(ep *tutor.Epreuve, cite string) {
	if len(ep.Routes) == 0 {
		return
	}
	a.say("Selon le statut du candidat %s :", cite)
	for _, r := range ep.Routes {
		form := r.Form
		if r.Duration != "" {
			form += ", " + spellDuration(r.Duration)
		}
		a.say("• %s : %s", r.Name, form)
	}
}

// format states how an épreuve is sat: ponctuelle form and duration, CCF.
func (a *builder) format(d *corpus.Doc, ep *tutor.Epreuve, name, cite string) {
	if ep.Form == "" && ep.CCF == "" {
		return
	}
	var s []string
	if ep.Form != "" {
		f := "en forme ponctuelle, " + name + " est une épreuve " + strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(ep.Form), "ponctuelle")))
		if ep.Duration != "" {
			f += " d'une durée de " + spellDuration(ep.Duration)
		}
		if ep.Preparation != "" {
			prepCite := ""
			if sec := sectionMatching(d, ep.DefLines, corpus.HasPreparation); sec != nil {
				prepCite = " " + a.cite(d, sec)
			}
			f += ", avec " + spellDuration(ep.Preparation) + " de préparation" + prepCite
		}
		s = append(s, f)
	}
	if ep.CCF != "" {
		ccf := strings.TrimPrefix(ep.CCF, "CCF ")
		s = append(s, "en contrôle en cours de formation (CCF) : "+ccf)
	}
	// Every figure says which diploma it is for.
	a.say("Au %s, %s %s.", d.Meta.Label(), strings.Join(s, " ; "), cite)
	a.siblings(d, ep)
}

// siblings names the other parts of the épreuve a part belongs to, with
// their form: "l'écrit de langue" is one half of E2.
func (a *builder) siblings(d *corpus.Doc, ep *tutor.Epreuve) {
	for i := range d.Model.Epreuves {
		parent := &d.Model.Epreuves[i]
		var others []string
		var first *tutor.Epreuve
		mine := false
		for j := range parent.Parts {
			p := &parent.Parts[j]
			if p.Code == ep.Code {
				mine = true
				continue
			}
			if first == nil {
				first = p
			}
			name := fmt.Sprintf("%s « %s »", p.Code, p.Title)
			if form := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(p.Form), "ponctuelle")); form != "" {
				name += " (" + form
				if p.Duration != "" {
					name += ", " + spellDuration(p.Duration)
				}
				name += ")"
			}
			others = append(others, name)
		}
		if mine && first != nil {
			a.say("%s fait partie de l'épreuve %s « %s », avec %s %s.", ep.Code, parent.Code, parent.Title, strings.Join(others, ", "),
				a.cite(d, definingSection(d, first.Code, tutor.KindEpreuve)))
			return
		}
	}
}

// competence states a compétence's title, savoir-faire and, when asked, its
// critères.
func (a *builder) competence(d *corpus.Doc, c *tutor.Competence, in intent) {
	sec := definingSection(d, c.Code, tutor.KindCompetence)
	a.say("Au %s, la compétence %s s'intitule « %s » %s.", d.Meta.Label(), c.Code, c.Title, a.cite(d, sec))
	if len(c.SavoirFaire) > 0 {
		a.say("Savoir-faire attendus :")
		for _, s := range c.SavoirFaire {
			a.say("• %s", s)
		}
	}
	var children []string
	for _, x := range d.Model.Competences {
		if x.Parent == c.Code {
			children = append(children, x.Code+" "+x.Title)
		}
	}
	if len(children) > 0 {
		a.say("Elle regroupe : %s.", strings.Join(children, " ; "))
	}
	if in.conditions && len(c.Conditions) > 0 {
		a.say("Conditions de réalisation %s :", a.cite(d, sectionWithinAny(d, c.Conditions[0])))
		for _, s := range c.Conditions {
			a.say("• %s", s)
		}
	}
	if in.criteres && len(c.Criteres) > 0 {
		cs := sectionWithinAny(d, c.Criteres[0])
		a.say("Critères d'évaluation %s :", a.cite(d, cs))
		for _, s := range c.Criteres {
			a.say("• %s", s)
		}
	}
	for _, ep := range d.Model.Epreuves {
		if slices.Contains(ep.Competences, c.Code) {
			a.say("Elle est évaluée à l'épreuve %s « %s ».", ep.Code, ep.Title)
			break
		}
	}
}

func sectionWithinAny(d *corpus.Doc, want string) *tutor.Section {
	return sectionWithin(d, tutor.Lines{0, 1 << 30}, want, "")
}

// savoir states a savoir's content and the limits of what is taught.
func (a *builder) savoir(d *corpus.Doc, s *tutor.Savoir, in intent) {
	sec := definingSection(d, s.Code, tutor.KindSavoir)
	a.say("Au %s, le savoir %s « %s » %s", d.Meta.Label(), s.Code, s.Title, a.cite(d, sec))
	if len(s.Connaissances) > 0 {
		a.say("Connaissances : %s.", strings.Join(s.Connaissances, " ; "))
	}
	lim := s.Limites
	holder := s
	for holder != nil && len(lim) == 0 && holder.Parent != "" {
		// Limits written for the parent group apply to its parts.
		p, ok := d.Model.Savoir(holder.Parent)
		if !ok {
			break
		}
		holder, lim = p, p.Limites
	}
	if len(lim) > 0 && holder.Shared {
		// The text gives these limits for several savoirs together.
		ls := sectionWithinAny(d, lim[0])
		a.say("Limites de connaissances, que le texte donne ensemble pour les savoirs de la même case du tableau %s :", a.cite(d, ls))
		for _, l := range lim {
			a.say("• %s", l)
		}
	} else if len(lim) > 0 {
		ls := sectionWithinAny(d, lim[0])
		a.say("Limites de connaissances (%s) %s :", holder.Code, a.cite(d, ls))
		for _, l := range lim {
			a.say("• %s", l)
		}
	} else if in.limites {
		a.say("Le texte ne précise pas de limites pour ce savoir.")
	}
}

// codePrefix is the kind letters of a code ("A" of "A2.3").
func codePrefix(code string) string {
	if ms := tutor.FindCodes(code, tutor.StyleCompact); len(ms) > 0 {
		return ms[0].Prefix
	}
	return strings.TrimRight(code, "0123456789.-T")
}

// numbersItsOwn reports whether some référentiel numbers items with the
// code's kind letters. One that does not ("activité 2.3" of the NRC, whose
// activities are numbered within their function) may still hold the item
// under a number of its own: the texts are searched, not the code refused.
func numbersItsOwn(code string, docs []*corpus.Doc) bool {
	prefix := codePrefix(code)
	return slices.ContainsFunc(docs, func(d *corpus.Doc) bool { return len(d.Model.Codes(prefix)) > 0 })
}

// unknownCode refuses a code that exists in none of the targets and lists
// the codes of the same kind that do.
func (a *builder) unknownCode(code string, docs []*corpus.Doc) tutor.Reply {
	prefix := codePrefix(code)
	var names []string
	for _, d := range docs {
		names = append(names, d.Meta.Label())
	}
	a.say("Le code « %s » n'existe pas dans le référentiel du %s : je ne peux pas répondre sans inventer.", code, strings.Join(names, " ni du "))
	for _, d := range docs {
		if list := d.Model.Codes(prefix); len(list) > 0 {
			a.say("Codes « %s » (%s) existants au %s : %s.", prefix, tutor.CodePrefixName(prefix), d.Meta.Label(), strings.Join(list, ", "))
		}
	}
	a.reply.Abstained = true
	a.done()
	return a.reply
}

var reDuration = regexp.MustCompile(`^(\d+)\s*(h|min)(?:\s*(\d+))?$`)

// spellDuration writes a duration of the model in words: "1 h" → "1 heure",
// "40 min" → "40 minutes", "1 h 30" → "1 heure 30". Anything else is kept.
func spellDuration(d string) string {
	m := reDuration.FindStringSubmatch(strings.TrimSpace(d))
	if m == nil {
		return d
	}
	unit := "heure"
	if m[2] == "min" {
		unit = "minute"
	}
	if m[1] != "1" {
		unit += "s"
	}
	out := m[1] + " " + unit
	if m[3] != "" {
		out += " " + m[3]
	}
	return out
}
