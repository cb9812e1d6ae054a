package corpus

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
)

// Chunk sizes, in characters. A passage is packed up to maxChunk; a list
// stays whole with the sentence that announces it, and a savoir with its
// limits, up to MaxSection. A Discord embed description holds 4 096
// characters: two passages and the answer that quotes them fit in one.
const (
	maxChunk      = 900
	maxCrumbTitle = 70
	// MaxSection is the longest passage, in characters.
	MaxSection = 1500
)

type unit struct {
	text     string
	from, to int
	code     string // canonical code the unit starts with (a table row "E4 …")
	alone    bool   // a table row with its headers: a passage of its own
}

type chunker struct {
	doc      tutor.Document
	w        walker
	units    []unit
	sections []tutor.Section
	// The heading just pushed, if it has received no content yet.
	bare *heading
	// Code headings that had no content of their own: they open the next
	// section, so that a heading is never a passage alone.
	pending []heading
}

// buildSections cuts a block stream into sections sized for display.
func buildSections(doc tutor.Document, blocks []block) []tutor.Section {
	c := &chunker{doc: doc, w: walker{style: doc.CodeStyle}}
	for _, b := range blocks {
		if b.typ == bHeading {
			c.flush()
			h := c.w.push(b)
			c.bare = &h
			continue
		}
		c.add(b)
	}
	c.flush()
	if len(c.pending) > 0 {
		// Headings with nothing after them at all: alone, as a last resort.
		pending := c.pending
		c.pending = nil
		for _, h := range pending {
			c.w.stack = []heading{h}
			c.emit([]unit{{from: h.from, to: h.to}}, "")
		}
	}
	return c.sections
}

func (c *chunker) add(b block) {
	text := b.text
	switch b.typ {
	case bItem:
		text = "• " + text
	case bRow:
		if text == "" {
			text = joinCells(b.cells)
		}
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	u := unit{text: text, from: b.from, to: b.to, alone: b.alone}
	if b.epreuve != nil {
		// A règlement row defines its épreuve; other tables only mention codes.
		u.code = b.epreuve.Code
	}
	c.units = append(c.units, u)
	c.bare = nil
}

func joinCells(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " · ")
}

// flush packs the pending units into sections.
func (c *chunker) flush() {
	units := c.units
	c.units = nil
	if len(units) == 0 {
		// A code heading with no content still defines its code: it opens
		// the next section.
		if c.bare != nil && c.bare.code != "" {
			c.pending = append(c.pending, *c.bare)
		}
		c.bare = nil
		return
	}
	var cur []unit
	size := 0
	for _, g := range listGroups(units) {
		n := groupSize(g)
		if len(g) == 1 && n > maxChunk+1 {
			u := g[0]
			if len(cur) > 0 {
				c.emit(cur, "")
				cur, size = nil, 0
			}
			for _, piece := range splitLong(u.text, maxChunk) {
				c.emit([]unit{{text: piece, from: u.from, to: u.to, code: u.code}}, "")
			}
			continue
		}
		first := g[0]
		if len(cur) > 0 && (size+n > maxChunk || first.code != "" || first.alone || cur[len(cur)-1].alone) {
			c.emit(cur, "")
			cur, size = nil, 0
		}
		if n > maxList {
			// A list too long for one passage: cut between its items,
			// the first part keeping the sentence that announces it.
			for _, u := range g {
				un := utf8.RuneCountInString(u.text) + 1
				if len(cur) > 0 && size+un > maxChunk {
					c.emit(cur, "")
					cur, size = nil, 0
				}
				cur = append(cur, u)
				size += un
			}
			continue
		}
		cur = append(cur, g...)
		size += n
	}
	if len(cur) > 0 {
		c.emit(cur, "")
	}
}

// maxList is the longest list (with the sentence that announces it) kept in
// one passage, in characters: a list is read whole.
const maxList = MaxSection - 100

// listGroups groups units so that a sentence ending with a colon stays with
// the items that follow it; every other unit is a group of its own.
func listGroups(units []unit) [][]unit {
	var out [][]unit
	for i := 0; i < len(units); {
		u := units[i]
		j := i + 1
		if strings.HasSuffix(strings.TrimSpace(u.text), ":") && u.code == "" && !u.alone {
			for j < len(units) && strings.HasPrefix(units[j].text, "• ") && units[j].code == "" && !units[j].alone {
				j++
			}
		}
		g := units[i:j]
		if len(g) > 1 && groupSize(g) > maxList {
			// Too long to stay whole: the sentence that announces the list
			// goes with it, what the paragraph said before stays apart.
			if before, last, ok := cutLastSentence(u.text); ok {
				out = append(out, []unit{{text: before, from: u.from, to: u.to}})
				g = append([]unit{{text: last, from: u.from, to: u.to}}, g[1:]...)
			}
		}
		out = append(out, g)
		i = j
	}
	return out
}

func groupSize(g []unit) int {
	n := 0
	for _, u := range g {
		n += utf8.RuneCountInString(u.text) + 1
	}
	return n
}

// cutLastSentence splits a paragraph before its last sentence.
func cutLastSentence(text string) (before, last string, ok bool) {
	t := strings.TrimSpace(text)
	for i := len(t) - 2; i > 0; i-- {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' {
			before, last = strings.TrimSpace(t[:i+1]), strings.TrimSpace(t[i+1:])
			return before, last, before != "" && last != ""
		}
	}
	return "", "", false
}

// limitsMark joins a savoir and its limits in a row of the CCST text.
const limitsMark = " — limites : "

// splitLong cuts an overlong unit into pieces of at most max runes. A savoir
// row ("Title (known, …) — limites : a ; b ; …") is cut between its items,
// every piece keeping the savoir's title so that it reads alone.
func splitLong(text string, max int) []string {
	head, limits, ok := strings.Cut(text, limitsMark)
	if !ok {
		return packSentences(text, max)
	}
	title := head
	if i := strings.Index(head, " ("); i > 0 {
		title = head[:i]
	}
	var out []string
	if utf8.RuneCountInString(head) > max/2 {
		for _, p := range packItems(strings.TrimSuffix(strings.TrimPrefix(head, title+" ("), ")"), ", ", max-utf8.RuneCountInString(title)-4) {
			out = append(out, title+" ("+p+")")
		}
	} else {
		out = append(out, head)
	}
	for _, p := range packItems(limits, " ; ", max-utf8.RuneCountInString(title+limitsMark)) {
		out = append(out, title+limitsMark+p)
	}
	return out
}

// packItems packs the items of a list into pieces of at most max runes.
func packItems(list, sep string, max int) []string {
	var out []string
	cur := ""
	for _, it := range strings.Split(list, sep) {
		if cur != "" && utf8.RuneCountInString(cur)+len(sep)+utf8.RuneCountInString(it) > max {
			out = append(out, cur)
			cur = ""
		}
		if cur != "" {
			cur += sep
		}
		cur += it
	}
	if cur != "" {
		out = append(out, cur)
	}
	var fit []string
	for _, p := range out {
		fit = append(fit, packSentences(p, max)...) // an item longer than a piece
	}
	return fit
}

// packSentences splits a long text into pieces of at most max runes.
func packSentences(s string, max int) []string {
	var out []string
	var cur strings.Builder
	for _, sent := range splitSentences(s) {
		for utf8.RuneCountInString(sent) > max {
			// A single overlong sentence: cut on a word boundary.
			flat := strings.ReplaceAll(sent, "\n", " ") // same length: head is its prefix
			head := strings.TrimSuffix(tutor.Clip(flat, max), "…")
			out = append(out, head)
			sent = strings.TrimSpace(flat[len(head):])
		}
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(sent) > max {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(sent)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func (c *chunker) emit(units []unit, _ string) {
	stack := c.w.stack
	var crumb []string
	codes := map[string]bool{}
	var order []string
	addCode := func(code string) {
		if code != "" && !codes[code] {
			codes[code] = true
			order = append(order, code)
		}
	}
	for _, h := range stack {
		crumb = append(crumb, tutor.Clip(h.text, maxCrumbTitle))
		addCode(h.code)
	}
	var g gathered
	pending := c.pending
	c.pending = nil
	for _, h := range pending {
		if n := len(stack); n > 0 && stack[n-1].code == h.code {
			continue // the section's own heading, written below
		}
		g.add(h.text, h.code, h.from, h.to)
	}
	if n := len(stack); n > 0 && stack[n-1].code != "" {
		top := stack[n-1]
		g.add(top.text, top.code, top.from, top.to)
	}
	for _, u := range units {
		g.add(u.text, u.code, u.from, u.to)
	}
	lines, defines, from, to := g.lines, g.defines, g.from, g.to
	text := strings.Join(lines, "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	for _, d := range defines {
		addCode(d)
	}
	for _, m := range tutor.FindCodes(text, c.doc.CodeStyle) {
		addCode(m.Canonical)
	}
	if c.mergeLimits(crumb, text, tutor.Lines{from, to}, order) {
		return
	}
	c.sections = append(c.sections, tutor.Section{
		ID:         fmt.Sprintf("%s-%03d", c.doc.Diploma, len(c.sections)+1),
		Diploma:    c.doc.Diploma,
		Source:     c.doc.Source,
		Breadcrumb: crumb,
		Kind:       c.w.kind(),
		Codes:      order,
		Defines:    defines,
		Lines:      tutor.Lines{from, to},
		Text:       text,
	})
}

// gathered is what a section is made of: its lines, the codes it defines
// and the source lines it spans.
type gathered struct {
	lines, defines []string
	from, to       int
}

func (g *gathered) add(text, code string, from, to int) {
	if text != "" {
		g.lines = append(g.lines, text)
	}
	if code != "" && !slices.Contains(g.defines, code) {
		g.defines = append(g.defines, code)
	}
	if g.from == 0 || from < g.from {
		g.from = from
	}
	g.to = max(g.to, to)
}

// maxMerged bounds a savoir passage that takes in its limits.
const maxMerged = MaxSection

// mergeLimits appends the limits of knowledge of a savoir to the passage of
// the savoir they follow (the NRC writes them under it), so that what is
// taught and how far it goes are read together. It reports whether it did.
func (c *chunker) mergeLimits(crumb []string, text string, lines tutor.Lines, codes []string) bool {
	stack := c.w.stack
	if len(stack) == 0 || stack[len(stack)-1].role != roleLimites || len(c.sections) == 0 {
		return false
	}
	prev := &c.sections[len(c.sections)-1]
	if len(prev.Breadcrumb) != len(crumb)-1 || strings.Join(prev.Breadcrumb, "›") != strings.Join(crumb[:len(crumb)-1], "›") {
		return false
	}
	title := stack[len(stack)-1].text
	merged := prev.Text + "\n" + title + " :\n" + text
	if utf8.RuneCountInString(merged) > maxMerged {
		return false
	}
	prev.Text = merged
	prev.Lines[1] = max(prev.Lines[1], lines[1])
	for _, code := range codes {
		if !slices.Contains(prev.Codes, code) {
			prev.Codes = append(prev.Codes, code)
		}
	}
	return true
}
