// Package tutor holds the domain types of the BTS tutor: référentiel documents,
// the sections they are cut into, the structured référentiel model and the
// platform-neutral replies that every front end (CLI, console, Discord) renders.
//
// It depends on the standard library only; every adapter imports it, never the
// reverse.
package tutor

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Kind classifies a section by what it is about.
type Kind string

// Section kinds, as named in the issue tracker and shown to users.
const (
	KindCompetence Kind = "compétence"
	KindSavoir     Kind = "savoir"
	KindEpreuve    Kind = "épreuve"
	KindActivite   Kind = "activité"
	KindStage      Kind = "stage"
	KindHoraire    Kind = "horaire"
	KindReglement  Kind = "règlement"
	KindGeneral    Kind = "général"
)

// Document describes one référentiel text and where it comes from.
// Its fields are shown in every citation.
type Document struct {
	Diploma   string `json:"diploma"`    // short code: NRC, CCST, …
	Title     string `json:"title"`      // full title of the diploma
	Date      string `json:"date"`       // date of the text (arrêté)
	Status    string `json:"status"`     // e.g. which later texts amend it
	Source    string `json:"source"`     // file name
	CodeStyle string `json:"code_style"` // "dotted" (C1.3) or "compact" (C13)
	// Aliases are other names students give the diploma ("technico-co").
	Aliases []string `json:"aliases,omitempty"`
}

// Label is the short human name of the document, e.g. "BTS CCST".
func (d Document) Label() string { return "BTS " + d.Diploma }

// Lines is an inclusive, 1-based range of source lines.
type Lines [2]int

// String formats the range the way citations show it.
func (l Lines) String() string {
	if l[0] == l[1] {
		return fmt.Sprintf("ligne %d", l[0])
	}
	return fmt.Sprintf("lignes %d-%d", l[0], l[1])
}

// Contains reports whether line n falls inside the range.
func (l Lines) Contains(n int) bool { return n >= l[0] && n <= l[1] }

// Section is one chunk of a référentiel, sized for a Discord embed.
type Section struct {
	ID         string   `json:"id"`
	Diploma    string   `json:"diploma"`
	Source     string   `json:"source"`
	Breadcrumb []string `json:"breadcrumb"`
	Kind       Kind     `json:"kind"`
	Codes      []string `json:"codes"`   // canonical codes mentioned
	Defines    []string `json:"defines"` // canonical codes this chunk defines
	Lines      Lines    `json:"lines"`
	Text       string   `json:"text"` // display text, markup removed
}

// Path is the breadcrumb joined for display.
func (s *Section) Path() string { return strings.Join(s.Breadcrumb, " › ") }

// HasCode reports whether the section mentions the canonical code.
func (s *Section) HasCode(code string) bool { return slices.Contains(s.Codes, code) }

// DefinesCode reports whether the section defines the canonical code.
func (s *Section) DefinesCode(code string) bool { return slices.Contains(s.Defines, code) }

// Citation points to the passage that supports part of an answer.
type Citation struct {
	N       int    `json:"n"`
	Diploma string `json:"diploma"`
	Source  string `json:"source"`
	Section string `json:"section"`
	Lines   Lines  `json:"lines"`
	Text    string `json:"text"`
	// Document metadata, shown with the citation.
	DocTitle  string `json:"doc_title"`
	DocDate   string `json:"doc_date"`
	DocStatus string `json:"doc_status"`
}

// Reply is a platform-neutral answer: the console prints it, the CLI encodes it
// as JSON and the Discord adapter turns it into an embed.
type Reply struct {
	Question  string     `json:"question"`
	Answer    string     `json:"answer"`
	Abstained bool       `json:"abstained"`
	Mode      string     `json:"mode"` // "extractive" or "llm"
	Citations []Citation `json:"citations"`
	// Verified is false when a generated answer kept something the checks
	// could not prove; extractive answers are verified by construction.
	Verified bool `json:"verified"`
	// RemovedCitations counts the markers of a generated answer that pointed
	// to no passage and were removed.
	RemovedCitations int `json:"removed_citations"`
	// Note tells the student what happened (a fallback, a correction).
	Note string `json:"note,omitempty"`
}

// Limits shared by every front end.
const (
	// MaxQuestionLen is the longest question accepted, in characters.
	MaxQuestionLen = 2000
)

// ChatMessage is one message of a conversation with a language model.
type ChatMessage struct {
	Role    string `json:"role"` // "system", "user" or "assistant"
	Content string `json:"content"`
}

// Completion is what a language model produced and what it cost.
type Completion struct {
	Text         string
	PromptTokens int
	OutputTokens int
	// Finish is why the model stopped ("stop" when it finished; "length"
	// when cut at the token limit; "" when the stream ended without
	// saying): anything but "stop" is an unfinished answer.
	Finish string
}

// ErrLLMTimeout is returned by an LLM whose first token or whole answer is
// late.
var ErrLLMTimeout = errors.New("le modèle de langue n'a pas répondu à temps")

// LLM is a chat model. Chat streams the text to onDelta as it arrives when
// onDelta is not nil; it fails on timeouts, refused requests and server
// errors that persist after retries.
type LLM interface {
	Chat(ctx context.Context, msgs []ChatMessage, onDelta func(string)) (Completion, error)
	Model() string
}
