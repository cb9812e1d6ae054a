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
	// The text it comes from: its title, date and status ("remplacé par
	// le BTS NDRC"), so that the model does not present an old rule as
	// current.
	Title, Date, Status string
}

// PassagesFrom numbers a reply's citations as passages.
func PassagesFrom(cs []tutor.Citation) []Passage {
	out := make([]Passage, len(cs))
	for i, c := range cs {
		out[i] = Passage{N: c.N, Diploma: c.Diploma, Section: c.Section, Text: c.Text, Title: c.DocTitle, Date: c.DocDate, Status: c.DocStatus}
	}
	return out
}

// Data is what the system prompt is rendered with.
type Data struct {
	Passages []Passage
	// Facts are the référentiel facts already resolved from the model, with
	// [n] markers that refer to the passages.
	Facts string
}

// System renders the system prompt: the rules, the facts and the numbered
// passages. It fails only if a template is broken.
func System(d Data) (string, error) {
	return render("system.tmpl", d)
}

// Rules is the system prompt without facts nor passages: the text a
// model must never repeat to a student.
func Rules() string {
	s, _ := System(Data{})
	return s
}

// Question renders the user message: the student's question, delimited as
// data. Angle brackets in it are escaped so that it cannot close the block.
func Question(q string) (string, error) {
	q = strings.NewReplacer("<", "‹", ">", "›").Replace(q)
	return render("question.tmpl", q)
}

func render(name string, data any) (string, error) {
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("prompts : %w", err)
	}
	return b.String(), nil
}
