package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/quiz"
	"github.com/btstutor/tutor/scenario"
)

// Command names, shared by Discord and the console.
const (
	CmdQuestion   = "question"
	CmdCompetence = "competence"
	CmdEpreuve    = "epreuve"
	CmdSavoir     = "savoir"
	CmdConfig     = "config"
	CmdAide       = "aide"
)

// Option names.
const (
	OptTexte     = "texte"
	OptCode      = "code"
	OptRecherche = "recherche"
	OptDiplome   = "diplome"
	OptPortee    = "portee"
	OptRole      = "role"
)

// Outcomes counted in the metrics.
const (
	OutcomeOK          = "ok"
	OutcomeAbstained   = "abstained"
	OutcomeRefused     = "refused" // bad input, missing permission
	OutcomeRateLimited = "rate_limited"
	OutcomeError       = "error"
)

// Request is one command as typed by a user, on Discord or in the console.
type Request struct {
	Command string
	Sub     string // subcommand (config)
	Options map[string]string
	// Where and who: GuildID is "" in direct messages.
	GuildID, ChannelID, UserID string
	Roles                      []string
	ManageGuild                bool // holds Manage Server (or Administrator)
	// Conversation, when set, names the thread whose previous turns a
	// question follows up on; the question and answer are added to it.
	Conversation string
	// OnDelta receives the verified part of a generated answer as it is
	// written, sentence by sentence.
	OnDelta func(soFar string)
	// Files are the contents of the files joined, by option name (a
	// candidate's fiche), read by the platform.
	Files map[string][]byte
}

// Response is what a command shows, platform-neutral.
type Response struct {
	Title string
	// Reply is a cited answer or a reference card; nil for plain messages.
	Reply *tutor.Reply
	// Text is a plain message: help, confirmation, error.
	Text string
	// Ephemeral responses are shown to the requester only.
	Ephemeral bool
	// Brief is a simulation brief (/scenario); Text then holds it as Markdown.
	Brief *scenario.Brief
	// Question is a quiz question to show with answer buttons; Text holds
	// it as text.
	Question *Question
	// Buttons are extra buttons (a confirmation); File is an attachment.
	Buttons []Button
	File    *Attachment
	// Hint is a short note shown under the answer.
	Hint    string
	Outcome string
	// LLMErr is the language model's failure, already handled by the
	// extractive fallback; for the logs.
	LLMErr error
}

// Router runs commands against the answer engine and the store.
type Router struct {
	Engine  *answer.Engine
	Store   tutor.Store
	Metrics *Metrics
	// LLM, when set, writes the answers to questions; they are verified
	// against the passages. Nil keeps the extractive answers.
	LLM tutor.LLM
	// Daily token budgets of the language model (0: unlimited).
	UserBudget, GuildBudget int
	// Scenarios writes the simulation briefs of /scenario; nil disables it.
	Scenarios *scenario.Generator
	// Quiz is the question bank; nil disables the quiz commands.
	Quiz *quiz.Bank
	// Scheduler arms the schedules created or deleted by teachers (the
	// bot's, when it runs).
	Scheduler Armer
	// Now is the clock of reviews and leaderboards (time.Now by default).
	Now func() time.Time
	// Table is the command table; nil is DefaultCommands. Set it before the
	// router serves.
	Table     []Command
	tableOnce sync.Once
}

// Conversation bounds.
const (
	historyTurns = 6
	historyChars = 6000
)

// Check validates a search request cheaply, before any work is
// acknowledged: it returns an ephemeral error Response for bad input, nil
// when the request may run. Other commands check their own input.
func (r *Router) Check(req Request) *Response {
	c, ok := r.command(req.Command)
	if !ok || c.Ack != AckSearch || len(c.Options) == 0 {
		return nil
	}
	if err := answer.Validate(req.Options[c.Options[0].Name]); err != nil {
		return refused(err)
	}
	if _, err := r.Engine.ResolveDiploma(req.Options[OptDiplome]); err != nil {
		return refused(err)
	}
	return nil
}

// Execute runs a request through the command table. Bad input gives an
// ephemeral Response with outcome "refused"; the error is for failures of
// the program (store, index), whose details belong in the log, not in front
// of users.
func (r *Router) Execute(ctx context.Context, req Request) (Response, error) {
	c, ok := r.command(req.Command)
	if !ok {
		return Response{Text: fmt.Sprintf("Commande inconnue « %s ». Tapez /aide.", tutor.Clip(req.Command, 40)), Ephemeral: true, Outcome: OutcomeRefused}, nil
	}
	if bad := r.Check(req); bad != nil {
		return *bad, nil
	}
	if c.Teacher {
		if bad, err := r.teacherOnly(ctx, c, req); bad != nil || err != nil {
			if err != nil {
				return Response{}, err
			}
			return *bad, nil
		}
	}
	return c.Run(r, ctx, req)
}

func refused(err error) *Response {
	msg := err.Error()
	r, n := utf8.DecodeRuneInString(msg)
	return &Response{Text: string(unicode.ToUpper(r)) + msg[n:] + ".", Ephemeral: true, Outcome: OutcomeRefused}
}

// diploma is the diploma a request is about: its option, else the channel's
// or server's setting, else "" (every référentiel).
func (r *Router) diploma(ctx context.Context, req Request) (string, tutor.Settings, error) {
	var set tutor.Settings
	if req.GuildID != "" && r.Store != nil {
		var err error
		if set, err = r.Store.Settings(ctx, req.GuildID, req.ChannelID); err != nil {
			return "", set, fmt.Errorf("lecture des réglages : %w", err)
		}
	}
	if d := strings.TrimSpace(req.Options[OptDiplome]); d != "" {
		return d, set, nil
	}
	return set.Diploma, set, nil
}

func (r *Router) answer(ctx context.Context, req Request) (Response, error) {
	d, set, err := r.diploma(ctx, req)
	if err != nil {
		return Response{}, err
	}
	start := time.Now()
	var (
		rep   tutor.Reply
		title string
	)
	var gen answer.Generation
	switch req.Command {
	case CmdQuestion:
		title = req.Options[OptTexte]
		rep, gen, err = r.question(ctx, req, req.Options[OptTexte], d)
	case CmdCompetence:
		title = "Compétence " + req.Options[OptCode]
		rep, err = r.Engine.Card(ctx, tutor.KindCompetence, req.Options[OptCode], d)
	case CmdEpreuve:
		title = "Épreuve " + req.Options[OptCode]
		rep, err = r.Engine.Card(ctx, tutor.KindEpreuve, req.Options[OptCode], d)
	case CmdSavoir:
		title = "Savoir : " + req.Options[OptRecherche]
		rep, err = r.Engine.Answer(ctx, "limites du savoir "+req.Options[OptRecherche], d)
	}
	r.Metrics.ObserveRetrieval(time.Since(start))
	if err != nil {
		if isInputError(err) {
			return *refused(err), nil
		}
		return Response{}, err
	}
	resp := Response{Title: title, Reply: &rep, Outcome: OutcomeOK, LLMErr: gen.Err}
	if rep.Abstained {
		resp.Outcome = OutcomeAbstained
	}
	if req.GuildID != "" && d == "" && set.Diploma == "" {
		resp.Hint = "Astuce : un enseignant peut fixer le diplôme du serveur avec /config diplome."
	}
	return resp, nil
}

// question answers a question, with the language model when one is set and
// the budgets allow, following up on the conversation when there is one.
func (r *Router) question(ctx context.Context, req Request, q, d string) (tutor.Reply, answer.Generation, error) {
	var history []tutor.ChatMessage
	if req.Conversation != "" && r.Store != nil {
		var err error
		if history, err = r.Store.Turns(ctx, req.Conversation, historyTurns, historyChars); err != nil {
			return tutor.Reply{}, answer.Generation{}, fmt.Errorf("lecture de la conversation : %w", err)
		}
	}
	// Each earlier question is resolved against the ones before it, so that
	// "et la durée ?" after "coef E4 CCST ?" then "et en NRC ?" asks the
	// duration of the NRC's E4.
	subject := ""
	for _, m := range history {
		if m.Role == "user" {
			subject = r.Engine.FollowUp(subject, m.Content)
		}
	}
	asked := r.Engine.FollowUp(subject, q)
	var (
		rep tutor.Reply
		gen answer.Generation
		err error
	)
	note := ""
	if r.LLM != nil {
		if note, err = r.budgetNote(ctx, req); err != nil {
			return tutor.Reply{}, gen, err
		}
		if note != "" {
			note += " : voici la réponse extraite des textes (le quota revient demain)."
		}
	}
	if r.LLM != nil && note == "" {
		rep, gen, err = r.Engine.Generate(ctx, r.LLM, asked, d, answer.GenOptions{History: history, OnDelta: req.OnDelta})
		if err == nil && gen.Prompt != nil && r.Store != nil {
			tokens := gen.Usage.PromptTokens + gen.Usage.OutputTokens
			if tokens == 0 {
				for _, m := range gen.Prompt {
					tokens += len([]rune(m.Content)) / 4
				}
			}
			if uerr := r.Store.AddUsage(ctx, req.GuildID, req.UserID, tokens); uerr != nil {
				return tutor.Reply{}, gen, fmt.Errorf("enregistrement de la consommation : %w", uerr)
			}
		}
	} else {
		rep, err = r.Engine.Answer(ctx, asked, d)
		if note != "" {
			rep.Note = note
		}
	}
	if err != nil {
		return rep, gen, err
	}
	rep.Question = strings.TrimSpace(q)
	if req.Conversation != "" && r.Store != nil {
		for _, m := range []tutor.ChatMessage{{Role: "user", Content: q}, {Role: "assistant", Content: tutor.Clip(rep.Answer, 1500)}} {
			if err := r.Store.AddTurn(ctx, req.Conversation, req.UserID, m); err != nil {
				return rep, gen, fmt.Errorf("enregistrement de la conversation : %w", err)
			}
		}
	}
	return rep, gen, nil
}

// budgetNote says why the language model may not be used for this request
// (a daily budget spent), or "".
func (r *Router) budgetNote(ctx context.Context, req Request) (string, error) {
	if r.Store == nil || (r.UserBudget == 0 && r.GuildBudget == 0) {
		return "", nil
	}
	user, guild, err := r.Store.Usage(ctx, req.GuildID, req.UserID)
	if err != nil {
		return "", fmt.Errorf("lecture de la consommation : %w", err)
	}
	switch {
	case r.UserBudget > 0 && user >= r.UserBudget:
		return "Vous avez utilisé votre quota quotidien de réponses rédigées", nil
	case r.GuildBudget > 0 && guild >= r.GuildBudget:
		return "Le serveur a utilisé son quota quotidien de réponses rédigées", nil
	}
	return "", nil
}

func isInputError(err error) bool {
	for _, e := range []error{answer.ErrEmpty, answer.ErrTooLong, answer.ErrInvalidUTF8, answer.ErrUnknownDiploma, answer.ErrNotACode} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// Suggestion is an autocomplete choice: what the user sees and what the
// option receives.
type Suggestion struct{ Label, Value string }

// Complete lists the suggestions for the option being typed: compétence or
// épreuve codes and titles (in the diploma chosen, or the channel's
// default), or the sectors of a brief; at most MaxSuggestions of maxLen
// characters.
func (r *Router) Complete(ctx context.Context, req Request, typed string, maxLen int) []Suggestion {
	typed = tutor.Clip(typed, maxLen)
	var out []Suggestion
	switch req.Command {
	case CmdCompetence, CmdEpreuve:
		kind := tutor.KindCompetence
		if req.Command == CmdEpreuve {
			kind = tutor.KindEpreuve
		}
		d, _, err := r.diploma(ctx, req)
		if err != nil {
			d = ""
		}
		if d, err = r.Engine.ResolveDiploma(d); err != nil {
			d = ""
		}
		for _, c := range r.Engine.Suggest(kind, typed, d, MaxSuggestions) {
			out = append(out, Suggestion{c.Label(maxLen), tutor.Clip(c.Value(), maxLen)})
		}
	case CmdScenario:
		for _, s := range r.suggestSectors(ctx, req, typed) {
			out = append(out, Suggestion{tutor.Clip(s, maxLen), tutor.Clip(s, maxLen)})
		}
	}
	return out
}

// Diplomas are the loaded référentiels' diplomas, for the adapters' choices.
func (r *Router) Diplomas() []string { return r.Engine.Corpus.Diplomas() }

// Streams reports whether answers to questions are written by a language
// model, and so may be shown as they are written.
func (r *Router) Streams() bool { return r.LLM != nil }

// SaveReply keeps a reply so that its buttons (passages, votes) work after a
// restart; it returns its number. ErrNoStore without a store.
func (r *Router) SaveReply(ctx context.Context, req Request, rep tutor.Reply) (int64, error) {
	if r.Store == nil {
		return 0, ErrNoStore
	}
	sr := tutor.StoredReply{GuildID: req.GuildID, ChannelID: req.ChannelID, UserID: req.UserID, Command: req.Command, Reply: rep}
	if err := r.Store.SaveReply(ctx, &sr); err != nil {
		return 0, fmt.Errorf("enregistrement de la réponse : %w", err)
	}
	return sr.ID, nil
}

// StoredReply is a reply kept by SaveReply; tutor.ErrNotFound once pruned.
func (r *Router) StoredReply(ctx context.Context, id int64) (tutor.Reply, error) {
	if r.Store == nil {
		return tutor.Reply{}, tutor.ErrNotFound
	}
	sr, err := r.Store.Reply(ctx, id)
	return sr.Reply, err
}

// Vote records a user's vote (tutor.VoteUp or VoteDown) on a kept reply and
// counts it; false when the user had already voted the same.
func (r *Router) Vote(ctx context.Context, replyID int64, userID string, vote int) (bool, error) {
	if r.Store == nil {
		return false, tutor.ErrNotFound
	}
	changed, err := r.Store.Vote(ctx, replyID, userID, vote)
	if err == nil && changed && r.Metrics != nil {
		r.Metrics.Feedback(map[int]string{tutor.VoteUp: "up", tutor.VoteDown: "down"}[vote])
	}
	return changed, err
}

// ErrNoStore is returned when the router has no store to keep replies in.
var ErrNoStore = errors.New("aucun magasin de données")
