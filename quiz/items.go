package quiz

// The items of each kind, built from the référentiel model.

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

func (w *builder) competences() {
	var codes, titles []string
	for _, c := range w.m.Competences {
		codes = append(codes, c.Code)
		titles = append(titles, c.Title)
	}
	for _, c := range w.m.Competences {
		// Distractors of the same level: siblings first.
		var sibCodes, sibTitles []string
		for _, o := range w.m.Competences {
			if o.Code != c.Code && (o.Parent == c.Parent || len(o.Code) == len(c.Code)) {
				sibCodes = append(sibCodes, o.Code)
				sibTitles = append(sibTitles, o.Title)
			}
		}
		w.add(KindCodeTitle, c.Code,
			fmt.Sprintf("BTS %s : quel est l'intitulé de la compétence %s ?", w.doc.Meta.Diploma, c.Code),
			c.Title, sibTitles,
			fmt.Sprintf("%s : « %s ».", c.Code, c.Title), c.Lines, c.Title)
		w.add(KindTitleCode, c.Code,
			fmt.Sprintf("BTS %s : quel est le code de la compétence « %s » ?", w.doc.Meta.Diploma, c.Title),
			c.Code, sibCodes,
			fmt.Sprintf("« %s » est la compétence %s.", c.Title, c.Code), c.Lines, c.Title)
	}
	_ = codes
	_ = titles
}

// flatEpreuves lists the épreuves and their parts.
func flatEpreuves(list []tutor.Epreuve) []*tutor.Epreuve {
	var out []*tutor.Epreuve
	for i := range list {
		out = append(out, &list[i])
		out = append(out, flatEpreuves(list[i].Parts)...)
	}
	return out
}

// Forms of épreuves, to draw distractors when a diploma has few.
var extraForms = []string{"Orale", "Écrite", "Pratique", "Écrite et orale"}

// Durations to complete the distractors.
var extraDurations = []string{"20 min", "30 min", "40 min", "1 h", "2 h", "3 h", "4 h", "5 h"}

func (w *builder) epreuves() {
	eps := flatEpreuves(w.m.Epreuves)
	var coefs, durations, forms []string
	for _, e := range eps {
		coefs = appendNew(coefs, e.Coef)
		durations = appendNew(durations, e.Duration)
		forms = appendNew(forms, kindOfForm(e.Form))
	}
	for _, x := range []string{"1", "2", "3", "4", "5", "6"} {
		coefs = appendNew(coefs, x)
	}
	for _, x := range extraDurations {
		durations = appendNew(durations, x)
	}
	for _, x := range extraForms {
		forms = appendNew(forms, x)
	}
	dip := w.doc.Meta.Diploma
	evaluated := map[string]bool{}
	for _, e := range eps {
		name := fmt.Sprintf("%s « %s »", e.Code, e.Title)
		if e.Coef != "" {
			w.add(KindCoef, e.Code, fmt.Sprintf("BTS %s : quel est le coefficient de l'épreuve %s ?", dip, name),
				e.Coef, near(coefs, e.Coef), fmt.Sprintf("L'épreuve %s a un coefficient de %s.", e.Code, e.Coef), e.Lines, e.Coef)
		}
		if e.Coef != "" {
			w.addTyped(KindCoefTyped, e.Code, fmt.Sprintf("BTS %s : quel est le coefficient de l'épreuve %s ? Tapez-le (par exemple « 2 » ou « 1,5 »).", dip, name),
				e.Coef, fmt.Sprintf("L'épreuve %s a un coefficient de %s.", e.Code, e.Coef), e.Lines, e.Coef)
		}
		if e.Duration != "" && e.Form != "" {
			w.addTyped(KindDurTyped, e.Code, fmt.Sprintf("BTS %s : combien de temps dure l'épreuve %s en forme ponctuelle ? Tapez la durée (par exemple « 2 h » ou « 40 min »).", dip, name),
				e.Duration, fmt.Sprintf("En forme ponctuelle, l'épreuve %s dure %s.", e.Code, e.Duration), e.Lines, evidenceDuration(w.span(e.Lines), e))
			w.add(KindDuration, e.Code, fmt.Sprintf("BTS %s : quelle est la durée de l'épreuve %s en forme ponctuelle ?", dip, name),
				e.Duration, near(durations, e.Duration), fmt.Sprintf("En forme ponctuelle, l'épreuve %s dure %s.", e.Code, e.Duration), e.Lines, evidenceDuration(w.span(e.Lines), e))
			form := kindOfForm(e.Form)
			w.add(KindForm, e.Code, fmt.Sprintf("BTS %s : en forme ponctuelle, l'épreuve %s est…", dip, name),
				form, forms, fmt.Sprintf("En forme ponctuelle, l'épreuve %s est %s.", e.Code, strings.ToLower(form)), e.Lines, formEvidence(w.span(e.Lines), e.Form))
		}
		for _, code := range e.Competences {
			c, ok := w.m.Competence(code)
			if !ok || e.DefLines[0] == 0 || evaluated[code] {
				continue
			}
			evaluated[code] = true
			// Each épreuve named with its title, as a student knows it. The
			// others evaluate other compétences (alike in kind and title)
			// and neither this one nor its group; without three of them
			// (the NRC has three professional épreuves) the item is not
			// asked: a general épreuve would be no real option.
			var others []string
			for _, o := range eps {
				if o.Code != e.Code && len(o.Parts) == 0 && len(o.Competences) > 0 && !evaluatesOrParent(o, code) && o.Code != parentOf(eps, e) {
					others = append(others, epreuveChoice(o))
				}
			}
			w.add(KindEvaluates, code, fmt.Sprintf("BTS %s : laquelle de ces épreuves évalue la compétence %s « %s » ?", dip, code, c.Title),
				epreuveChoice(e), others, fmt.Sprintf("La compétence %s est évaluée à l'épreuve %s « %s ».", code, e.Code, e.Title), e.DefLines, code)
		}
	}
}

// evaluatesOrParent reports whether an épreuve evaluates a compétence or
// the group holding it (E5 evaluates C22, so C222 too).
func evaluatesOrParent(e *tutor.Epreuve, code string) bool {
	return slices.ContainsFunc(e.Competences, func(c string) bool { return c == code || strings.HasPrefix(code, c) })
}

// epreuveChoice names an épreuve in a choice: code and title, clipped.
func epreuveChoice(e *tutor.Epreuve) string {
	return e.Code + " — " + tutor.Clip(e.Title, 40)
}

func parentOf(eps []*tutor.Epreuve, e *tutor.Epreuve) string {
	for _, p := range eps {
		for i := range p.Parts {
			if p.Parts[i].Code == e.Code {
				return p.Code
			}
		}
	}
	return ""
}

// evidenceDuration is the figure of the duration as the row writes it
// ("4 h", "40" in "40² + 40mn").
func evidenceDuration(row string, e *tutor.Epreuve) string {
	if strings.Contains(row, e.Duration) {
		return e.Duration
	}
	n := strings.TrimRight(e.Duration, " hmin")
	if strings.Contains(row, n) {
		return n
	}
	return ""
}

// kindOfForm is what a ponctuelle form is, without the word every option
// would repeat: "Ponctuelle écrite" → "Écrite".
func kindOfForm(f string) string {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(f)), "ponctuelle"))
	if rest == "" {
		return formLabel(f)
	}
	return formLabel(rest)
}

func formLabel(f string) string {
	if f == "" {
		return ""
	}
	f = strings.ToLower(f)
	r, size := utf8.DecodeRuneInString(f)
	return strings.ToUpper(string(r)) + f[size:]
}

// formEvidence is the word of the form ("orale") as the row writes it.
func formEvidence(row, form string) string {
	f := strings.Fields(strings.ToLower(form))
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	for _, w := range []string{last, formLabel(last)} {
		if strings.Contains(row, w) {
			return w
		}
	}
	return ""
}

// near orders candidates by closeness to the answer, so that distractors
// are plausible: the three nearest are likelier to be kept.
func near(list []string, answer string) []string {
	out := slices.Clone(list)
	sort.SliceStable(out, func(i, j int) bool { return distance(out[i], answer) < distance(out[j], answer) })
	return out
}

func distance(a, b string) int {
	if len(a) > len(b) {
		return len(a) - len(b)
	}
	return len(b) - len(a)
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// maxLimitsPerSavoir bounds the items drawn from one savoir.
const maxLimitsPerSavoir = 4

func (w *builder) limites() {
	dip := w.doc.Meta.Diploma
	// How many savoirs state each limit: one stated under several (the
	// same sentence under S75, S76 and S77) proves none of them.
	stated := map[string]int{}
	for i := range w.m.Savoirs {
		seen := map[string]bool{}
		for _, l := range w.m.Savoirs[i].Limites {
			if l = corpus.Normalize(l); !seen[l] {
				seen[l] = true
				stated[l]++
			}
		}
	}
	for i := range w.m.Savoirs {
		s := &w.m.Savoirs[i]
		if strings.TrimSpace(s.Title) == "" || s.Shared {
			continue // unnamed, or its limits shared with others: which is its own is not stated
		}
		n := 0
		for _, l := range s.Limites {
			l = corpus.Normalize(l)
			if utf8.RuneCountInString(l) < 25 || utf8.RuneCountInString(l) > 220 || n == maxLimitsPerSavoir || fragment(l) || stated[l] > 1 {
				continue
			}
			w.addWhich(l, s, dip)
			n++
		}
	}
}

// fragment reports whether a limit is not a sentence of its own: it
// announces a list ("… sera limitée à :"), continues a sentence cut before
// it, or points back to what the line before says ("En montrer les
// contraintes", "Pour toutes ces ressources").
func fragment(l string) bool {
	first, _ := utf8.DecodeRuneInString(l)
	// "(délais et rotation des créances clients)": the end of a line
	// above, in brackets.
	return strings.HasSuffix(strings.TrimSpace(l), ":") || unicode.IsLower(first) || first == '(' || reAnaphora.MatchString(l)
}

// reAnaphora finds a limit that opens on a reference to the line before.
var reAnaphora = regexp.MustCompile(`^(?:En [a-zéèêâîô]+(?:er|ir|re)\b|(?:Pour )?(?:(?:tou(?:te)?s )?(?:ces|cette|celles?|ceux|ce)) )`)

// addWhich asks which savoir a limit belongs to. Every choice is a savoir
// named by its code and title; none is the right one's parent or part (its
// limits would hold too) and none states the same limit.
func (w *builder) addWhich(text string, truth *tutor.Savoir, dip string) {
	if strings.Contains(tutor.Fold(text), tutor.Fold(truth.Title)) {
		return // the limit names its savoir: nothing to find
	}
	var others []*tutor.Savoir
	for k := range w.m.Savoirs {
		o := &w.m.Savoirs[k]
		if o == truth || len(o.Limites) == 0 || strings.TrimSpace(o.Title) == "" || o.Shared || w.related(o, truth) || savoirChoice(o) == savoirChoice(truth) ||
			len(o.Code) != len(truth.Code) { // a savoir of the same level: S82 against S81, not against S5
			continue
		}
		others = append(others, o)
	}
	// Three of the nearest savoirs in the text, drawn at random.
	others = near2(others, truth)
	var ds []string
	for _, o := range others[:min(len(others), 6)] {
		ds = append(ds, savoirChoice(o))
	}
	w.add(KindLimitWhich, truth.Code+"|"+text, fmt.Sprintf("BTS %s : « %s » — de quel savoir est-ce une limite de connaissances ?", dip, text),
		savoirChoice(truth), ds, fmt.Sprintf("Cette limite relève du savoir %s.", savoirLabel(truth)), truth.Lines, text)
}

// related reports whether one savoir is part of the other, at any depth.
func (w *builder) related(a, b *tutor.Savoir) bool {
	within := func(x, y *tutor.Savoir) bool { // x part of y
		for p := x.Parent; p != ""; {
			if p == y.Code && y.Code != "" || p == y.Title {
				return true
			}
			up, ok := w.m.Savoir(p)
			if !ok {
				return false
			}
			p = up.Parent
		}
		return x.Code != "" && y.Code != "" && strings.HasPrefix(x.Code, y.Code)
	}
	return within(a, b) || within(b, a)
}

// savoirChoice names a savoir in a choice: code and title, clipped.
func savoirChoice(s *tutor.Savoir) string {
	title := strings.TrimSpace(s.Title)
	if strings.ToUpper(title) == title { // "GESTION COMMERCIALE"
		title = formLabel(title)
	}
	title = tutor.Clip(title, 50)
	if s.Code == "" {
		return title
	}
	return s.Code + " — " + title
}

// near2 orders savoirs by closeness to s: same parent, then code prefix.
func near2(list []*tutor.Savoir, s *tutor.Savoir) []*tutor.Savoir {
	out := slices.Clone(list)
	code := s.Code
	common := func(o *tutor.Savoir) int {
		a := o.Code
		if o.Parent == s.Parent && s.Parent != "" {
			return 100
		}
		n := 0
		for n < len(a) && n < len(code) && a[n] == code[n] {
			n++
		}
		return n
	}
	sort.SliceStable(out, func(i, j int) bool { return common(out[i]) > common(out[j]) })
	return out
}

func savoirLabel(s *tutor.Savoir) string {
	if s.Code == "" {
		return "« " + s.Title + " »"
	}
	return s.Code + " « " + s.Title + " »"
}

func (w *builder) tasks() {
	dip := w.doc.Meta.Diploma
	var labels []string
	for _, a := range w.m.Activites {
		if len(a.Tasks) > 0 { // not a function whose activities hold the tasks
			labels = append(labels, activityLabel(&a))
		}
	}
	for i := range w.m.Activites {
		a := &w.m.Activites[i]
		for _, t := range a.Tasks {
			t = corpus.Normalize(t)
			if utf8.RuneCountInString(t) < 12 || utf8.RuneCountInString(t) > 200 {
				continue
			}
			shown := reTaskCode.ReplaceAllString(t, "")
			w.add(KindTask, a.Code+"|"+t, fmt.Sprintf("BTS %s : à quelle activité appartient la tâche « %s » ?", dip, shown),
				activityLabel(a), labels, fmt.Sprintf("La tâche « %s » relève de %s.", shown, activityLabel(a)), a.Lines, t)
		}
	}
}

// processes are the runs of tasks the texts list in the order they are
// done, by activity: how many of its first tasks follow one another. The
// NRC's negotiation goes preparation → approach → solution built with the
// client → agreement (its evaluation and follow-up run alongside, after);
// the CCST's goes negotiation → formalisation → implementation (what
// follows it runs alongside). Other lists are not sequences.
var processes = map[string]map[string]int{"NRC": {"A1.2": 4}, "CCST": {"A1.4": 3}}

// steps asks, for each task of a run but the last, which one comes just
// after it. Every other task of the activity is a wrong option: one only
// comes just after.
func (w *builder) steps() {
	dip := w.doc.Meta.Diploma
	for i := range w.m.Activites {
		a := &w.m.Activites[i]
		run := processes[dip][a.Code]
		if run < 2 || run > len(a.Tasks) {
			continue
		}
		tasks := make([]string, len(a.Tasks))
		for k, t := range a.Tasks {
			tasks[k] = reTaskCode.ReplaceAllString(corpus.Normalize(t), "")
		}
		for k := 0; k+1 < run; k++ {
			var others []string
			for j, t := range tasks {
				if j != k && j != k+1 {
					others = append(others, t)
				}
			}
			w.add(KindStep, a.Code+"|"+tasks[k], fmt.Sprintf("BTS %s, activité %s : dans l'ordre du référentiel, quelle étape vient juste après « %s » ?", dip, activityLabel(a), tasks[k]),
				tasks[k+1], others, fmt.Sprintf("Le référentiel enchaîne « %s » puis « %s ».", tasks[k], tasks[k+1]), a.Lines, tasks[k+1])
		}
	}
}

// reTag matches the HTML tags of the Markdown tables.
var reTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)

// reTaskCode is the code in front of a CCST task ("A1.1.T1. "), which would
// give the answer away.
var reTaskCode = regexp.MustCompile(`^[A-Z]\d+(\.\d+)*\.?T\d+\.?\s*`)

// reOwnNumber is the text's own number in front of an activity ("1.2. "),
// written the same way for all.
var reOwnNumber = regexp.MustCompile(`^(\d+\.\d+)\.?\s+`)

func activityLabel(a *tutor.Activite) string {
	title := strings.TrimSpace(a.Title)
	if strings.ToUpper(title) == title { // "FONCTION 1 VENTE …"
		title = formLabel(title)
	}
	// A title that carries its code or the text's own number ("1.2.
	// Négociation - vente") is the label.
	if title != "" && title[0] >= '0' && title[0] <= '9' {
		return reOwnNumber.ReplaceAllString(title, "$1 ")
	}
	if strings.HasPrefix(title, a.Code) || strings.HasPrefix(strings.ToUpper(title), "FONCTION") {
		return title
	}
	return a.Code + " " + title
}
