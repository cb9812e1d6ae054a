package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
)

// Chunk sizes, in characters. A Discord embed field holds 1 024 characters and a
// description 4 096: a chunk always fits a field once its heading is added.
const (
	maxChunk      = 900
	maxCrumbTitle = 70
)

type unit struct {
	text     string
	from, to int
	code     string // canonical code the unit starts with (a table row "E4 …")
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
	u := unit{text: text, from: b.from, to: b.to}
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
	for _, u := range units {
		n := utf8.RuneCountInString(u.text)
		if n > maxChunk {
			if len(cur) > 0 {
				c.emit(cur, "")
				cur, size = nil, 0
			}
			for _, piece := range packSentences(u.text, maxChunk) {
				c.emit([]unit{{text: piece, from: u.from, to: u.to, code: u.code}}, "")
			}
			continue
		}
		if len(cur) > 0 && (size+n+1 > maxChunk || u.code != "") {
			// A sentence announcing a list goes with its list.
			var intro []unit
			if last := cur[len(cur)-1]; len(cur) > 1 && u.code == "" && strings.HasSuffix(strings.TrimSpace(last.text), ":") {
				intro, cur = []unit{last}, cur[:len(cur)-1]
			}
			c.emit(cur, "")
			cur, size = intro, 0
			for _, x := range intro {
				size += utf8.RuneCountInString(x.text) + 1
			}
		}
		cur = append(cur, u)
		size += n + 1
	}
	if len(cur) > 0 {
		c.emit(cur, "")
	}
}

// packSentences splits a long text into pieces of at most max runes.
func packSentences(s string, max int) []string {
	var out []string
	var cur strings.Builder
	for _, sent := range splitSentences(s) {
		for utf8.RuneCountInString(sent) > max {
			// A single overlong sentence: cut on a word boundary.
			head := shorten(sent, max)
			head = strings.TrimSuffix(head, "…")
			out = append(out, head)
			sent = strings.TrimSpace(sent[len(head):])
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
		crumb = append(crumb, shorten(h.text, maxCrumbTitle))
		addCode(h.code)
	}
	var lines []string
	var defines []string
	from, to := 0, 0
	pending := c.pending
	c.pending = nil
	for _, h := range pending {
		if n := len(stack); n > 0 && stack[n-1].code == h.code {
			continue // the section's own heading, written below
		}
		lines = append(lines, h.text)
		if !contains(defines, h.code) {
			defines = append(defines, h.code)
		}
		if from == 0 || h.from < from {
			from = h.from
		}
		to = max(to, h.to)
	}
	if n := len(stack); n > 0 && stack[n-1].code != "" {
		top := stack[n-1]
		lines = append(lines, top.text)
		if !contains(defines, top.code) {
			defines = append(defines, top.code)
		}
		if from == 0 || top.from < from {
			from = top.from
		}
		to = max(to, top.to)
	}
	for _, u := range units {
		if u.text != "" {
			lines = append(lines, u.text)
		}
		if u.code != "" && !contains(defines, u.code) {
			defines = append(defines, u.code)
		}
		if from == 0 || u.from < from {
			from = u.from
		}
		if u.to > to {
			to = u.to
		}
	}
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
