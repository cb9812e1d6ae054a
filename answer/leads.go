package answer

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// sentence is a sentence of a passage and what it shares with a question.
type sentence struct {
	text  string // as shown: a long list line keeps only what is asked
	full  string // as in the passage
	sec   *tutor.Section
	rank  int
	match float64 // weight of the question's terms it holds
	score float64
	terms map[string]bool
}

// unstated scales what a sentence shares with a question when it does not
// state the attribute asked and another sentence does.
const unstated = 0.7

// leads picks the sentences that answer. A sentence's score blends what it
// shares with the question (its passage's heading counting for half) with
// its passage's rank in the search, so that a sentence rich in the
// question's words does not win from a passage the search put far below.
// A second sentence is kept when it adds enough of what the first lacks.
func (e *Engine) leads(res []retrieval.Result, ask []term, skipRows bool, form string) []sentence {
	cands := e.rankSentences(res, ask, skipRows, form)
	if len(cands) == 0 {
		return nil
	}
	out := []sentence{cands[0]}
	if second := secondOf(cands, ask); second != nil {
		out = append(out, *second)
	}
	// In the order of the text.
	if len(out) == 2 && out[1].sec == out[0].sec && strings.Index(out[0].sec.Text, out[1].full) < strings.Index(out[0].sec.Text, out[0].full) {
		out[0], out[1] = out[1], out[0]
	}
	for i := range out {
		out[i].text = e.condense(out[i].full, ask)
	}
	return out
}

// rankSentences are the sentences of the first passages, best first.
func (e *Engine) rankSentences(res []retrieval.Result, ask []term, skipRows bool, form string) []sentence {
	var cands []sentence
	for i, r := range res {
		if i >= leadDepth {
			break
		}
		if skipRows && e.isRow(r.Section) {
			continue
		}
		cands = append(cands, e.candidates(r, i, res[0].Score, ask, form)...)
	}
	if len(cands) == 0 {
		return nil
	}
	// What is asked by words that only ask ("combien de temps de prépa") is
	// answered by a sentence that states it: when one does, the others
	// weigh less.
	states := func(c sentence) bool {
		return slices.ContainsFunc(ask, func(at term) bool { return at.states && c.terms[at.t] })
	}
	if slices.ContainsFunc(cands, states) {
		for i := range cands {
			if !states(cands[i]) {
				cands[i].match *= unstated
			}
		}
	}
	best := 0.0
	for _, c := range cands {
		best = max(best, c.match)
	}
	for i := range cands {
		if best > 0 {
			cands[i].score = (cands[i].score + cands[i].match/best) / 2
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// candidates are the sentences of a passage of rank i, each with what it
// shares with the question. What the heading says counts for half, what the
// sentence before says for a quarter ("Il constitue le support…" after "Le
// dossier est fourni…").
func (e *Engine) candidates(r retrieval.Result, i int, top float64, ask []term, form string) []sentence {
	head := map[string]bool{}
	for _, t := range e.Index.Terms(r.Section.Path()) {
		head[t] = true
	}
	var out []sentence
	prev := map[string]bool{}
	prevText := ""
	for _, text := range sentencesOf(r.Section) {
		s := e.candidate(r, i, top, ask, form, head, text, prev)
		if prevText != "" && rePronoun.MatchString(text) {
			// "Il constitue le support…" says what the sentence before
			// named: they answer together, when together they say more
			// ("Il peut exercer ses activités : seul ou en équipe…"
			// says it alone).
			both := e.candidate(r, i, top, ask, form, head, prevText+" "+text, nil)
			// Two sentences hold more words than one: they must say more.
			both.match *= 0.8
			if both.match > s.match {
				s = both
			}
		}
		prevText, prev = text, s.terms
		out = append(out, s)
	}
	return out
}

// candidate is one sentence of a passage with what it shares with the
// question; context holds the terms of the sentence before.
func (e *Engine) candidate(r retrieval.Result, i int, top float64, ask []term, form string, head map[string]bool, text string, context map[string]bool) sentence {
	ts := e.Index.Terms(text)
	set := map[string]bool{}
	for _, t := range ts {
		set[t] = true
	}
	for _, t := range retrieval.Bigrams(ts) {
		set[t] = true
	}
	s := sentence{text: text, full: text, sec: r.Section, rank: i, terms: set}
	// A heading that states a fact ("… (durée indicative 2 heures)")
	// answers what it states; its other words count as a heading's do.
	isHead := slices.Contains(r.Section.Breadcrumb, text)
	for _, at := range ask {
		switch {
		case isHead && set[at.t] && !at.cue && !at.states:
			s.match += at.w / 2
		case set[at.t] && head[at.t] && strings.HasPrefix(at.t, "#"):
			// A code its heading names is in every sentence of the
			// passage: it picks none of them.
		case set[at.t], at.heading && head[at.t]:
			s.match += at.w
		case head[at.t]:
			s.match += at.w / 2
		case context[at.t]:
			s.match += at.w / 4
		}
	}
	if len([]rune(text)) > 450 {
		s.match *= 0.9
	}
	s.score = r.Score / top
	if form != "" && otherForm(r.Section, form) {
		// "en ponctuel": what the CCF does is not the answer.
		s.match /= 2
	} else if slices.ContainsFunc(ask, func(at term) bool { return at.heading && head[at.t] || at.focus && set[at.t] }) {
		// Under the heading that names what is asked, or stating what
		// the student's expression stands for.
		s.score = 1
	}
	return s
}

// secondOf is the sentence, after the first of the ranked candidates, that
// adds enough of what the first lacks; nil when none does.
func secondOf(cands []sentence, ask []term) *sentence {
	first := cands[0]
	bestGain, pick := 0.0, -1
	for i, c := range cands[1:] {
		if c.full == first.full {
			continue
		}
		gain := 0.0
		for _, at := range ask {
			if c.terms[at.t] && !first.terms[at.t] {
				if at.cue {
					gain += at.w / 2
				} else {
					gain += at.w
				}
			}
		}
		gain *= c.score / first.score
		if gain > bestGain {
			bestGain, pick = gain, i+1
		}
	}
	if pick > 0 && first.match > 0 && bestGain >= secondLead*first.match {
		return &cands[pick]
	}
	return nil
}

// stableFirst puts the results that keep accepts first, each group in its
// order.
func stableFirst(res []retrieval.Result, keep func(retrieval.Result) bool) []retrieval.Result {
	out := make([]retrieval.Result, 0, len(res))
	var other []retrieval.Result
	for _, r := range res {
		if keep(r) {
			out = append(out, r)
		} else {
			other = append(other, r)
		}
	}
	return append(out, other...)
}

// preferPart puts first, for a question that asks a part of a function's or
// a pôle's description, the passages under that part's heading ("Autonomie,
// responsabilité"): the heading says what the passage is, whatever words of
// the function's own title the others share with the question.
func preferPart(res []retrieval.Result, q *Query) []retrieval.Result {
	if !q.asksPart() {
		return res
	}
	var heads []string
	for _, a := range q.Asks {
		heads = append(heads, headedBy[a]...)
	}
	under := func(r retrieval.Result) bool {
		b := r.Section.Breadcrumb
		if len(b) == 0 {
			return false
		}
		h := tutor.Fold(b[len(b)-1])
		return slices.ContainsFunc(heads, func(w string) bool { return strings.Contains(h, w) })
	}
	return stableFirst(res, under)
}

// rePronoun finds a sentence that opens on what the one before named.
var rePronoun = regexp.MustCompile(`^(?:Il|Elle|Ils|Elles|Celui-ci|Celle-ci|Ceux-ci|Celles-ci|Ce dernier|Cette dernière|Ces derniers)\s`)

// maxShown is the length past which a list line is shown condensed.
const maxShown = 350

// condense shortens a long list line ("Animation de réseaux (…) — limites :
// a ; b ; RGPD ; c…") to its head and the elements that hold what the
// question names, the others marked "…".
func (e *Engine) condense(text string, ask []term) string {
	if len([]rune(text)) <= maxShown {
		return text
	}
	head, list := "", text
	if h, l, ok := strings.Cut(text, " : "); ok {
		head, list = h, l
		head = reParen.ReplaceAllString(head, "")
		if len([]rune(head)) > 160 {
			head = shortText(head, 160)
		}
	}
	sep := " ; "
	if !strings.Contains(list, ";") {
		sep = ", "
	}
	want := map[string]bool{}
	for _, at := range ask {
		if !at.cue {
			want[at.t] = true
		}
	}
	var kept []string
	skipped := false
	lead := false // elements left out before the first kept
	for _, el := range strings.Split(list, strings.TrimSpace(sep)) {
		el = strings.TrimSpace(el)
		if el == "" {
			continue
		}
		hit := false
		for _, t := range e.Index.Terms(el) {
			if want[t] {
				hit = true
				break
			}
		}
		if hit {
			if skipped && len(kept) > 0 {
				kept = append(kept, "…")
			}
			lead = lead || skipped && len(kept) == 0
			kept = append(kept, el)
			skipped = false
		} else {
			skipped = true
		}
	}
	if len(kept) == 0 {
		return shortText(text, maxShown)
	}
	if skipped {
		kept = append(kept, "…")
	}
	body := strings.ReplaceAll(strings.Join(kept, sep), sep+"…"+sep, " … ")
	if lead {
		body = "… " + body
	}
	if head != "" {
		return head + " : " + body
	}
	return body
}

var reParen = regexp.MustCompile(`\s*\([^)]{40,}\)`)

// quotesItself reports whether a lead already says its whole passage, which
// is then not quoted again.
func quotesItself(l sentence) bool {
	whole := corpus.Normalize(strings.ReplaceAll(l.sec.Text, "\n", " "))
	return len([]rune(whole)) <= len([]rune(l.full))+40
}

var (
	reSentenceEnd = regexp.MustCompile(`([.!?)])\s+([A-ZÉÈÀÂÎÔÇ«"“(])`)
	reBullet      = regexp.MustCompile(`^[•\-–]\s*`)
)

// sentencesOf splits a passage into the sentences an answer may lead with:
// its items and the sentences of its paragraphs, headings left out. A
// sentence that announces a list ("… les rubriques suivantes :") carries the
// list's items.
func sentencesOf(s *tutor.Section) []string {
	var out []string
	heading := func(line string) bool {
		n := corpus.Normalize(line)
		for _, h := range s.Breadcrumb {
			h = corpus.Normalize(h)
			// A heading cut short ("Accès des étudiants aux ressources…")
			// heads a line that is the heading whole, not a row that
			// goes on with its figures after " — ".
			cut := strings.TrimSuffix(h, "…")
			if n == h || cut != h && strings.HasPrefix(n, cut) && !strings.Contains(n[len(cut):], " — ") {
				return true
			}
		}
		return false
	}
	// A heading that states a fact ("Épreuve orale, 20 minutes sans
	// préparation") may answer.
	for _, h := range s.Breadcrumb[max(0, len(s.Breadcrumb)-2):] {
		if reMeasure.MatchString(h) && !strings.HasSuffix(h, "…") {
			out = append(out, h)
		}
	}
	lines := strings.Split(s.Text, "\n")
	// heads reports whether a line is a sentence a label may head: text,
	// neither a heading, nor an item, nor another label.
	heads := func(next string) bool {
		t := strings.TrimSpace(next)
		return t != "" && !reBullet.MatchString(t) && !heading(t) && !isLabel(next, t)
	}
	label := ""
	for i, raw := range lines {
		line := strings.TrimSpace(reBullet.ReplaceAllString(strings.TrimSpace(raw), ""))
		if line == "" || heading(line) {
			continue
		}
		if isLabel(raw, line) && i+1 < len(lines) && heads(lines[i+1]) {
			// "Aptitudes personnelles" over "Curieux, persévérant…": a
			// heading the text did not mark heads the sentence under it.
			label = line
			continue
		}
		if m := reCodeLabel.FindStringSubmatch(line); m != nil {
			// "A1.4T2. Formalisation de la solution…": the code names the
			// sentence, it is not a sentence of its own.
			label, line = m[1], line[len(m[0]):]
		}
		sents := splitSentences(line)
		for k, sent := range sents {
			if k == 0 && label != "" {
				sent, label = label+" : "+sent, ""
			}
			if k == len(sents)-1 && strings.HasSuffix(sent, ":") {
				sent = withItems(sent, lines[i+1:])
			}
			if len([]rune(sent)) >= 12 {
				out = append(out, sent)
			}
		}
	}
	return out
}

// reCodeLabel is a code that opens a line as its label: "A1.4T2. ",
// "C1.3 - ".
var reCodeLabel = regexp.MustCompile(`^([A-Z]{1,2}\d+(?:\.\d+)*(?:T\d+)?)\s*[.–-]\s+`)

// isLabel reports whether a line is a short title of what follows: a few
// words, capitalised, without a verb's punctuation, not an item.
func isLabel(raw, line string) bool {
	if reBullet.MatchString(strings.TrimSpace(raw)) || strings.ContainsAny(line, ".:;!?,") {
		return false
	}
	n := len(strings.Fields(line))
	r, _ := utf8.DecodeRuneInString(line)
	return n >= 1 && n <= 4 && unicode.IsUpper(r) && !reMeasure.MatchString(line)
}

// reMeasure finds a figure with its unit: "20 minutes", "4 heures".
var reMeasure = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])\d+\s*(?:h|heures?|min|minutes?|mn|semaines?|mois|pages?|%)(?:[^\pL]|$)`)

// maxLead bounds a sentence that carries its list, in characters.
const maxLead = 700

// withItems appends to a sentence ending with a colon the items that follow
// it, as long as they are items and the whole stays readable.
func withItems(sent string, next []string) string {
	var items []string
	size := len([]rune(sent))
	for _, l := range next {
		l = strings.TrimSpace(l)
		if !reBullet.MatchString(l) {
			break
		}
		item := strings.TrimRight(strings.TrimSpace(reBullet.ReplaceAllString(l, "")), " ,;.")
		if size+len([]rune(item)) > maxLead {
			items = append(items, "…")
			break
		}
		size += len([]rune(item)) + 3
		items = append(items, item)
	}
	if len(items) == 0 {
		return sent
	}
	return sent + " " + strings.Join(items, " ; ") + "."
}

// reWordStart is a capitalised word.
var reWordStart = regexp.MustCompile(`^[A-ZÉÈÀÂÎÔÇ][a-zéèêàâîôûç]+\s`)

// splitSentences cuts a paragraph after a full stop followed by a capital,
// or after a closing bracket followed by a capitalised word.
func splitSentences(p string) []string {
	idx := reSentenceEnd.FindAllStringSubmatchIndex(p, -1)
	var out []string
	start := 0
	for _, m := range idx {
		end := m[3] // after the punctuation
		before := strings.ToLower(p[max(start, m[2]-4):m[2]])
		if strings.HasSuffix(before, "art") || strings.HasSuffix(before, "cf") || strings.HasSuffix(before, " n°") || strings.HasSuffix(before, "ex") {
			continue
		}
		if seg := p[start:m[3]]; strings.Count(seg, "(") > strings.Count(seg, ")") {
			// Inside brackets: "(voir § 4. Aménagement de la durée)".
			continue
		}
		if p[m[2]] == ')' && !reWordStart.MatchString(p[m[4]:]) {
			// A bracket closes a sentence only before a word that starts
			// the next one ("…de stage) Ils se déroulent").
			continue
		}
		out = append(out, strings.TrimSpace(p[start:end]))
		start = m[4]
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
