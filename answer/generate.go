package answer

import (
	"context"
	"errors"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/prompts"
)

// ModeLLM names replies written by a language model and verified.
const ModeLLM = "llm"

// maxPassages bounds the passages given to the model.
const maxPassages = 6

// Notes shown with a fallback to the extractive answer.
const (
	NoteTimeout     = "Le modèle de langue n'a pas répondu à temps : voici la réponse extraite directement des textes."
	NoteUnavailable = "Le modèle de langue est indisponible : voici la réponse extraite directement des textes."
	NoteNoCitation  = "La réponse rédigée ne s'appuyait sur aucun passage cité : voici les passages eux-mêmes."
	NoteCorrected   = "Un chiffre de la réponse rédigée ne correspondait pas au référentiel : la phrase a été corrigée d'après le texte."
	NoteRemoved     = "Réponse vérifiée en partie : une phrase que les passages cités n'établissent pas a été retirée."
	NoteFiltered    = "Réponse vérifiée en partie : une phrase contenant un lien, une mention ou des consignes internes a été retirée."
	NoteUnfinished  = "Réponse vérifiée en partie : la rédaction s'est interrompue, la phrase inachevée a été retirée."
)

// GenOptions are the optional parts of a generated answer.
type GenOptions struct {
	// History holds the previous turns of the conversation, oldest first,
	// already bounded by the caller.
	History []tutor.ChatMessage
	// OnDelta, when set, receives the verified part of the answer so far,
	// each time a sentence is complete.
	OnDelta func(soFar string)
}

// Generation tells how a generated answer went.
type Generation struct {
	Prompt []tutor.ChatMessage // what was sent (nil when the model was not asked)
	Usage  tutor.Completion
	// Err is the model's failure, already handled by falling back to the
	// extractive answer; it is for the logs.
	Err error
}

// Generate answers with a language model, grounded in the passages the
// extractive pipeline finds, then verifies the result: citations to no
// passage are removed, numbers must come from the cited passages or the
// référentiel facts, an answer left without citation falls back to the
// extractive one. Questions the texts do not answer are refused without
// asking the model. Bad input gives the errors of Answer.
func (e *Engine) Generate(ctx context.Context, model tutor.LLM, question, diploma string, opt GenOptions) (tutor.Reply, Generation, error) {
	q, err := e.Analyze(question, diploma)
	if err != nil {
		return tutor.Reply{}, Generation{}, err
	}
	base, err := e.AnswerQuery(ctx, q)
	if err != nil || base.Abstained || model == nil {
		return base, Generation{}, err
	}
	passages, err := e.passagesFor(ctx, q, base)
	if err != nil {
		return tutor.Reply{}, Generation{}, err
	}
	msgs, err := e.prompt(question, base, passages, opt.History)
	if err != nil {
		return tutor.Reply{}, Generation{}, err
	}
	gen := Generation{Prompt: msgs}
	var onDelta func(string)
	if opt.OnDelta != nil {
		onDelta = e.verifiedStream(q, passages, base, opt.OnDelta)
	}
	out, err := model.Chat(ctx, msgs, onDelta)
	gen.Usage = out
	if err != nil {
		gen.Err = err
		base.Note = NoteUnavailable
		if isTimeout(err) {
			base.Note = NoteTimeout
		}
		return base, gen, nil
	}
	text, finished := out.Text, finishedReasons[out.Finish]
	if !finished {
		// Cut short (token limit, stream ended without its end): the
		// unfinished sentence goes.
		text = cutUnfinished(text)
	}
	v := e.verify(q, text, passages, base)
	if len(v.citations) == 0 || v.own == 0 {
		base.Note = NoteNoCitation
		if v.filtered > 0 {
			base.Note = NoteFiltered
		}
		base.RemovedCitations = v.removed
		return base, gen, nil
	}
	reply := tutor.Reply{Question: base.Question, Answer: v.text, Mode: ModeLLM, Citations: v.citations,
		Verified: !v.dropped && finished, RemovedCitations: v.removed}
	switch {
	case v.filtered > 0:
		reply.Note = NoteFiltered
	case v.dropped:
		reply.Note = NoteRemoved
	case !finished:
		reply.Note = NoteUnfinished
	case v.corrected:
		reply.Note = NoteCorrected
	}
	return reply, gen, nil
}

// verifiedStream shows only what passed verification while the model
// writes: each time a sentence is complete, the complete part is checked
// and its verified text replaces what was shown.
func (e *Engine) verifiedStream(q *Query, passages []tutor.Citation, base tutor.Reply, show func(string)) func(string) {
	var so strings.Builder
	done, shown, checks := 0, "", 0
	return func(d string) {
		so.WriteString(d)
		if checks >= maxStreamChecks {
			return // a runaway answer: the final verification alone
		}
		complete := cutUnfinished(so.String())
		if len(complete) <= done {
			return
		}
		done = len(complete)
		checks++
		if v := e.verify(q, complete, passages, base); v.text != "" && v.text != shown {
			shown = v.text
			show(shown)
		}
	}
}

// maxStreamChecks bounds how many times the text shown while the model
// writes is verified: an answer has a few sentences (the rules say 8 at
// most); a runaway one is only verified once it ends.
const maxStreamChecks = 16

// finishedReasons are the finish reasons of a model that ended its answer
// (OpenAI and most servers say "stop"; TGI "eos_token", others "eos").
var finishedReasons = map[string]bool{"stop": true, "eos": true, "eos_token": true, "end_turn": true}

func isTimeout(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, tutor.ErrLLMTimeout)
}

// passagesFor numbers the passages given to the model: the extractive
// answer's citations first (so that its facts keep their markers), then the
// best other passages found.
func (e *Engine) passagesFor(ctx context.Context, q *Query, base tutor.Reply) ([]tutor.Citation, error) {
	out := append([]tutor.Citation(nil), base.Citations...)
	res, err := e.search(ctx, q, e.subjects(q), searchDepth)
	if err != nil {
		return nil, err
	}
	for _, r := range res {
		if len(out) >= maxPassages {
			break
		}
		s := r.Section
		dup := false
		for _, c := range out {
			if c.Diploma == s.Diploma && c.Lines == s.Lines {
				dup = true
			}
		}
		if dup {
			continue
		}
		d := e.Corpus.Doc(s.Diploma)
		out = append(out, tutor.Citation{N: len(out) + 1, Diploma: s.Diploma, Source: s.Source, Section: s.Path(),
			Lines: s.Lines, Text: s.Text, DocTitle: d.Meta.Title, DocDate: d.Meta.Date, DocStatus: d.Meta.Status})
	}
	return out, nil
}

// prompt builds the messages: rules, facts and passages; the history; the
// question as data.
func (e *Engine) prompt(question string, base tutor.Reply, passages []tutor.Citation, history []tutor.ChatMessage) ([]tutor.ChatMessage, error) {
	facts := ""
	if !strings.Contains(base.Answer, "\n> ") {
		facts = base.Answer // facts from the model, not quoted passages
	}
	sys, err := prompts.System(prompts.Data{Passages: prompts.PassagesFrom(passages), Facts: facts})
	if err != nil {
		return nil, err
	}
	user, err := prompts.Question(question)
	if err != nil {
		return nil, err
	}
	msgs := []tutor.ChatMessage{{Role: "system", Content: sys}}
	for _, m := range history {
		if m.Role == "user" {
			// Earlier questions stay data, as the current one is.
			if m.Content, err = prompts.Question(m.Content); err != nil {
				return nil, err
			}
		}
		msgs = append(msgs, m)
	}
	return append(msgs, tutor.ChatMessage{Role: "user", Content: user}), nil
}
