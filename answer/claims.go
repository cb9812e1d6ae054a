package answer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/prompts"
	"github.com/btstutor/tutor/retrieval"
)

// Claim-level checks of what a model wrote: each value a sentence states
// (a number with its unit, written in digits or in words), each code it
// names and each law it cites must be what the passages it cites say; the
// question itself is never evidence. And nothing a model writes may carry
// a link, a mention or the text of its own rules.

var (
	reURL     = regexp.MustCompile(`(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:fr|com|org|net|io|eu|info|biz)\b`)
	reMdLink  = regexp.MustCompile(`\[[^\]]*\]\([^)]*\)`)
	reMention = regexp.MustCompile(`(?i)@(?:everyone|here)\b|<@[!&]?\d+>|<#\d+>`)
	// reValue is a number and the unit that follows it: "4 h", "40
	// minutes", "16 semaines", "30 %".
	reValue = regexp.MustCompile(`(?i)(\d+(?:[,.]\d+)?)\s*(h\b|heures?\b|min\b|minutes?\b|mn\b|semaines?\b|mois\b|%|pour\s*cent\b|pages?\b|ans?\b|années?\b|jours?\b|membres?\b|situations?\b|interrogateurs?\b|professeurs?\b|fiches?\b|parties\b|phases?\b|épreuves?\b|unités?\b|blocs?\b)`)
	// reCoefValue is a coefficient and its value: "coefficient de 6".
	reCoefValue = regexp.MustCompile(`(?i)coef\w*\D{0,25}?(\d+(?:[,.]\d+)?)`)
	// reInstruction is an instruction to the reader that a model may have
	// been told to slip in: click, download, send, give a password.
	reInstruction = regexp.MustCompile(`(?i)\b(?:cliquez|t[ée]l[ée]chargez|connectez-vous|connecte-toi|envoyez|envoie-moi|transmettez|[ée]crivez|rendez-vous sur|contactez|appelez|mot de passe|identifiants?|coordonn[ée]es bancaires|num[ée]ro de carte)\b`)
	// reLaw is a named law or decree: "loi Lemaire-Duval".
	reLaw = regexp.MustCompile(`(?i)\b(?:loi|décret|decret|arrêté|arrete|circulaire|code)\s+(?:n°\s*|du\s+|de\s+la\s+|de\s+l[’']\s*|des\s+)?[\p{L}0-9][\p{L}0-9'’-]+(?:[ -][A-ZÉ][\p{L}'’-]+)?`)
)

// numberWords are the numbers students and models write in words.
var numberWords = map[string]string{
	"deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7", "huit": "8", "neuf": "9", "dix": "10",
	"onze": "11", "douze": "12", "treize": "13", "quatorze": "14", "quinze": "15", "seize": "16", "vingt": "20",
	"trente": "30", "quarante": "40", "cinquante": "50", "soixante": "60", "cent": "100",
}

var (
	// reOneUnit is "une heure", "un jour": one of a unit.
	reOneUnit = regexp.MustCompile(`(?i)\b(une?)\s+(heures?|minutes?|semaines?|jours?|mois|an|année|page|situation|fiche|partie|phase)\b`)
	// reHalfHour is "une demi-heure".
	reHalfHour = regexp.MustCompile(`(?i)\b(?:une\s+)?demi-?\s?heure\b`)
)

// digitsFor writes the numbers spelled in words as digits: "trois heures"
// is checked as "3 heures". It scans words by hand: it runs on every cited
// passage of every generated sentence.
func digitsFor(s string) string {
	lower := strings.ToLower(s)
	if strings.Contains(lower, "un ") || strings.Contains(lower, "une ") {
		s = reOneUnit.ReplaceAllString(s, "1 $2")
	}
	if strings.Contains(lower, "demi") {
		s = reHalfHour.ReplaceAllString(s, "30 minutes")
	}
	var b strings.Builder
	start := -1
	flush := func(end int) {
		w := s[start:end]
		if d, ok := numberWords[strings.ToLower(w)]; ok {
			b.WriteString(d)
		} else {
			b.WriteString(w)
		}
		start = -1
	}
	for i, r := range s {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			flush(i)
		}
		if !letter {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return b.String()
}

// unitOf names a unit's class: heures and h are the same.
func unitOf(u string) string {
	u = strings.ToLower(strings.Join(strings.Fields(u), " "))
	switch {
	case u == "h" || strings.HasPrefix(u, "heure"):
		return "h"
	case u == "min" || u == "mn" || strings.HasPrefix(u, "minute"):
		return "min"
	case strings.HasPrefix(u, "semaine"):
		return "semaines"
	case u == "%" || strings.HasPrefix(u, "pour"):
		return "%"
	case strings.HasPrefix(u, "page"):
		return "pages"
	case u == "mois":
		return "mois"
	case strings.HasPrefix(u, "an"):
		return "ans"
	default:
		return strings.TrimSuffix(strings.TrimSuffix(tutor.Fold(u), "s"), "x")
	}
}

// values are a text's numbers bound to their unit ("4|h"), coefficients
// included ("6|coef").
func values(s string) map[string]bool {
	return valuesOf(digitsFor(markerRE.ReplaceAllString(s, " ")))
}

// valuesOf is values of a text already written in digits, markers out.
func valuesOf(s string) map[string]bool {
	out := map[string]bool{}
	for _, m := range reValue.FindAllStringSubmatch(s, -1) {
		out[strings.ReplaceAll(m[1], ".", ",")+"|"+unitOf(m[2])] = true
	}
	for _, m := range reCoefValue.FindAllStringSubmatch(s, -1) {
		out[strings.ReplaceAll(m[1], ".", ",")+"|coef"] = true
	}
	return out
}

// unsafe reports why a model's sentence may not be shown whatever it says:
// a link or an instruction to the reader (click, send, a password) the
// cited passages do not hold, a Markdown link, a mention, or the words of
// the tutor's own rules. "" when none.
func unsafe(sent, cited string, rules map[string]bool) string {
	for _, u := range reURL.FindAllString(sent, -1) {
		if !strings.Contains(cited, strings.TrimRight(u, ".,;)")) {
			return "lien"
		}
	}
	for _, m := range reInstruction.FindAllString(sent, -1) {
		if !strings.Contains(tutor.Fold(cited), tutor.Fold(m)) {
			return "consigne"
		}
	}
	switch {
	case reMdLink.MatchString(sent):
		return "lien"
	case reMention.MatchString(sent):
		return "mention"
	case sharesRun(sent, rules):
		return "consignes"
	}
	return ""
}

// ruleRuns are the runs of the tutor's rules, read once: no model text may
// repeat one.
var ruleRuns = sync.OnceValue(func() map[string]bool { return runs(prompts.Rules()) })

// runLength is how many words in a row a sentence may share with the rules
// before it counts as repeating them.
const runLength = 8

// runs are the runs of runLength words (folded) of a text.
func runs(text string) map[string]bool {
	w := retrieval.Tokens(text)
	out := map[string]bool{}
	for i := 0; i+runLength <= len(w); i++ {
		out[strings.Join(w[i:i+runLength], " ")] = true
	}
	return out
}

// sharesRun reports whether a sentence holds one of the runs.
func sharesRun(sent string, runs map[string]bool) bool {
	w := retrieval.Tokens(markerRE.ReplaceAllString(sent, " "))
	for i := 0; i+runLength <= len(w); i++ {
		if runs[strings.Join(w[i:i+runLength], " ")] {
			return true
		}
	}
	return false
}

// claimsStated reports whether every value, code and law a sentence states
// is stated by the evidence (the cited passages and the référentiel facts):
// a number with a unit must come with that unit, a bare number must appear,
// a code must exist in a loaded text, a law must be named in the evidence.
func (e *Engine) claimsStated(sent string, ev *evidence) bool {
	for v := range values(sent) {
		if !ev.values[v] {
			return false
		}
	}
	for x := range numbers(digitsFor(sent)) {
		if !ev.numbers[x] {
			return false
		}
	}
	for _, m := range modelCodes(sent) {
		if !ev.codes[m] {
			return false
		}
	}
	for _, law := range reLaw.FindAllString(sent, -1) {
		if !strings.Contains(ev.folded, tutor.Fold(law)) {
			return false
		}
	}
	return true
}

// evidence is what a sentence may rest on: the passages it cites and the
// facts of the extractive answer, with the values they state.
type evidence struct {
	text, folded string
	values       map[string]bool
	numbers      map[string]bool
	codes        map[string]bool
}

// modelCodes are the codes a model's sentence names, written as codes are
// (a capital, no space: "C1.3", "E4", "A1.4T2"); "a 2 situations" is none.
func modelCodes(s string) []string {
	var out []string
	for _, m := range tutor.FindCodes(s, tutor.StyleCompact) {
		raw := s[m.Start:m.End]
		if strings.ContainsAny(raw, " \t") || raw[0] < 'A' || raw[0] > 'Z' {
			continue
		}
		out = append(out, codeKey(raw))
	}
	return out
}

// codeKey writes a code the one way codes are compared: "c 1.3" → "C13".
func codeKey(raw string) string {
	return strings.ToUpper(strings.NewReplacer(".", "", "-", "", " ", "").Replace(raw))
}

// evidenceSet reads the facts and each cited passage once; a sentence's
// evidence is their union.
type evidenceSet struct {
	passages []tutor.Citation
	facts    string
	parts    map[int]*evidence // 0: the facts; n: passage n
	seen     map[string]*evidence
}

// part is the evidence of the facts (n = 0) or of passage n, read once.
func (s *evidenceSet) part(n int) *evidence {
	if ev, ok := s.parts[n]; ok {
		return ev
	}
	text := s.facts
	if n > 0 {
		p := s.passages[n-1]
		text = strings.Join([]string{p.Text, p.Section, p.DocTitle, p.DocDate, p.DocStatus}, "\n")
	}
	d := digitsFor(markerRE.ReplaceAllString(text, " "))
	ms := tutor.FindCodes(d, tutor.StyleCompact)
	ev := &evidence{text: text, folded: tutor.Fold(text), values: valuesOf(d), numbers: numbersBesides(d, ms), codes: map[string]bool{}}
	for _, m := range ms {
		ev.codes[codeKey(d[m.Start:m.End])] = true
	}
	if s.parts == nil {
		s.parts = map[int]*evidence{}
	}
	s.parts[n] = ev
	return ev
}

// of is the evidence of a sentence: the passages it cites and the facts.
func (s *evidenceSet) of(sent string) *evidence {
	cited := []int{0}
	for n := range citedIn(sent) {
		if n >= 1 && n <= len(s.passages) {
			cited = append(cited, n)
		}
	}
	slices.Sort(cited)
	key := fmt.Sprint(cited)
	if ev, ok := s.seen[key]; ok {
		return ev
	}
	ev := &evidence{values: map[string]bool{}, numbers: map[string]bool{}, codes: map[string]bool{}}
	var texts, folded []string
	for _, n := range cited {
		p := s.part(n)
		texts, folded = append(texts, p.text), append(folded, p.folded)
		for _, m := range []struct{ to, from map[string]bool }{{ev.values, p.values}, {ev.numbers, p.numbers}, {ev.codes, p.codes}} {
			for k := range m.from {
				m.to[k] = true
			}
		}
	}
	ev.text, ev.folded = strings.Join(texts, "\n"), strings.Join(folded, "\n")
	if s.seen == nil {
		s.seen = map[string]*evidence{}
	}
	s.seen[key] = ev
	return ev
}

// cutUnfinished drops the end of a text that stops mid-sentence, as a
// generation cut short does ("… coefficient de 6 [1]. Le").
func cutUnfinished(text string) string {
	t := strings.TrimRight(text, " \t")
	// The last sentence end: ".!?" (a marker may follow) then a space, a
	// line break or the end; never a decimal point ("6.5").
	last := -1
	for _, m := range reSentenceStop.FindAllStringIndex(t, -1) {
		last = m[1]
	}
	if last < 0 {
		return ""
	}
	return strings.TrimSpace(t[:last])
}

// reSentenceStop is the end of a sentence, its markers included.
var reSentenceStop = regexp.MustCompile(`[.!?](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?:\s|$)|\n`)

// hasClaim reports whether a sentence states something checkable: a
// number (in digits or words), a code, a law.
func hasClaim(sent string) bool {
	return len(numbers(digitsFor(sent))) > 0 || len(tutor.FindCodes(sent, tutor.StyleCompact)) > 0 || reLaw.MatchString(sent)
}
