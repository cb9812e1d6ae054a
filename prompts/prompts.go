// Package prompts holds the French prompt templates sent to an LLM, embedded
// in the binary, and renders them. The extractive answers need none; they are
// used once an OpenAI-compatible model is configured.
package prompts

import (
	"embed"
	"fmt"
	"strings"
	"text/template"

	tutor "github.com/btstutor/tutor"
)

//go:embed *.tmpl
var files embed.FS

var tmpl = template.Must(template.New("").ParseFS(files, "*.tmpl"))

// Passage is one numbered passage given to the model.
type Passage struct {
	N       int
	Diploma string
	Section string
	Text    string
}

// PassagesFrom numbers a reply's citations as passages.
func PassagesFrom(cs []tutor.Citation) []Passage {
	out := make([]Passage, len(cs))
	for i, c := range cs {
		out[i] = Passage{N: c.N, Diploma: c.Diploma, Section: c.Section, Text: c.Text}
	}
	return out
}

// System renders the system prompt with the passages; it fails only if a
// template is broken.
func System(passages []Passage) (string, error) {
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "system.tmpl", passages); err != nil {
		return "", fmt.Errorf("prompts: %w", err)
	}
	return b.String(), nil
}
