package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// Tuning of extractive answers.
const (
	// minEvidence is the share of a question's topic (its words weighted by
	// rarity) below which the texts are said not to answer. It is low: what
	// the texts can never hold is refused by category (outside.go), and a
	// student's question is often mostly words the texts do not use.
	minEvidence = 0.2
	// Weights of what a sentence shares with the question.
	weightExpansion = 1.0 // a word the question's words stand for weighs as much as they do
	weightFocus     = 2.0 // a word a student's own expression stands for ("personnel" for "en binôme")
	weightCue       = 0.6 // a word that states what is asked ("composée" for the jury)
	weightBigram    = 0.5 // two words of the question side by side
	weightCode      = 2   // a code the question names
	// A second sentence is kept when it adds this share of the first's weight.
	secondLead = 0.45
	// Passages at most this many ranks down may give the answering sentence.
	leadDepth = 3
	// Other passages are listed when they score this close to the best.
	seeAlsoRatio = 0.75
	maxSeeAlso   = 2
	// At most this many passages are quoted in full.
	maxQuoted = 2
)

// answer answers an analysed question that is neither refused up front nor a
// comparison: facts from the model for the items it names, then the sentences
// of the passages that say what only the texts hold.
func (a *builder) answer(ctx context.Context) error {
	q := a.q
	subjects := a.e.subjects(q)
	if q.Optional {
		a.optionalList(q.Codes)
	}
	factsDone := false
	// An épreuve's card answers a question about the épreuve itself ("E4
	// NRC ?"), not one that asks something else of it ("si le professionnel
	// est absent le jour de l'E4…").
	card := !q.asksText() && len(a.e.residual(q.Norm, subjects)) == 0
	// "c'est quoi l'épreuve E4 ?": what it weighs and how it is sat, then
	// what it is for.
	whole := len(subjects) > 0 && a.e.epreuveRef(subjects[0]) && slices.Equal(q.Asks, []Attr{AttrContenu}) && len(a.e.residual(q.Norm, subjects)) == 0
	switch {
	case whole:
		factsDone = a.facts(subjects, intent{coef: true, duree: true, forme: true, competences: true})
	case len(subjects) > 0 && (q.asksModel() || card || !a.e.epreuveRef(subjects[0]) && !q.asksPart()):
		factsDone = a.facts(subjects, intentOf(q))
	}
	if factsDone && !a.e.stillAsked(q, subjects, strings.Join(a.parts, "\n")) {
		a.done()
		return nil
	}
	if factsDone {
		// The facts said what the model holds: the texts are searched for
		// the rest.
		q = q.withoutModelAttrs()
		a.q = q
		a.factsGiven = true
	}
	res, err := a.e.search(ctx, q, subjects, searchDepth)
	if err != nil {
		return err
	}
	scoped := len(subjects) > 0
	if !a.passages(res, scoped) && !factsDone {
		a.refuse("")
	}
	a.done()
	return nil
}

// optionalList names the optional épreuves of each diploma, each cited
// where the texts define it.
func (a *builder) optionalList(refs []ref) {
	for _, d := range a.q.Docs {
		var names []string
		for _, r := range refs {
			ep, ok := r.doc.Model.Epreuve(r.code)
			if r.doc != d || !ok {
				continue
			}
			names = append(names, fmt.Sprintf("%s « %s » %s", ep.Code, ep.Title, a.cite(d, definingSection(d, ep.Code, tutor.KindEpreuve))))
		}
		switch len(names) {
		case 0:
		case 1:
			a.say("Au %s, l'épreuve facultative est %s.", d.Meta.Label(), names[0])
		default:
			a.say("Au %s, les épreuves facultatives sont %s.", d.Meta.Label(), strings.Join(names, ", "))
		}
	}
}

// namesRow reports whether a timetable question names a teaching: a word of
// its topic, beyond those of time and years, that a timetable row's label
// holds ("bloc 3", "anglais"; not "légère" nor "en tout").
func (e *Engine) namesRow(q *Query) bool {
	time := map[string]bool{"heures": true, "heure": true, "horaire": true, "horaires": true, "hebdomadaire": true, "semaine": true,
		"cours": true, "annee": true, "premiere": true, "deuxieme": true, "seconde": true, "total": true, "combien": true, "volume": true,
		// Who follows the hours and how they are counted name no row.
		"annuel": true, "annuelle": true, "etudiant": true, "etudiants": true, "eleve": true, "eleves": true, "represente": true, "semaines": true}
	for _, w := range e.residual(q.Norm, nil) {
		if time[w] || hasDigit(w) {
			continue
		}
		if e.rowWords[retrieval.Stem(w)] {
			return true
		}
		for _, s := range e.norm.StandsFor(w) {
			if e.rowWords[retrieval.Stem(s)] {
				return true
			}
		}
	}
	return false
}

// isRow reports whether a passage is a row of the règlement d'examen: the
// structured model states what it holds.
func (e *Engine) isRow(s *tutor.Section) bool {
	d := e.Corpus.Doc(s.Diploma)
	if d == nil {
		return false
	}
	for _, code := range s.Defines {
		if ep, ok := d.Model.Epreuve(code); ok && ep.Lines[0] > 0 && s.Lines.Contains(ep.Lines[0]) && !s.Lines.Contains(ep.DefLines[0]) {
			return true
		}
	}
	return false
}

// materials are the things a student may ask to bring to an épreuve, by
// the student's word: how to name it, and the words of the texts that name
// it.
var materials = map[string]struct {
	name  string
	words []string
}{
	"calculatrice": {"de la calculatrice", []string{"calculatrice", "calculette", "machine a calculer"}},
	"calculette":   {"de la calculatrice", []string{"calculatrice", "calculette"}},
	"dictionnaire": {"du dictionnaire", []string{"dictionnaire"}},
	"dico":         {"du dictionnaire", []string{"dictionnaire"}},
	"telephone":    {"du téléphone", []string{"telephone", "nomade", "nomades", "portable"}},
	"tel":          {"du téléphone", []string{"telephone", "nomade", "nomades"}},
	"portable":     {"du téléphone", []string{"telephone", "nomade", "nomades", "portable"}},
	"tablette":     {"de la tablette", []string{"tablette", "nomade", "nomades"}},
	"ordinateur":   {"de l'ordinateur", []string{"ordinateur", "informatique", "nomade", "nomades"}},
	"ordi":         {"de l'ordinateur", []string{"ordinateur", "informatique", "nomade", "nomades"}},
}

// silentHere handles what a named épreuve's own text does not say: material
// it never names is refused (refused true); a passage from elsewhere is
// announced as such, and elsewhere names the épreuve.
func (a *builder) silentHere(leads []sentence, scoped bool) (elsewhere string, refused bool) {
	q := a.q
	if objects := objectsAsked(q); scoped && len(objects) > 0 && !leadsHold(leads, objects) {
		// "la calculatrice à l'E5 ?": no passage names it; "des outils"
		// is no answer.
		var names []string
		for _, o := range objects {
			names = append(names, materials[o].name)
		}
		a.refuse(fmt.Sprintf("Le texte de cette épreuve ne dit rien %s : voyez la convocation ou votre établissement.", strings.Join(names, " ni ")))
		return "", true
	}
	if scoped && (q.Asked(AttrMateriel) || q.Asked(AttrDocuments) || q.Asked(AttrJury) || q.Asked(AttrDeroulement) || q.Asked(AttrLieu)) {
		// Asked of how the épreuve itself is sat: its own text answers.
		elsewhere = a.e.elsewhere(leads[0].sec, a.e.subjects(q))
	}
	if elsewhere != "" {
		a.say("Le texte de %s n'en dit rien ; le référentiel en parle ailleurs :", elsewhere)
	}
	return elsewhere, false
}

// objectsAsked are the things a question about an épreuve's material asks
// about ("calculatrice"), as the student wrote them; none when it asks of
// material in general.
func objectsAsked(q *Query) []string {
	// Whether it may be brought is asked, not what it is used for (the
	// E22's telephone simulation).
	permission := slices.ContainsFunc([]string{"droit", "autorise", "autorisee", "autorises", "interdit", "interdite", "amener", "apporter", "ramener", "prendre", "utiliser"}, q.Norm.Has)
	if !q.Asked(AttrMateriel) || !permission {
		return nil
	}
	var out []string
	for _, w := range q.Norm.Words {
		if _, ok := materials[w]; ok && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// leadsHold reports whether a sentence of the leads names one of the
// objects, in the texts' words.
func leadsHold(leads []sentence, objects []string) bool {
	for _, l := range leads {
		text := " " + tutor.Fold(l.full) + " "
		for _, o := range objects {
			for _, w := range materials[o].words {
				if strings.Contains(text, " "+w) {
					return true
				}
			}
		}
	}
	return false
}

// elsewhere names the épreuves a question names when a passage lies
// outside their texts ("l'épreuve E3"), "" when it lies in one of them or
// the question names no épreuve.
func (e *Engine) elsewhere(s *tutor.Section, subjects []ref) string {
	var names []string
	for _, r := range subjects {
		if !e.epreuveRef(r) {
			return ""
		}
		if retrieval.Inside(s, e.spans(r)) {
			return ""
		}
		names = append(names, r.code)
	}
	if len(names) == 0 {
		return ""
	}
	return "l'épreuve " + strings.Join(names, " ni de l'épreuve ")
}

// epreuveRef reports whether an item is an épreuve (or a unit).
func (e *Engine) epreuveRef(r ref) bool {
	_, ok := r.doc.Model.Epreuve(r.code)
	return ok
}

// stillAsked reports whether a question asks something that the facts
// already stated do not hold: a word of its topic (beyond the items it
// names) that the answer does not contain.
func (e *Engine) stillAsked(q *Query, subjects []ref, said string) bool {
	have := map[string]bool{}
	for _, t := range e.Index.Terms(said) {
		have[t] = true
	}
	// The words that ask for what was stated ("combien de temps") are
	// answered by it.
	for _, at := range q.Asks {
		for _, tr := range at.def().triggers {
			for _, t := range e.Index.Terms(tr) {
				have[t] = true
			}
		}
	}
	// What the student's own expressions stand for ("elles comptent
	// pareil": a coefficient égal) is asked too.
	for _, w := range append(e.residual(q.Norm, subjects), q.Norm.Expansion...) {
		t := retrieval.Stem(w)
		if !have[t] && e.Index.IDF(t) > 0 {
			return true
		}
	}
	return q.asksText()
}

// passages answers from the ranked passages: the sentences that answer,
// each with its marker, then the passage they come from, quoted. Unless the
// question names an item (scoped), it reports false and says nothing when no
// passage holds enough of what is asked.
func (a *builder) passages(res []retrieval.Result, scoped bool) bool {
	q := a.q
	def, defined := a.e.definition(q)
	if defined {
		res = withDefinition(res, def)
	}
	if len(res) == 0 {
		return false
	}
	ask := a.e.askTerms(q, a.e.subjects(q))
	if !scoped && !defined && !a.e.answers(q, res) {
		return false
	}
	if q.Asked(AttrHoraires) {
		if a.e.namesRow(q) {
			// Hours of a teaching: its row answers, not the total.
			ask = slices.DeleteFunc(ask, func(t term) bool { return t.t == "total" })
		} else {
			// Hours asked of no teaching in particular: the total row answers.
			ask = append(ask, term{t: "total", w: 2 * a.e.Index.IDF("total")})
		}
	}
	leads := a.e.leads(res, ask, q.asksText() || a.factsGiven, formOf(q))
	if defined {
		leads = a.e.leadWithDefinition(leads, def, ask)
	}
	if len(leads) == 0 {
		return false
	}
	if q.Asked(AttrLimites) || q.YesNo {
		leads = a.e.withLimits(leads, ask)
	}
	if len(a.parts) > 0 {
		a.say("")
	}
	// What the named épreuve's own text does not say is not answered "oui"
	// or "non" from another's ("un dictionnaire à l'E3 ?": the E21 allows
	// one): the student is told where the text speaks of it.
	elsewhere, refused := a.silentHere(leads, scoped)
	if refused {
		return true
	}
	for i, l := range leads {
		d := a.e.Corpus.Doc(l.sec.Diploma)
		mark := a.cite(d, l.sec)
		prefix := ""
		if i == 0 && q.YesNo && elsewhere == "" {
			prefix = a.e.yesNo(q, l)
		}
		a.say("%sAu %s (%s) : « %s » %s", prefix, d.Meta.Label(), shortPath(l.sec), l.text, mark)
	}
	quoted := a.quotePassages(leads, res)
	var also []string
	for _, r := range res[:min(len(res), leadDepth+1)] {
		if quoted[r.Section.ID] || len(also) >= maxSeeAlso || r.Score < seeAlsoRatio*res[0].Score {
			continue
		}
		d := a.e.Corpus.Doc(r.Section.Diploma)
		also = append(also, fmt.Sprintf("%s %s", a.cite(d, r.Section), shortPath(r.Section)))
	}
	if len(also) > 0 {
		a.say("")
		a.say("Voir aussi : %s.", strings.Join(also, " ; "))
	}
	return true
}

// withLimits adds to the first lead the limits of the savoir it comes
// from, when they are written apart from it: what is taught goes with how
// far.
func (e *Engine) withLimits(leads []sentence, ask []term) []sentence {
	lims := e.limitsOf(leads[0].sec)
	if len(lims) == 0 || leadsFrom(leads, lims...) {
		return leads
	}
	// The limit of what the answer found: its words count too ("Techniques
	// d'influence positive" → "Limiter l'étude des techniques d'influence
	// positive…").
	more := append([]term(nil), ask...)
	for t := range leads[0].terms {
		if idf := e.Index.IDF(t); idf > 0 {
			more = append(more, term{t: t, w: idf / 2, cue: true})
		}
	}
	var res []retrieval.Result
	for _, lim := range lims {
		res = append(res, retrieval.Result{Section: lim, Score: 1})
	}
	if more := e.leads(res, more, false, ""); len(more) > 0 {
		leads = append(leads[:1], more[0])
	}
	return leads
}

// quotePassages quotes the passages the answer comes from: the leads', and
// the search's best when the leads come from elsewhere. It returns the
// passages quoted.
func (a *builder) quotePassages(leads []sentence, res []retrieval.Result) map[string]bool {
	var shown []*tutor.Section
	for _, l := range leads {
		shown = append(shown, l.sec)
	}
	if first := res[0].Section; !(a.q.asksText() && a.e.isRow(first)) {
		shown = append(shown, first)
	}
	quoted := map[string]bool{}
	for _, l := range leads {
		if l.text == l.full && quotesItself(l) {
			quoted[l.sec.ID] = true
		}
	}
	for _, sec := range shown {
		if quoted[sec.ID] || len(quoted) >= maxQuoted {
			continue
		}
		quoted[sec.ID] = true
		d := a.e.Corpus.Doc(sec.Diploma)
		a.say("")
		a.say("%s — %s %s :\n%s", d.Meta.Label(), sec.Path(), a.cite(d, sec), quote(sec.Text))
	}
	return quoted
}

func leadsFrom(leads []sentence, secs ...*tutor.Section) bool {
	for _, l := range leads {
		for _, s := range secs {
			if l.sec == s {
				return true
			}
		}
	}
	return false
}

// limitsOf returns the passages stating the limits of knowledge of the savoir
// a passage is about, when they are other passages; nil otherwise.
func (e *Engine) limitsOf(s *tutor.Section) []*tutor.Section {
	d := e.Corpus.Doc(s.Diploma)
	if d == nil || s.Kind != tutor.KindSavoir {
		return nil
	}
	// The most specific savoir the passage defines, else mentions.
	code := ""
	for _, list := range [][]string{s.Defines, s.Codes} {
		for _, c := range list {
			if strings.HasPrefix(c, "S") && len(c) > len(code) {
				code = c
			}
		}
		if code != "" {
			break
		}
	}
	if code == "" {
		return rowLimits(d, s)
	}
	sv, ok := d.Model.Savoir(code)
	for ok && len(sv.Limites) == 0 && sv.Parent != "" {
		sv, ok = d.Model.Savoir(sv.Parent)
	}
	if !ok || len(sv.Limites) == 0 {
		return nil
	}
	var out []*tutor.Section
	seen := map[string]bool{s.ID: true}
	for _, l := range sv.Limites {
		if lim := sectionWithinAny(d, l); lim != nil && !seen[lim.ID] {
			seen[lim.ID] = true
			out = append(out, lim)
		}
	}
	return out
}

// rowLimits are the limits of a savoir table's row without codes (the
// CCST's): the passages of the same row that state them.
func rowLimits(d *corpus.Doc, s *tutor.Section) []*tutor.Section {
	var out []*tutor.Section
	for i := range d.Sections {
		o := &d.Sections[i]
		if o.ID != s.ID && o.Lines == s.Lines && o.Path() == s.Path() && strings.Contains(o.Text, "— limites :") {
			out = append(out, o)
		}
	}
	return out
}

// shortPath is the end of a section's heading path: what it is about.
func shortPath(s *tutor.Section) string {
	b := s.Breadcrumb
	if len(b) > 2 {
		b = b[len(b)-2:]
	}
	return strings.Join(b, " › ")
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// refuse says the texts do not answer, why when it is known, and what the
// tutor can do.
func (a *builder) refuse(why string) {
	var names []string
	for _, d := range a.e.Corpus.Docs {
		names = append(names, d.Meta.Label())
	}
	if why == "" {
		why = fmt.Sprintf("Je ne trouve rien dans les référentiels (%s) qui réponde à cette question, et je préfère ne rien inventer.", strings.Join(names, ", "))
	}
	a.parts = nil
	a.reply.Citations = []tutor.Citation{}
	a.say("%s", why)
	a.say("Je peux répondre sur les compétences (« c'est quoi la C1.3 ? »), les épreuves (« coef E4 CCST », « qui est dans le jury de l'E4 NRC ? »), les savoirs et leurs limites (« jusqu'où va la TVA ? »), le stage et les horaires.")
	a.reply.Abstained = true
	a.done()
}
