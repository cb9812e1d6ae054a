package answer

import (
	"regexp"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// Query is one question, analysed once and passed down to retrieval and to
// the answer: what it says once normalised, which référentiels and codes it
// is about, what it asks, and whether it is something the texts can never
// answer.
type Query struct {
	// Optional is set when the question asks which the optional épreuves
	// are: they are its codes.
	Optional bool
	// Raw is the question as typed, trimmed.
	Raw string
	// Norm is the question rewritten in the texts' words.
	Norm retrieval.Normal
	// Docs are the référentiels the question is about: those it names, else
	// the default given, else all.
	Docs []*corpus.Doc
	// Named is set when the question itself names its référentiels: they
	// win over any default.
	Named bool
	// Compare is set when the question asks about several diplomas side by
	// side ("en NRC et en CCST", "dans chaque BTS").
	Compare bool
	// Codes are the codes written in the question, resolved in Docs;
	// Missing are those found in none.
	Codes   []ref
	Missing []string
	// Titles are the épreuves the question names by their title.
	Titles []ref
	// Asks is what the question asks; Dropped what its words only seemed to
	// ask ("le jury" in "sur quels critères le jury note-t-il").
	Asks, Dropped []Attr
	// YesNo is set for a closed question ("est-ce que…", "on a le droit…?");
	// Negative when it is asked in the negative ("on fera pas de…, c'est vrai ?").
	YesNo, Negative bool
	// Outside names what the texts can never hold that the question asks
	// ("statistiques", "salaires"…); Why explains it to the student.
	Outside, Why string
	// Injection is set when the question tries to change the tutor's rules.
	Injection bool
}

// Asked reports whether the question asks for the attribute.
func (q *Query) Asked(a Attr) bool { return slices.Contains(q.Asks, a) }

// asksModel reports whether the question asks for anything the structured
// model holds; asksText whether it asks for anything only the texts hold.
func (q *Query) asksModel() bool {
	for _, a := range q.Asks {
		if q.model(a) {
			return true
		}
	}
	return false
}

func (q *Query) asksText() bool {
	for _, a := range q.Asks {
		if !q.model(a) {
			return true
		}
	}
	return false
}

// model reports whether the structured model answers an attribute of this
// question: its durations and preparations are the ponctuelle form's, so a
// question about the CCF finds them in the texts.
func (q *Query) model(a Attr) bool {
	if (a == AttrDuree || a == AttrPreparation) && formOf(q) == formCCF {
		return false
	}
	return a.Model()
}

// aboutItself reports whether the items a question names are what it asks
// about ("le jury de l'E4"), not the context of what it asks ("une dispense
// de l'unité 6 et le stage", "les unités U1 et U3 sont communes à quels BTS").
func (q *Query) aboutItself() bool {
	for _, a := range []Attr{AttrStage, AttrConditions, AttrHoraires, AttrMetiers} {
		if q.Asked(a) {
			return false
		}
	}
	return true
}

// optionalEpreuves are the optional épreuves of the question's diplomas
// when it asks which they are ("il y a quelles épreuves facultatives ?"):
// each is then named, and stated from the model.
func optionalEpreuves(q *Query) []ref {
	if !q.Norm.Has("facultatives") && !q.Norm.Has("facultatifs") && !q.Norm.Has("options facultatives") {
		return nil
	}
	var out []ref
	for _, d := range q.Docs {
		for ep := range d.Model.AllEpreuves() {
			if ep.Optional {
				out = append(out, ref{d, ep.Code})
			}
		}
	}
	return out
}

// asksPart reports whether the question asks for a part of a function's or
// a pôle's description ("l'autonomie en F2"), or which of the items it names
// holds something ("la veille, c'est en F1, F2 ou F3 ?"): the codes name
// where to look, the headings or the words what to find.
func (q *Query) asksPart() bool {
	return slices.ContainsFunc(q.Asks, func(a Attr) bool {
		return a == AttrResultats || a == AttrAutonomie || a == AttrLiaisons || a == AttrExercice || a == AttrCompetenceOf || a == AttrFonctionOf
	})
}

// asksRow reports whether what the question asks, if anything, is in the
// règlement d'examen's row (coefficient, duration, form, situations), the
// passage that defines the épreuve's code.
func (q *Query) asksRow() bool {
	for _, a := range q.Asks {
		switch a {
		case AttrCoef, AttrDuree, AttrForme, AttrSituations:
		default:
			return false
		}
	}
	return true
}

// withoutModelAttrs is the question without what the structured model
// answers, once its facts are stated.
func (q *Query) withoutModelAttrs() *Query {
	sub := *q
	sub.Asks = nil
	for _, a := range q.Asks {
		if !q.model(a) {
			sub.Asks = append(sub.Asks, a)
		}
	}
	return &sub
}

// Analyze reads a question once. diploma is the default référentiel ("" for
// all); a diploma the question names wins over it. Bad input gives the errors
// of Validate and ResolveDiploma.
func (e *Engine) Analyze(question, diploma string) (*Query, error) {
	if err := Validate(question); err != nil {
		return nil, err
	}
	diploma, err := e.ResolveDiploma(diploma)
	if err != nil {
		return nil, err
	}
	raw := strings.TrimSpace(question)
	codesText := codeWords(raw)
	q := &Query{Raw: raw, Norm: e.norm.Normalize(blankCodes(codesText))}
	q.Docs, q.Named = e.docsFor(q.Norm, diploma)
	q.Compare = q.Named && len(q.Docs) > 1
	if !q.Named && len(q.Docs) > 1 && (q.Norm.Has("chaque bts") || q.Norm.Has("les deux bts") || q.Norm.Has("deux diplomes") || q.Norm.Has("les deux")) {
		q.Compare = true
	}
	q.Codes, q.Missing = e.resolveCodes(codesText, q.Docs)
	q.Asks, q.Dropped = attrsIn(q.Norm)
	q.YesNo, q.Negative = closedQuestion(q.Norm)
	q.Injection = injection(raw, q.Norm)
	other, otherWords := e.otherDiploma(q.Norm)
	switch {
	case q.Injection:
	case other != "" && !(q.Asked(AttrConditions) && (len(q.Codes) > 0 || q.Norm.Has("dispense") || q.Norm.Has("dispenses"))) && !(e.namedBeside(q.Norm, otherWords) && !asksRelation(q.Norm) && !asksDifference(q.Norm)):
		// "en NRC on voit quelles marges ? mon pote en MCO dit…": the
		// question names the diploma it asks about; the other is context,
		// unless how they relate is asked ("remplacé par le NDRC en quelle
		// année ?").
		// "j'ai validé une unité en BTS GPME, je peux être dispensé de l'U3 ?"
		// asks about this diploma's unit: the texts answer. "ce qui change
		// entre le NRC et le NDRC" asks what only the other's texts hold.
		q.Outside = "autre diplôme"
		q.Why = e.otherDiplomaWhy(other)
	case namedPlace(q.Norm) != "":
		q.Outside = "lieux"
		q.Why = "Les référentiels valent pour toute la France : ils ne disent rien d'une académie, d'une ville ou d'un établissement en particulier."
	case e.unknownYear(raw, q.Norm, q.Docs) != "":
		q.Outside = "dates"
		q.Why = "Les référentiels ne disent rien de la session " + e.unknownYear(raw, q.Norm, q.Docs) + " : les dates des épreuves sont publiées pour chaque session (voyez votre établissement ou le site de votre académie)."
	default:
		for _, o := range outsideTable {
			if o.name == "poursuite d'études" && asksDispense(q.Norm) {
				// "j'ai un DUT, je peux être dispensé de l'U3 ?": the
				// diploma held is context, the dispense is in the texts.
				continue
			}
			if o.asks(q.Norm) {
				q.Outside, q.Why = o.name, o.why
				if o.name == "réforme" {
					// What the tutor knows of the texts' status is said.
					for _, d := range q.Docs {
						if d.Meta.Status != "" {
							q.Why += " À titre d'information : " + d.Meta.Status
						}
					}
				}
				break
			}
		}
	}
	if len(q.Codes) == 0 {
		q.Codes = optionalEpreuves(q)
		q.Optional = len(q.Codes) > 0
	}
	// "combien d'heures de droit par semaine": a subject's hours, not the
	// épreuve titled with its name.
	if len(q.Codes) == 0 && aboutEpreuve(q) && !slices.Contains(q.Asks, AttrHoraires) {
		q.Titles = e.epreuvesByTitle(q.Norm, q.Docs)
	}
	q.settleAsks()
	return q, nil
}

// asksDispense reports whether a question asks for a dispense or an
// equivalence, which the texts grant.
func asksDispense(n retrieval.Normal) bool {
	for _, w := range []string{"dispense", "dispenses", "dispensee", "dispensees", "equivalence", "equivalences"} {
		if n.Has(w) {
			return true
		}
	}
	return false
}

// settleAsks sets aside what a question's words only seemed to ask once
// its subject is known: the steps of a project are no épreuve's
// déroulement, who supervises the stage is no commission, hours of a
// teaching are no duration.
func (q *Query) settleAsks() {
	// "les étapes d'une démarche de projet": the steps of what the
	// question names, not how an épreuve goes, when it names none.
	if q.Asked(AttrDeroulement) && !namesEpreuve(q) && !q.Norm.Has("deroulement") && !q.Norm.Has("deroule") {
		q.Asks = removeAttr(q.Asks, AttrDeroulement)
		q.Dropped = append(q.Dropped, AttrDeroulement)
	}
	// "quels profs suivent nos stages ?": who supervises the stage, not
	// an épreuve's commission, when the question names no épreuve.
	if q.Asked(AttrJury) && q.Asked(AttrStage) && !namesEpreuve(q) {
		q.Asks = removeAttr(q.Asks, AttrJury)
	}
	// "combien d'heures de bloc 4" and "combien de temps on passe sur le
	// bloc 3 en 1re année" ask a timetable; "combien d'heures dure l'E5" a
	// duration.
	// A subject named by an épreuve's title ("développement de la
	// clientèle") is also a line of the timetable when a year is named.
	// "le stage est compté dans mes heures de formation ?" is the stage's.
	if q.Asked(AttrDuree) && !q.Asked(AttrHoraires) && !q.Asked(AttrStage) && asksHours(q.Norm) &&
		!q.Norm.Has("dure") && !q.Norm.Has("duree") && (!namesEpreuve(q) || namesYear(q.Norm) && !namesEpreuveExplicitly(q)) {
		q.Asks = append(removeAttr(q.Asks, AttrDuree), AttrHoraires)
	}
}

// hasExamWord reports whether a question holds a word of the exam: "une
// action ponctuelle" is an action, not the form of an épreuve.
func hasExamWord(n retrieval.Normal, w string) bool {
	if strings.HasPrefix(w, "ponctuel") && (n.Has("action ponctuelle") || n.Has("actions ponctuelles")) {
		return false
	}
	// "la communication orale", "l'expression écrite": a savoir, not the
	// oral or the written paper of an épreuve.
	if strings.HasPrefix(w, "oral") || strings.HasPrefix(w, "ecrit") {
		text := n.Text()
		for _, skill := range []string{"communication ", "expression ", "com "} {
			text = strings.ReplaceAll(text, " "+skill+w+" ", " ")
		}
		return strings.Contains(text, " "+w+" ")
	}
	return n.Has(w)
}

// asksHours reports whether a question counts hours of teaching: hours, or
// a time per week or per year of the course.
func asksHours(n retrieval.Normal) bool {
	return n.Has("heures") || n.Has("heure") || n.Has("par semaine") || namesYear(n)
}

// namesYear reports whether a question names a year of the course.
func namesYear(n retrieval.Normal) bool {
	for _, w := range []string{"premiere annee", "deuxieme annee", "seconde annee", "2e annee", "1re annee"} {
		if n.Has(w) {
			return true
		}
	}
	return false
}

// aboutEpreuve reports whether a question is about an épreuve: it says so
// ("l'épreuve de", "l'oral de", "l'écrit de") or asks what only an épreuve
// has (a coefficient, a jury, a duration).
func aboutEpreuve(q *Query) bool {
	for _, w := range []string{"epreuve", "epreuves", "oral", "orale", "ecrit", "ecrite", "examen", "ccf", "ponctuelle"} {
		if hasExamWord(q.Norm, w) {
			return true
		}
	}
	for _, a := range []Attr{AttrCoef, AttrDuree, AttrPreparation, AttrForme, AttrSituations, AttrCompetences, AttrCriteres, AttrDocuments, AttrMateriel, AttrJury, AttrDeroulement, AttrLieu} {
		if q.Asked(a) {
			return true
		}
	}
	return false
}

// namesEpreuve reports whether a question names an épreuve or a unit, by its
// code or as an exam ("l'oral", "l'écrit", "l'épreuve").
func namesEpreuve(q *Query) bool {
	return namesEpreuveExplicitly(q) || len(q.Titles) > 0
}

// namesEpreuveExplicitly reports whether a question names an épreuve by its
// code or says it is about one ("l'épreuve", "l'oral", "le CCF").
func namesEpreuveExplicitly(q *Query) bool {
	for _, r := range q.Codes {
		if _, ok := r.doc.Model.Epreuve(r.code); ok {
			return true
		}
	}
	for _, w := range []string{"epreuve", "epreuves", "oral", "ecrit", "examen", "ccf", "ponctuelle"} {
		if hasExamWord(q.Norm, w) {
			return true
		}
	}
	return false
}

// diplomaLabel names another diploma by its code: "BTS MCO", "BUT TC".
func diplomaLabel(code string) string {
	switch {
	case strings.HasPrefix(code, "BUT "):
		return code
	case code == "BAC PRO":
		return "bac pro"
	}
	return "BTS " + code
}

// otherDiplomaWhy explains that a diploma is not loaded, with what the loaded
// texts say of their own status (the NRC replaced by the NDRC).
func (e *Engine) otherDiplomaWhy(code string) string {
	var names []string
	for _, d := range e.Corpus.Docs {
		names = append(names, d.Meta.Label())
	}
	why := "Je ne connais que les référentiels du " + strings.Join(names, " et du ") + " : je ne peux rien dire du " + diplomaLabel(code) + " sans inventer."
	for _, d := range e.Corpus.Docs {
		if strings.Contains(tutor.Fold(d.Meta.Status), strings.ToLower(code)) {
			why += " " + d.Meta.Status
		}
	}
	return why + " Un enseignant peut ajouter un référentiel avec « tutor ingest »."
}

// docsFor returns the référentiels a question names, else the default, else
// all; named tells whether the question named them.
func (e *Engine) docsFor(n retrieval.Normal, diploma string) ([]*corpus.Doc, bool) {
	var named []*corpus.Doc
	for _, d := range e.Corpus.Docs {
		for _, name := range diplomaNames(d.Meta) {
			if n.Has(name) {
				named = append(named, d)
				break
			}
		}
	}
	if len(named) > 0 {
		return named, true
	}
	if diploma != "" {
		return []*corpus.Doc{e.Corpus.Doc(diploma)}, false
	}
	return e.Corpus.Docs, false
}

// diplomaNames are the ways students name a diploma in a question, folded.
func diplomaNames(m tutor.Document) []string {
	names := []string{strings.ToLower(m.Diploma)}
	title := strings.Join(retrieval.Tokens(m.Title), " ")
	title = strings.TrimPrefix(title, "bts ")
	names = append(names, title)
	// Without its small words: "negociation relation client".
	var content []string
	for _, w := range strings.Fields(title) {
		if len(w) > 3 {
			content = append(content, w)
		}
	}
	if c := strings.Join(content, " "); c != title && len(content) > 1 {
		names = append(names, c)
	}
	for _, a := range m.Aliases {
		names = append(names, strings.Join(retrieval.Tokens(a), " "))
	}
	return names
}

// closedQuestion tells a yes/no question, and one asked in the negative.
func closedQuestion(n retrieval.Normal) (yes, negative bool) {
	w := n.Words
	if len(w) == 0 {
		return false, false
	}
	open := map[string]bool{"quoi": true, "quel": true, "quelle": true, "quels": true, "quelles": true, "combien": true, "comment": true, "pourquoi": true, "quand": true, "qui": true, "lequel": true, "laquelle": true, "lesquels": true, "lesquelles": true}
	for i, x := range w {
		if x == "quand" && i+1 < len(w) && w[i+1] == "meme" {
			continue // "quand même": anyway
		}
		if open[x] {
			return false, false
		}
	}
	if n.Has("ou") && (n.Has("passe ou") || n.Has("ou se")) {
		return false, false
	}
	for _, p := range []string{"est ce que", "est ce qu", "c est vrai", "est il", "est elle", "sont ils", "sont elles", "peut on", "doit on", "faut il", "a t on", "y a t il", "on peut", "on doit", "je peux", "je dois", "il faut", "on a le droit", "j ai le droit", "on a droit", "a droit au", "a droit a", "autorise", "autorisee", "au programme", "c est possible", "c est obligatoire", "obligatoire", "possible"} {
		if n.Has(p) {
			yes = true
			break
		}
	}
	for _, x := range w {
		if x == "pas" || x == "jamais" || x == "aucun" || x == "aucune" {
			negative = true
		}
	}
	return yes, negative
}

// Question codes may be written with a word before a number: "compétence
// 2-1", "l'unité 6", "épreuve 4", "savoir 42".
var codeWordRes = []struct {
	re     *regexp.Regexp
	prefix string
}{
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])comp[ée]tences?\s*(?:n\s*°?|no|num[ée]ro)?\s*(\d(?:\s*[.\-]\s*\d){1,2}|\d{1,3})\b`), "C"},
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])unit[ée]s?\s*(?:n\s*°?|no)?\s*(\d{1,2})\b`), "U"},
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])sous[\s-]?[ée]preuves?\s*(?:E\s*)?(\d{2})\b`), "E"},
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])[ée]preuves?\s*(?:n\s*°?|no)?\s*(\d{1,2})\b`), "E"},
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])savoirs?\s*(?:S\s*)?(\d{2,3}(?:[.\-]\d)?)\b`), "S"},
	{regexp.MustCompile(`(?i)(^|[^\pL\pN])activit[ée]s?\s*(\d[.\-]\d)\b`), "A"},
}

var reBlocDeCompetences = regexp.MustCompile(`(?i)(^|[^\pL\pN])blocs?\s+de\s+comp[ée]tences?\s*(?:n\s*°?|no)?\s*(\d)\b`)

// codeWords rewrites the codes a question names with a word ("compétence
// 2-1") as codes ("C2-1"), leaving the rest unchanged.
func codeWords(q string) string {
	// "le bloc de compétences 3" is the bloc 3, not a compétence.
	q = reBlocDeCompetences.ReplaceAllString(q, "${1}bloc $2")
	// "C2/4" is typed for C2.4 (C2-4 in the text).
	q = reCodeSlash.ReplaceAllString(q, "$1.$2")
	for _, c := range codeWordRes {
		q = c.re.ReplaceAllString(q, "${1}"+c.prefix+"$2")
	}
	return q
}

// reCodeSlash finds a code whose parts a slash separates.
var reCodeSlash = regexp.MustCompile(`(?i)\b([acs]\s?\d{1,2})\s?/\s?(\d{1,2})\b`)

// questionCodes are the codes a question writes: "c 16 semaines" is "c'est
// 16 semaines", not a compétence C16.
func questionCodes(q string) []tutor.CodeMatch {
	ms := tutor.FindCodes(q, tutor.StyleCompact)
	return slices.DeleteFunc(ms, func(m tutor.CodeMatch) bool {
		// "supérieures a 10": a lone "a" before a plain number is the
		// preposition à typed without its accent, not the activité A10.
		if strings.HasPrefix(m.Raw, "a ") && !strings.ContainsAny(m.Raw, ".-") {
			return true
		}
		return (strings.HasPrefix(m.Raw, "c ") || strings.HasPrefix(m.Raw, "C ")) && reUnitAfter.MatchString(q[m.End:])
	})
}

// reUnitAfter finds a unit just after a number: what a number counts.
var reUnitAfter = regexp.MustCompile(`(?i)^\s*(?:semaines?|sems?\b|heures?|h\b|min(?:utes?)?\b|jours?|mois|ans?\b|années?|annees?|pages?|%|euros?|€|fois\b)`)

// blankCodes removes the codes of a question so that normalisation does
// not read "c 13" as "c'est 13".
func blankCodes(q string) string {
	b := []byte(q)
	for _, m := range questionCodes(q) {
		for i := m.Start; i < m.End; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}
