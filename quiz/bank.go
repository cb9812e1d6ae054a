// Package quiz builds revision questions from the référentiel model, each
// with its answer, three distractors of the same kind, an explanation and the
// passage that proves it; schedules class quizzes; and grades answers for
// spaced repetition (FSRS, package srs).
package quiz

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

// Kinds of items.
const (
	KindCodeTitle  = "code-intitule"      // compétence code → title
	KindTitleCode  = "intitule-code"      // title → compétence code
	KindCoef       = "coefficient"        // épreuve → coefficient
	KindDuration   = "duree"              // épreuve → duration
	KindForm       = "forme"              // épreuve → form
	KindEvaluates  = "epreuve-competence" // compétence → the épreuve that evaluates it
	KindLimitWhich = "limite-savoir"      // a limit → the savoir it limits
	KindTask       = "activite-tache"     // task → activity
	KindCoefTyped  = "coefficient-saisie" // épreuve → coefficient, typed
	KindDurTyped   = "duree-saisie"       // épreuve → duration, typed
	KindStep       = "etape-suivante"     // a step of a process → the next one
)

// Themes group kinds for users.
const (
	ThemeCompetences = "competences"
	ThemeEpreuves    = "epreuves"
	ThemeSavoirs     = "savoirs"
	ThemeActivites   = "activites"
)

// Themes lists the themes in display order.
var Themes = []string{ThemeCompetences, ThemeEpreuves, ThemeSavoirs, ThemeActivites}

// ThemeLabel is how a theme is shown.
var ThemeLabel = map[string]string{
	ThemeCompetences: "Compétences",
	ThemeEpreuves:    "Épreuves",
	ThemeSavoirs:     "Limites des savoirs",
	ThemeActivites:   "Activités et tâches",
}

var themeOf = map[string]string{
	KindCodeTitle: ThemeCompetences, KindTitleCode: ThemeCompetences, KindEvaluates: ThemeEpreuves,
	KindCoef: ThemeEpreuves, KindDuration: ThemeEpreuves, KindForm: ThemeEpreuves,
	KindLimitWhich: ThemeSavoirs, KindTask: ThemeActivites, KindCoefTyped: ThemeEpreuves, KindDurTyped: ThemeEpreuves,
	KindStep: ThemeActivites,
}

// Item is one question.
type Item struct {
	ID       string   `json:"id"` // stable while the texts do not change
	Diploma  string   `json:"diploma"`
	Kind     string   `json:"kind"`
	Theme    string   `json:"theme"`
	Question string   `json:"question"`
	Choices  []string `json:"choices"` // the answer and its distractors, in display order
	Correct  int      `json:"correct"` // index of the answer in Choices
	// Typed items are answered by typing: Choices holds the answer alone,
	// checked leniently by Check.
	Typed       bool           `json:"typed,omitempty"`
	Explanation string         `json:"explanation"`
	Citation    tutor.Citation `json:"citation"`
	// Evidence is what the cited passage says verbatim that proves the
	// answer (normalised spaces).
	Evidence string `json:"evidence"`
}

// Answer is the correct choice.
func (it *Item) Answer() string { return it.Choices[it.Correct] }

// Bank is every item, by ID.
type Bank struct {
	Items []*Item
	byID  map[string]*Item
}

// NewBank is a bank of the given items (the first of a duplicated ID wins).
func NewBank(items []*Item) *Bank {
	b := &Bank{byID: map[string]*Item{}}
	for _, it := range items {
		if _, dup := b.byID[it.ID]; !dup {
			b.byID[it.ID] = it
			b.Items = append(b.Items, it)
		}
	}
	return b
}

// Item returns the item with the ID, if it still exists.
func (b *Bank) Item(id string) (*Item, bool) {
	it, ok := b.byID[id]
	return it, ok
}

// Select lists the items of a diploma and theme ("" for any).
func (b *Bank) Select(diploma, theme string) []*Item {
	var out []*Item
	for _, it := range b.Items {
		if (diploma == "" || it.Diploma == diploma) && (theme == "" || it.Theme == theme) {
			out = append(out, it)
		}
	}
	return out
}

// Pick draws n distinct items of a diploma and theme, none withheld; typed
// items only when typed is set (a class quiz is answered with buttons).
func (b *Bank) Pick(r *rand.Rand, diploma, theme string, n int, withheld map[string]bool, typed bool) []*Item {
	pool := slices.DeleteFunc(b.Select(diploma, theme), func(it *Item) bool { return withheld[it.ID] || it.Typed && !typed })
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return pool[:min(n, len(pool))]
}

// FlagsToWithhold is how many students must flag a question for it to be
// withheld: one may be mistaken, two are a reason to look.
const FlagsToWithhold = 2

// Withheld are the questions flagged by enough students, from the store's
// counts (none when they cannot be read: a flag never stops a quiz).
func Withheld(ctx context.Context, s interface {
	Flags(context.Context) (map[string]int, error)
}) map[string]bool {
	flags, err := s.Flags(ctx)
	if err != nil {
		return nil
	}
	out := map[string]bool{}
	for id, n := range flags {
		if n >= FlagsToWithhold {
			out[id] = true
		}
	}
	return out
}

// Count is the number of items per diploma and kind.
func (b *Bank) Count() map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, it := range b.Items {
		if out[it.Diploma] == nil {
			out[it.Diploma] = map[string]int{}
		}
		out[it.Diploma][it.Kind]++
	}
	return out
}

// Build writes the bank of every référentiel of the corpus.
func Build(c *corpus.Corpus) *Bank {
	b := &Bank{byID: map[string]*Item{}}
	for _, d := range c.Docs {
		w := &builder{doc: d, m: d.Model, bank: b}
		w.competences()
		w.epreuves()
		w.limites()
		w.tasks()
		w.steps()
	}
	return b
}

type builder struct {
	doc   *corpus.Doc
	m     *tutor.Referentiel
	bank  *Bank
	spans map[tutor.Lines]string
}

// span is the passage at l, normalised (cached: many items cite one passage).
func (w *builder) span(l tutor.Lines) string {
	if s, ok := w.spans[l]; ok {
		return s
	}
	if w.spans == nil {
		w.spans = map[tutor.Lines]string{}
	}
	s := w.doc.Span(l)
	w.spans[l] = s
	return s
}

// add finishes an item: its ID, citation, choices in a stable order. Items
// whose evidence is not in the cited lines, or without three distractors,
// are dropped: the bank never asks what it cannot prove.
func (w *builder) add(kind, key, question, answer string, distractors []string, explanation string, lines tutor.Lines, evidence string) {
	evidence = corpus.Normalize(evidence)
	if evidence == "" || !strings.Contains(w.span(lines), evidence) {
		return
	}
	var ds []string
	for _, x := range distractors {
		if x != "" && x != answer && !slices.Contains(ds, x) {
			ds = append(ds, x)
		}
	}
	if len(ds) < 3 {
		return
	}
	id, sum := w.itemID(kind, key)
	if _, dup := w.bank.byID[id]; dup {
		return
	}
	r := rand.New(rand.NewPCG(sum, 1))
	pool := ds
	ds = pickDistractors(r, slices.Clone(pool))
	if givesAway(question, answer, ds) {
		// Options that speak of the question's words as the answer does,
		// if there are enough; else the item is not asked.
		q := contentWords(question)
		slices.SortStableFunc(pool, func(a, b string) int { return sharedWords(q, b) - sharedWords(q, a) })
		if ds = pool[:3]; givesAway(question, answer, ds) {
			return
		}
	}
	choices := append([]string{answer}, ds...)
	r.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
	w.put(&Item{ID: id, Kind: kind, Question: question, Choices: choices, Correct: slices.Index(choices, answer),
		Explanation: explanation, Evidence: evidence}, lines)
}

// addTyped adds an item the student answers by typing it: a figure, read
// leniently (see Check).
func (w *builder) addTyped(kind, key, question, answer, explanation string, lines tutor.Lines, evidence string) {
	evidence = corpus.Normalize(evidence)
	if evidence == "" || !strings.Contains(w.span(lines), evidence) {
		return
	}
	if _, err := parseTyped(kind, answer); err != nil {
		return // a figure the reader could not check
	}
	id, _ := w.itemID(kind, key)
	if _, dup := w.bank.byID[id]; dup {
		return
	}
	w.put(&Item{ID: id, Kind: kind, Question: question, Choices: []string{answer}, Typed: true,
		Explanation: explanation, Evidence: evidence}, lines)
}

// itemID is an item's stable ID, from its diploma, kind and key, and the
// hash it comes from.
func (w *builder) itemID(kind, key string) (string, uint64) {
	dip := w.doc.Meta.Diploma
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s|%s", dip, kind, key)
	sum := h.Sum64()
	return fmt.Sprintf("%s%x", strings.ToLower(dip[:1]), sum&0xffffffffff), sum
}

// put completes an item with its diploma, theme and citation, and banks it.
func (w *builder) put(it *Item, lines tutor.Lines) {
	d := w.doc.Meta
	it.Diploma, it.Theme = d.Diploma, themeOf[it.Kind]
	it.Citation = tutor.Citation{N: 1, Diploma: d.Diploma, Source: d.Source, Section: sectionOf(w.doc, lines), Lines: lines,
		Text: quoteAround(reTag.ReplaceAllString(w.span(lines), ""), it.Evidence, maxQuote), DocTitle: d.Title, DocDate: d.Date, DocStatus: d.Status}
	w.bank.Items = append(w.bank.Items, it)
	w.bank.byID[it.ID] = it
}

// Proof is what a correction quotes: the passage that proves the answer,
// where it stands in the text, and the text's status when it has changed
// since (the NRC replaced by the NDRC, the CCST épreuves renumbered).
func (it *Item) Proof() string {
	c := it.Citation
	var b strings.Builder
	fmt.Fprintf(&b, "> %s\n— BTS %s, %s (%s)", strings.ReplaceAll(c.Text, "\n", "\n> "), c.Diploma, c.Section, c.Lines)
	if c.DocStatus != "" {
		fmt.Fprintf(&b, "\n⚠️ %s", c.DocStatus)
	}
	return b.String()
}

// maxQuote is the longest passage quoted in a correction.
const maxQuote = 600

// quoteAround quotes at most limit bytes of a passage, always with the
// sentence that proves the answer: from the start when it is near, else
// from a little before it.
func quoteAround(passage, evidence string, limit int) string {
	i := strings.Index(passage, evidence)
	if i < 0 || i+len(evidence) <= limit-1 {
		return tutor.Clip(passage, limit)
	}
	start := max(0, i-120)
	if sp := strings.LastIndex(passage[:start], " "); sp >= 0 {
		start = sp + 1
	}
	return "… " + tutor.Clip(passage[start:], limit-len("… "))
}

// givesAway reports whether the answer is the one option that shares words
// with the question ("Animation du point de vente" → "Animation de l'équipe
// et du point de vente"): found without knowing anything.
func givesAway(question, answer string, distractors []string) bool {
	q := contentWords(question)
	a := sharedWords(q, answer)
	return a > 0 && !slices.ContainsFunc(distractors, func(d string) bool { return sharedWords(q, d) >= a })
}

// sharedWords counts an option's content words among the question's.
func sharedWords(question map[string]bool, option string) int {
	n := 0
	for w := range contentWords(option) {
		if question[w] {
			n++
		}
	}
	return n
}

// contentWords are the words of five letters or more of a text, folded and
// without a plural mark: what tells a question's topic.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(tutor.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 5 {
			out[strings.TrimSuffix(w, "s")] = true
		}
	}
	return out
}

// pickDistractors keeps three, drawn from the plausible ones.
func pickDistractors(r *rand.Rand, ds []string) []string {
	r.Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
	return ds[:3]
}

// sectionOf is the breadcrumb of the section holding the lines.
func sectionOf(d *corpus.Doc, l tutor.Lines) string {
	for _, s := range d.Sections {
		if s.Lines.Contains(l[0]) {
			return s.Path()
		}
	}
	return ""
}
