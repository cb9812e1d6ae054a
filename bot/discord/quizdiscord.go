package discord

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/quiz"
)

// direct answers a fast command with a message (no deferral).
func (b *Bot) direct(ctx context.Context, in *discordgo.Interaction, req bot.Request, start time.Time) {
	if b.router.RateLimited(req.Command) {
		if ok, wait := b.limiter.allow(req.UserID); !ok {
			b.respondEphemeral(in, rateLimitMessage(b.cfg.RateLimit, wait))
			b.router.Metrics.ObserveAck(time.Since(start))
			b.router.Metrics.Interaction(req.Command, bot.OutcomeRateLimited)
			return
		}
	}
	resp, err := b.router.Execute(ctx, req)
	if err != nil {
		b.log.Error("command failed", "command", req.Command, "err", err)
		resp = bot.Response{Text: msgInternal, Ephemeral: true, Outcome: bot.OutcomeError}
	}
	if err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(resp)}, discordgo.WithContext(ctx)); err != nil {
		b.log.Error("response failed", "command", req.Command, "err", err)
		resp.Outcome = bot.OutcomeError
	}
	b.router.Metrics.ObserveAck(time.Since(start))
	b.router.Metrics.Interaction(req.Command, resp.Outcome)
}

// responseData renders a response as an interaction message.
func responseData(resp bot.Response) *discordgo.InteractionResponseData {
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if resp.Ephemeral {
		data.Flags = ephemeral
	}
	switch {
	case resp.Question != nil:
		data.Embeds = []*discordgo.MessageEmbed{questionEmbed(resp.Title, resp.Question)}
		data.Components = choiceButtons(resp.Question.PostID)
		if resp.Question.Item.Typed {
			data.Components = typedButton(resp.Question.PostID)
		}
	case resp.Title != "":
		data.Embeds = []*discordgo.MessageEmbed{infoEmbed(resp.Title, resp.Text)}
	default:
		data.Content = textContent(resp.Text)
	}
	if len(resp.Buttons) > 0 {
		var row []discordgo.MessageComponent
		for _, bt := range resp.Buttons {
			style := discordgo.SecondaryButton
			if bt.Danger {
				style = discordgo.DangerButton
			}
			row = append(row, discordgo.Button{Label: tutor.Clip(bt.Label, maxButtonLabel), Style: style, CustomID: bt.ID})
		}
		data.Components = append(data.Components, discordgo.ActionsRow{Components: row})
	}
	if resp.File != nil {
		data.Files = []*discordgo.File{{Name: resp.File.Name, ContentType: "application/json", Reader: bytes.NewReader(resp.File.Content)}}
	}
	return data
}

func questionEmbed(title string, q *bot.Question) *discordgo.MessageEmbed {
	e := infoEmbed(title, bot.QuestionText(q.Item))
	footer := fmt.Sprintf("BTS %s · %s", q.Item.Diploma, quiz.ThemeLabel[q.Item.Theme])
	if q.Header != "" {
		footer = q.Header + " · " + footer
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: tutor.Clip(footer, maxFooter)}
	return e
}

// choiceButtons are A–D; custom ID "q:<post>:<choice>".
func choiceButtons(postID int64) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	for i, l := range bot.Letters {
		row = append(row, discordgo.Button{Label: l, Style: discordgo.PrimaryButton, CustomID: fmt.Sprintf("q:%d:%d", postID, i)})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// typedButton opens the form where a figure is typed; custom ID "t:<post>".
func typedButton(postID int64) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Répondre", Style: discordgo.PrimaryButton, CustomID: fmt.Sprintf("t:%d", postID)}}}}
}

// typedForm is the modal a typed answer is written in; its custom ID
// "a:<post>" comes back with the text.
func typedForm(postID int64) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{
		CustomID: fmt.Sprintf("a:%d", postID), Title: "Votre réponse",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{CustomID: "v", Label: "Réponse", Style: discordgo.TextInputShort, Placeholder: "par exemple 2 h, 40 min ou 1,5",
				Required: true, MaxLength: maxTypedAnswer}}}},
	}}
}

// submitted handles the form of a typed answer.
func (b *Bot) submitted(ctx context.Context, in *discordgo.Interaction) {
	data := in.ModalSubmitData()
	post, err := strconv.ParseInt(strings.TrimPrefix(data.CustomID, "a:"), 10, 64)
	var resp bot.Response
	switch {
	case !strings.HasPrefix(data.CustomID, "a:") || err != nil || post <= 0:
		resp = bot.Response{Text: msgUnknownBtn, Ephemeral: true, Outcome: bot.OutcomeRefused}
	default:
		resp, err = b.router.AnswerTyped(ctx, post, interactionUser(in), modalText(data.Components))
		if err != nil {
			b.log.Error("typed answer failed", "err", err)
			resp = bot.Response{Text: msgInternal, Ephemeral: true, Outcome: bot.OutcomeError}
		}
	}
	if err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(resp)}, discordgo.WithContext(ctx)); err != nil {
		b.log.Error("typed answer response failed", "err", err)
	}
	b.router.Metrics.Interaction("quiz-typed", resp.Outcome)
}

// modalText is the first text a form sent back.
func modalText(rows []discordgo.MessageComponent) string {
	for _, c := range rows {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, in := range row.Components {
			if t, ok := in.(*discordgo.TextInput); ok {
				return t.Value
			}
		}
	}
	return ""
}

// quizButton handles "q:<post>:<choice>", "t:<post>", "x:<user>" and
// "f:<item>"; false if the ID is none of them.
func (b *Bot) quizButton(ctx context.Context, in *discordgo.Interaction, id, user string) bool {
	var resp bot.Response
	var err error
	switch {
	case strings.HasPrefix(id, "q:"):
		parts := strings.Split(id, ":")
		if len(parts) != 3 {
			return false
		}
		post, err1 := strconv.ParseInt(parts[1], 10, 64)
		choice, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || post <= 0 {
			return false
		}
		resp, err = b.router.AnswerQuiz(ctx, post, user, choice)
	case strings.HasPrefix(id, "t:"):
		post, err := strconv.ParseInt(strings.TrimPrefix(id, "t:"), 10, 64)
		if err != nil || post <= 0 {
			return false
		}
		if err := b.session.InteractionRespond(in, typedForm(post), discordgo.WithContext(ctx)); err != nil {
			b.log.Error("typed answer form failed", "err", err)
		}
		b.router.Metrics.Interaction("quiz-form", bot.OutcomeOK)
		return true
	case strings.HasPrefix(id, "x:"):
		resp, err = b.router.EraseConfirmed(ctx, strings.TrimPrefix(id, "x:"), user)
	case strings.HasPrefix(id, bot.FlagButtonPrefix):
		resp, err = b.router.FlagItem(ctx, strings.TrimPrefix(id, bot.FlagButtonPrefix), user)
	default:
		return false
	}
	if err != nil {
		b.log.Error("quiz button failed", "err", err)
		resp = bot.Response{Text: msgInternal, Ephemeral: true, Outcome: bot.OutcomeError}
	}
	if err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(resp)}, discordgo.WithContext(ctx)); err != nil {
		b.log.Error("quiz button response failed", "err", err)
	}
	b.router.Metrics.Interaction("quiz-button", resp.Outcome)
	return true
}

// The bot is the scheduler's Poster.

// OpenRun announces a scheduled quiz in its channel and opens a thread
// from the announcement, where the questions go.
func (b *Bot) OpenRun(ctx context.Context, sc tutor.Schedule, run tutor.QuizRun, n int) (string, error) {
	loc, err := time.LoadLocation(sc.Zone)
	if err != nil {
		loc = time.UTC
	}
	closes := run.ClosesAt.In(loc)
	what := "Quiz de révision"
	if sc.Diploma != "" {
		what += " — BTS " + sc.Diploma
	}
	if sc.Theme != "" {
		what += " — " + strings.ToLower(quiz.ThemeLabel[sc.Theme])
	}
	announce, err := b.session.ChannelMessageSendComplex(sc.ChannelID, &discordgo.MessageSend{
		Content:         textContent(fmt.Sprintf("📚 **%s** : %d question(s) dans le fil ci-dessous, réponses jusqu'à %d h %02d. Bonne chance !", what, n, closes.Hour(), closes.Minute())),
		AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("announcement: %w", err)
	}
	name := tutor.Clip(fmt.Sprintf("Quiz du %s", quiz.FormatTime(run.ScheduledAt.In(loc))), maxThreadName)
	thread, err := b.session.MessageThreadStart(sc.ChannelID, announce.ID, name, 1440, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("thread: %w", err)
	}
	return thread.ID, nil
}

// PostQuestion posts one question of a run with its answer buttons.
func (b *Bot) PostQuestion(ctx context.Context, channelID string, post tutor.QuizPost, it *quiz.Item, i, n int) error {
	q := &bot.Question{PostID: post.ID, Item: it, Header: fmt.Sprintf("Question %d/%d", i, n)}
	_, err := b.session.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Embeds: []*discordgo.MessageEmbed{questionEmbed(fmt.Sprintf("Question %d", i), q)}, Components: choiceButtons(post.ID), AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	return err
}

// PostResults posts, in the run's thread, the answers and the ranking.
func (b *Bot) PostResults(ctx context.Context, run tutor.QuizRun, res quiz.Results) error {
	var s strings.Builder
	s.WriteString("**Quiz terminé : les réponses**\n")
	for _, q := range res.Questions {
		fmt.Fprintf(&s, "%d. %s. %s — %d/%d bonne(s) réponse(s)\n", q.N, bot.Letters[q.Item.Correct], tutor.Clip(q.Item.Answer(), 200), q.Right, q.Answered)
	}
	if len(res.Scores) == 0 {
		s.WriteString("\nPersonne n'a répondu cette fois-ci.")
	} else {
		s.WriteString("\n**Classement**\n")
		for i, sc := range res.Scores {
			fmt.Fprintf(&s, "%d. <@%s> — %d/%d\n", i+1, sc.UserID, sc.Right, sc.Answered)
		}
	}
	s.WriteString("\nLes questions manquées reviennent dans /revisions.")
	channel := run.ThreadID
	if channel == "" {
		channel = run.ChannelID
	}
	_, err := b.session.ChannelMessageSendComplex(channel, &discordgo.MessageSend{
		Embeds: []*discordgo.MessageEmbed{infoEmbed("Résultats du quiz", s.String())}, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	return err
}

// SendReminder writes to a student who asked for reminders.
func (b *Bot) SendReminder(ctx context.Context, userID string, due int) error {
	ch, err := b.session.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err != nil {
		return err
	}
	_, err = b.session.ChannelMessageSendComplex(ch.ID, &discordgo.MessageSend{
		Content:         fmt.Sprintf("📚 Vous avez %d question(s) à revoir aujourd'hui : tapez /revisions dans le serveur de la classe. (Pour arrêter ces rappels : /rappel heure:non.)", due),
		AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	return err
}
