package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
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
	weightExpansion = 0.35 // a word the question's words stand for
	weightCue       = 0.6  // a word that states what is asked ("composée" for the jury)
	weightBigram    = 0.5  // two words of the question side by side
	weightCode      = 2    // a code the question names
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
	factsDone := false
	if len(subjects) > 0 && (q.asksModel() || !q.asksText() || !a.e.epreuveRef(subjects[0])) {
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

// namesRow reports whether a timetable question names a teaching: a word of
// its topic beyond those of time and years.
func (e *Engine) namesRow(q *Query) bool {
	time := map[string]bool{"heures": true, "heure": true, "horaire": true, "horaires": true, "hebdomadaire": true, "semaine": true,
		"cours": true, "annee": true, "premiere": true, "deuxieme": true, "seconde": true, "total": true, "combien": true, "volume": true}
	for _, w := range e.residual(q.Norm, nil) {
		if !time[w] && !hasDigit(w) {
			return true
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
	for _, w := range e.residual(q.Norm, subjects) {
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
	if len(res) == 0 {
		return false
	}
	q := a.q
	ask := a.e.askTerms(q, a.e.subjects(q))
	if !scoped && !a.e.answers(q, res) {
		return false
	}
	if q.Asked(AttrHoraires) && !a.e.namesRow(q) {
		// Hours asked of no teaching in particular: the total row answers.
		ask = append(ask, term{t: "total", w: 2 * a.e.Index.IDF("total")})
	}
	leads := a.e.leads(res, ask, q.asksText() || a.factsGiven)
	if len(leads) == 0 {
		return false
	}
	if q.Asked(AttrLimites) || q.YesNo {
		// What is taught goes with how far: the limits of the savoir the
		// answer comes from, when they are written apart from it.
		if lim := a.e.limitsOf(leads[0].sec); lim != nil && !leadsFrom(leads, lim) {
			if more := a.e.leads([]retrieval.Result{{Section: lim, Score: 1}}, ask, false); len(more) > 0 {
				leads = append(leads[:1], more[0])
			}
		}
	}
	if len(a.parts) > 0 {
		a.say("")
	}
	for i, l := range leads {
		d := a.e.Corpus.Doc(l.sec.Diploma)
		mark := a.cite(d, l.sec)
		prefix := ""
		if i == 0 && q.YesNo {
			prefix = a.e.yesNo(q, l)
		}
		a.say("%sAu %s (%s) : « %s » %s", prefix, d.Meta.Label(), shortPath(l.sec), l.text, mark)
	}
	// The passages the answer comes from are quoted: the leads', and the
	// search's best when the leads come from elsewhere.
	var shown []*tutor.Section
	for _, l := range leads {
		shown = append(shown, l.sec)
	}
	if first := res[0].Section; !(q.asksText() && a.e.isRow(first)) {
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

func leadsFrom(leads []sentence, s *tutor.Section) bool {
	for _, l := range leads {
		if l.sec == s {
			return true
		}
	}
	return false
}

// limitsOf returns the passage stating the limits of knowledge of the savoir
// a passage is about, when it is another passage; nil otherwise.
func (e *Engine) limitsOf(s *tutor.Section) *tutor.Section {
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
		return nil
	}
	sv, ok := d.Model.Savoir(code)
	for ok && len(sv.Limites) == 0 && sv.Parent != "" {
		sv, ok = d.Model.Savoir(sv.Parent)
	}
	if !ok || len(sv.Limites) == 0 {
		return nil
	}
	lim := sectionWithinAny(d, sv.Limites[0])
	if lim == nil || lim.ID == s.ID {
		return nil
	}
	return lim
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

// term is a weighted index term of what a question asks; cue is set for the
// words that only say what kind of answer is wanted ("composée", "limites").
type term struct {
	t   string
	w   float64
	cue bool
}

// askTerms are the index terms a sentence must hold to answer: the question's
// own words and codes, the pairs of them, the words they stand for and the
// words that state what is asked, each weighted by its rarity.
func (e *Engine) askTerms(q *Query, subjects []ref) []term {
	var out []term
	seen := map[string]bool{}
	add := func(t string, w float64) {
		if seen[t] {
			return
		}
		seen[t] = true
		if idf := e.Index.IDF(t); idf > 0 {
			out = append(out, term{t: t, w: w * idf, cue: w == weightCue})
		}
	}
	// The words that ask for an attribute ("jury", "dure") say what kind of
	// answer is wanted: they weigh as the words that state it do.
	asking := map[string]bool{}
	for _, at := range q.Asks {
		if !at.asking() {
			continue
		}
		for _, tr := range at.def().triggers {
			for _, t := range e.Index.Terms(tr) {
				asking[t] = true
			}
		}
	}
	own := e.Index.Terms(strings.Join(e.residual(q.Norm, subjects), " "))
	for _, t := range own {
		if !asking[t] {
			add(t, 1)
		}
	}
	for _, r := range q.Codes {
		add(retrieval.CodeTerm(r.code), weightCode)
	}
	for _, t := range retrieval.Bigrams(own) {
		add(t, weightBigram)
	}
	for _, at := range q.Asks {
		for _, t := range e.Index.Terms(strings.Join(at.def().cues, " ")) {
			add(t, weightCue)
		}
	}
	for _, t := range own {
		add(t, weightCue) // the asking words left
	}
	for _, t := range e.Index.Terms(strings.Join(q.Norm.Expansion, " ")) {
		add(t, weightExpansion)
	}
	return out
}

// answers decides whether the texts answer a question that names no item:
// it must be about the studies (a word of the texts' headings or of school,
// a diploma named, something asked), not made mostly of words the texts never
// use, and a passage must hold enough of it.
func (e *Engine) answers(q *Query, res []retrieval.Result) bool {
	if !e.anchored(q) {
		return false
	}
	ev, known, unknown, held := e.evidenceDetail(q, res)
	return held > 0 && ev >= minEvidence && !(unknown >= 2 && known <= 1)
}

// anchored reports whether a question is about the studies at all.
func (e *Engine) anchored(q *Query) bool {
	if q.Named || len(q.Codes) > 0 || len(q.Titles) > 0 || len(q.Asks) > 0 {
		return true
	}
	for _, w := range q.Norm.Topic {
		if e.anchors[retrieval.Stem(w)] {
			return true
		}
	}
	return false
}

// evidence tells whether the texts answer: the share of the question's topic
// (its words weighted by rarity) that the best of the first passages holds.
// A student's word counts as held when a word of the texts it stands for is.
// Words the texts never use are not looked for, but a question made mostly of
// them is about something else ("la capitale du Canada"): the evidence is
// scaled down by their share.
func (e *Engine) evidence(q *Query, res []retrieval.Result) float64 {
	ev, _, _, _ := e.evidenceDetail(q, res)
	return ev
}

// evidenceDetail is evidence with its counts: the distinct words of the
// question the texts know and do not know, and the most of the known ones
// that one passage holds.
func (e *Engine) evidenceDetail(q *Query, res []retrieval.Result) (ev float64, known, unknown, held int) {
	words := e.residual(q.Norm, nil)
	if len(words) == 0 {
		return 1, 0, 0, 0
	}
	type want struct {
		alts []string
		w    float64
	}
	var wants []want
	var knownW, unknownW float64
	rarest := 0.0
	seen := map[string]bool{}
	for _, w := range words {
		t := retrieval.Stem(w)
		if seen[t] || hasDigit(w) {
			continue
		}
		seen[t] = true
		alts, weight := []string{t}, e.Index.IDF(t)
		for _, s := range e.norm.StandsFor(w) {
			st := retrieval.Stem(s)
			if idf := e.Index.IDF(st); idf > 0 {
				alts = append(alts, st)
				weight = max(weight, idf)
			}
		}
		rarest = max(rarest, weight)
		if weight == 0 {
			unknownW++
			unknown++
			continue
		}
		knownW += weight
		known++
		wants = append(wants, want{alts, weight})
	}
	if knownW == 0 {
		return 0, 0, unknown, 0
	}
	best := 0.0
	for i, r := range res {
		if i >= leadDepth {
			break
		}
		got, n := 0.0, 0
		for _, w := range wants {
			for _, alt := range w.alts {
				if e.Index.Holds(r.Section, alt) {
					got += w.w
					n++
					break
				}
			}
		}
		best = max(best, got/knownW)
		held = max(held, n)
	}
	if share := knownW / (knownW + unknownW*rarest); share < 0.5 {
		best *= share / 0.5
	}
	return best, known, unknown, held
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

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

// leads picks the sentences that answer. A sentence's score blends what it
// shares with the question (its passage's heading counting for half) with
// its passage's rank in the search, so that a sentence rich in the
// question's words does not win from a passage the search put far below.
// A second sentence is kept when it adds enough of what the first lacks.
func (e *Engine) leads(res []retrieval.Result, ask []term, skipRows bool) []sentence {
	var cands []sentence
	top := res[0].Score
	for i, r := range res {
		if i >= leadDepth {
			break
		}
		head := map[string]bool{}
		for _, t := range e.Index.Terms(r.Section.Path()) {
			head[t] = true
		}
		prev := map[string]bool{}
		for _, text := range sentencesOf(r.Section) {
			ts := e.Index.Terms(text)
			set := map[string]bool{}
			for _, t := range ts {
				set[t] = true
			}
			for _, t := range retrieval.Bigrams(ts) {
				set[t] = true
			}
			s := sentence{text: text, full: text, sec: r.Section, rank: i, terms: set}
			context := prev
			prev = set
			if skipRows && e.isRow(r.Section) {
				continue
			}
			// What the heading says counts for half, what the sentence
			// before says for a quarter: "Il constitue le support…" after
			// "Le dossier est fourni…".
			for _, at := range ask {
				switch {
				case set[at.t]:
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
			cands = append(cands, s)
		}
	}
	if len(cands) == 0 {
		return nil
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
	first := cands[0]
	out := []sentence{first}
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
		out = append(out, cands[pick])
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
	reSentenceEnd = regexp.MustCompile(`([.!?])\s+([A-ZÉÈÀÂÎÔÇ«"“(])`)
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
			if n == h || strings.HasSuffix(h, "…") && strings.HasPrefix(n, strings.TrimSuffix(h, "…")) {
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
	for i, raw := range lines {
		line := strings.TrimSpace(reBullet.ReplaceAllString(strings.TrimSpace(raw), ""))
		if line == "" || heading(line) {
			continue
		}
		sents := splitSentences(line)
		for k, sent := range sents {
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

// splitSentences cuts a paragraph after a full stop followed by a capital.
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
		out = append(out, strings.TrimSpace(p[start:end]))
		start = m[4]
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

var reNegation = regexp.MustCompile(`\b(?:ne|n)\s+(?:\S+\s+){0,3}?(?:pas|plus|jamais|point|ni)\b|\b(?:aucun|aucune|exclu|exclus|exclue|exclues|exclut|interdit|interdits|interdite)\b`)

// yesNo answers a closed question "Oui." or "Non." only when the sentence
// that answers states it: it holds most of what is asked (a student's word
// or a word of the texts it stands for), and it either denies it ("ne seront
// pas abordés", "aucun", "exclut") or grants it (may, must, authorised, or
// the item is listed among the savoirs of the programme). The question's own
// polarity ("on fera pas de…, c'est vrai ?") turns the answer. Otherwise it
// says nothing and the sentence speaks for itself.
func (e *Engine) yesNo(q *Query, l sentence) string {
	head := map[string]bool{}
	for _, t := range e.Index.Terms(l.sec.Path()) {
		head[t] = true
	}
	var got, total float64
	for _, w := range e.residual(q.Norm, e.subjects(q)) {
		t := retrieval.Stem(w)
		idf := e.Index.IDF(t)
		if idf == 0 {
			continue
		}
		total += idf
		held := l.terms[t] || head[t]
		for _, s := range e.norm.StandsFor(w) {
			held = held || l.terms[retrieval.Stem(s)]
		}
		if held {
			got += idf
		}
	}
	if total == 0 || got/total < 0.5 {
		return ""
	}
	text := " " + strings.Join(retrieval.Tokens(l.full), " ") + " "
	var yes bool
	switch {
	case reNegation.MatchString(text):
		yes = false
	case reGrant.MatchString(text) || l.sec.Kind == tutor.KindSavoir && q.Asked(AttrLimites):
		yes = true
	default:
		return ""
	}
	if yes != q.Negative {
		return "Oui. "
	}
	return "Non. "
}

// reGrant finds what a sentence allows or requires.
var reGrant = regexp.MustCompile(`\b(?:peut|peuvent|pourra|pourront|autorise|autorises|autorisee|autorisees|obligatoire|obligatoirement|doit|doivent|possible)\b`)

// compare answers each diploma of a comparison side by side.
func (e *Engine) compare(ctx context.Context, q *Query) (tutor.Reply, error) {
	out := tutor.Reply{Question: q.Raw, Mode: ModeExtractive, Verified: true, Abstained: true}
	var parts []string
	for _, d := range q.Docs {
		r, err := e.AnswerQuery(ctx, e.narrow(q, d))
		if err != nil {
			return tutor.Reply{}, err
		}
		if r.Abstained {
			parts = append(parts, fmt.Sprintf("**%s** — les textes ne répondent pas à cette question pour ce diplôme.", d.Meta.Label()))
			continue
		}
		out.Abstained = false
		text := renumberFrom(r.Answer, len(out.Citations))
		for _, c := range r.Citations {
			c.N += len(out.Citations)
			out.Citations = append(out.Citations, c)
		}
		parts = append(parts, fmt.Sprintf("**%s**\n%s", d.Meta.Label(), text))
	}
	if out.Abstained {
		a := e.newBuilder(q)
		a.refuse("")
		return a.reply, nil
	}
	out.Answer = strings.Join(parts, "\n\n")
	return out, nil
}

// renumberFrom shifts every citation marker of a text by offset.
func renumberFrom(text string, offset int) string {
	if offset == 0 {
		return text
	}
	return markerRE.ReplaceAllStringFunc(text, func(m string) string {
		var ns []string
		for _, n := range markerNumbers(m) {
			ns = append(ns, fmt.Sprint(n+offset))
		}
		return "[" + strings.Join(ns, ", ") + "]"
	})
}

// Explanation tells how a question was read and answered, for the
// --explain flag of the command line and for tuning on evaluation sets.
type Explanation struct {
	Words     []string          `json:"words"`     // the question normalised
	Topic     []string          `json:"topic"`     // what it is about
	Expansion []string          `json:"expansion"` // words of the texts it stands for
	Repaired  map[string]string `json:"repaired,omitempty"`
	Diplomas  []string          `json:"diplomas"`
	Named     bool              `json:"named"`
	Compare   bool              `json:"compare"`
	Codes     []string          `json:"codes,omitempty"`
	Missing   []string          `json:"missing,omitempty"`
	Titles    []string          `json:"titles,omitempty"`
	Asks      []string          `json:"asks,omitempty"`
	YesNo     bool              `json:"yes_no"`
	Outside   string            `json:"outside,omitempty"`
	Injection bool              `json:"injection"`
	Evidence  float64           `json:"evidence"`
	Known     int               `json:"known"`    // distinct topic words the texts use
	Unknown   int               `json:"unknown"`  // and those they never use
	Held      int               `json:"held"`     // the most known words one passage holds
	Anchored  bool              `json:"anchored"` // about the studies at all
	Passages  []string          `json:"passages"` // the search's first passages, "ID score path"
}

// Explain analyses a question and searches it as Answer would, and tells
// what it found. Bad input gives the errors of Answer.
func (e *Engine) Explain(ctx context.Context, question, diploma string) (Explanation, error) {
	q, err := e.Analyze(question, diploma)
	if err != nil {
		return Explanation{}, err
	}
	x := Explanation{Words: q.Norm.Words, Topic: q.Norm.Topic, Expansion: q.Norm.Expansion, Repaired: q.Norm.Repaired,
		Named: q.Named, Compare: q.Compare, Missing: q.Missing, YesNo: q.YesNo, Outside: q.Outside, Injection: q.Injection}
	for _, d := range q.Docs {
		x.Diplomas = append(x.Diplomas, d.Meta.Diploma)
	}
	for _, r := range q.Codes {
		x.Codes = append(x.Codes, r.doc.Meta.Diploma+":"+r.code)
	}
	for _, r := range q.Titles {
		x.Titles = append(x.Titles, r.doc.Meta.Diploma+":"+r.code)
	}
	for _, a := range q.Asks {
		x.Asks = append(x.Asks, a.String())
	}
	res, err := e.search(ctx, q, e.subjects(q), searchDepth)
	if err != nil {
		return Explanation{}, err
	}
	x.Evidence, x.Known, x.Unknown, x.Held = e.evidenceDetail(q, res)
	x.Anchored = e.anchored(q)
	for _, r := range res {
		x.Passages = append(x.Passages, fmt.Sprintf("%s %.3f %s", r.Section.ID, r.Score, r.Section.Path()))
	}
	return x, nil
}
