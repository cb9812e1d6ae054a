package discord

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
)

// Messages shown to users when something goes wrong on our side.
const (
	msgInternal   = "Désolé, je n'ai pas pu répondre à cause d'une erreur de mon côté. Réessayez dans un instant."
	msgRestarting = "Le tuteur redémarre : réessayez dans une minute."
	msgExpired    = "Ce bouton n'est plus valide : la réponse est trop ancienne. Reposez la question avec /question."
	msgUnknownBtn = "Ce bouton ne correspond à aucune action connue (message d'une ancienne version ?)."
)

// onInteraction handles every interaction: it is acknowledged at once, then
// answered.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	start := time.Now()
	in := ic.Interaction
	if !b.seen.first("interaction:" + in.ID) {
		b.log.Info("interaction delivered twice: ignored", "interaction", in.ID)
		return
	}
	if !b.begin() {
		if in.Type != discordgo.InteractionApplicationCommandAutocomplete {
			b.respondEphemeral(in, msgRestarting)
		}
		return
	}
	defer b.inflight.Done()
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.AnswerTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic while handling an interaction", "panic", p, "interaction", in.ID)
		}
	}()
	switch in.Type {
	case discordgo.InteractionApplicationCommand:
		b.command(ctx, in, start)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.autocomplete(ctx, in)
	case discordgo.InteractionMessageComponent:
		b.component(ctx, in)
	case discordgo.InteractionModalSubmit:
		b.submitted(ctx, in)
	}
}

// request turns a slash command into a router Request.
func request(in *discordgo.Interaction) bot.Request {
	data := in.ApplicationCommandData()
	req := bot.Request{Command: data.Name, Options: map[string]string{}, GuildID: in.GuildID, ChannelID: in.ChannelID}
	opts := data.Options
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		req.Sub = opts[0].Name
		opts = opts[0].Options
	}
	for _, o := range opts {
		switch v := o.Value.(type) {
		case string:
			req.Options[o.Name] = v
		case float64:
			req.Options[o.Name] = strconv.FormatFloat(v, 'f', -1, 64)
		case bool:
			req.Options[o.Name] = strconv.FormatBool(v)
		default:
			req.Options[o.Name] = fmt.Sprint(v)
		}
	}
	if in.Member != nil {
		req.Roles = in.Member.Roles
		req.ManageGuild = in.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
		if in.Member.User != nil {
			req.UserID = in.Member.User.ID
		}
	} else if in.User != nil {
		req.UserID = in.User.ID
	}
	return req
}

func (b *Bot) command(ctx context.Context, in *discordgo.Interaction, start time.Time) {
	req := request(in)
	log := b.log.With("command", req.Command, "interaction", in.ID, "guild", req.GuildID)
	metrics := b.router.Metrics
	ack, _ := b.router.Acknowledgement(req.Command)
	switch ack {
	case bot.AckBrief:
		b.scenarioCommand(ctx, in, req, start)
		return
	case bot.AckMessage:
		b.direct(ctx, in, req, start)
		return
	case bot.AckPrivate:
		// Help, settings and unknown commands are instant: answered
		// directly, to the caller.
		resp, err := b.router.Execute(ctx, req)
		if err != nil {
			log.Error("command failed", "err", err)
			resp = bot.Response{Text: msgInternal, Outcome: bot.OutcomeError}
		}
		b.respondEphemeralEmbed(in, resp.Title, resp.Text)
		metrics.ObserveAck(time.Since(start))
		metrics.Interaction(req.Command, resp.Outcome)
		return
	}
	if bad := b.router.Check(req); bad != nil {
		b.respondEphemeral(in, bad.Text)
		metrics.ObserveAck(time.Since(start))
		metrics.Interaction(req.Command, bad.Outcome)
		return
	}
	if ok, wait := b.limiter.allow(req.UserID); !ok {
		b.respondEphemeral(in, rateLimitMessage(b.cfg.RateLimit, wait))
		metrics.ObserveAck(time.Since(start))
		metrics.Interaction(req.Command, bot.OutcomeRateLimited)
		return
	}
	if err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}, discordgo.WithContext(ctx)); err != nil {
		log.Error("deferral failed", "err", err)
		metrics.Interaction(req.Command, bot.OutcomeError)
		return
	}
	metrics.ObserveAck(time.Since(start))
	if b.router.Streams() && req.Command == bot.CmdQuestion {
		req.OnDelta = b.streamer(ctx, in)
	}
	resp, err := b.router.Execute(ctx, req)
	if resp.LLMErr != nil {
		log.Warn("language model failed: extractive answer given", "err", resp.LLMErr)
	}
	if err != nil {
		log.Error("answer failed", "err", err)
		b.replaceWithEphemeral(ctx, in, msgInternal)
		metrics.Interaction(req.Command, bot.OutcomeError)
		return
	}
	if resp.Ephemeral {
		b.replaceWithEphemeral(ctx, in, resp.Text)
		metrics.Interaction(req.Command, resp.Outcome)
		return
	}
	embeds, comps := b.answerMessage(ctx, req, resp)
	empty := ""
	if _, err := b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &empty, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions()}, discordgo.WithContext(ctx)); err != nil {
		log.Error("answer edit failed", "err", err)
		metrics.Interaction(req.Command, bot.OutcomeError)
		return
	}
	metrics.ObserveFinal(time.Since(start))
	metrics.Interaction(req.Command, resp.Outcome)
}

// streamEvery is the least time between two edits of a message being written.
const streamEvery = time.Second

// streamer edits the deferred message with the text being written, at most
// once every streamEvery; the final edit replaces it.
func (b *Bot) streamer(ctx context.Context, in *discordgo.Interaction) func(string) {
	var last time.Time
	return func(soFar string) {
		if time.Since(last) < streamEvery {
			return
		}
		last = time.Now()
		content := textContent("✍️ " + soFar + " …\n*(en cours de rédaction : phrases déjà vérifiées)*")
		if _, err := b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()}, discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("streaming edit failed", "err", err)
		}
	}
}

// answerMessage renders an answer and stores it so that its buttons work
// later; when the store fails the answer is shown without buttons.
func (b *Bot) answerMessage(ctx context.Context, req bot.Request, resp bot.Response) ([]*discordgo.MessageEmbed, []discordgo.MessageComponent) {
	embeds := []*discordgo.MessageEmbed{answerEmbed(resp)}
	comps := []discordgo.MessageComponent{}
	if resp.Reply == nil || len(resp.Reply.Citations) == 0 {
		return embeds, comps
	}
	id, err := b.router.SaveReply(ctx, req, *resp.Reply)
	if err != nil {
		if !errors.Is(err, bot.ErrNoStore) {
			b.log.Error("saving reply failed: answer shown without buttons", "err", err)
		}
		return embeds, comps
	}
	return embeds, answerButtons(id)
}

func rateLimitMessage(n int, wait time.Duration) string {
	secs := int(math.Ceil(wait.Seconds()))
	return fmt.Sprintf("Doucement ! Vous pouvez poser %d questions par minute. Réessayez dans %d s : en attendant, relisez les passages de la réponse précédente.", n, max(secs, 1))
}

// respondEphemeral answers an interaction with a message only its author sees.
func (b *Bot) respondEphemeral(in *discordgo.Interaction, text string) {
	err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: textContent(text), Flags: ephemeral, AllowedMentions: noMentions()},
	})
	if err != nil {
		b.log.Error("ephemeral response failed", "err", err, "interaction", in.ID)
	}
}

func (b *Bot) respondEphemeralEmbed(in *discordgo.Interaction, title, text string) {
	data := &discordgo.InteractionResponseData{Flags: ephemeral, AllowedMentions: noMentions()}
	if title == "" {
		data.Content = textContent(text)
	} else {
		data.Embeds = []*discordgo.MessageEmbed{infoEmbed(title, text)}
	}
	if err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}); err != nil {
		b.log.Error("ephemeral response failed", "err", err, "interaction", in.ID)
	}
}

// replaceWithEphemeral turns a public deferral into a private message: the
// "thinking" message is deleted and the text sent to its author only.
func (b *Bot) replaceWithEphemeral(ctx context.Context, in *discordgo.Interaction, text string) {
	if err := b.session.InteractionResponseDelete(in, discordgo.WithContext(ctx)); err != nil {
		b.log.Warn("deleting the deferred response failed", "err", err)
	}
	_, err := b.session.FollowupMessageCreate(in, false, &discordgo.WebhookParams{Content: textContent(text), Flags: ephemeral, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Error("ephemeral follow-up failed", "err", err)
	}
}

// autocomplete suggests codes and titles for /competence and /epreuve.
func (b *Bot) autocomplete(ctx context.Context, in *discordgo.Interaction) {
	req := request(in)
	typed := ""
	for _, o := range in.ApplicationCommandData().Options {
		if o.Focused {
			typed, _ = o.Value.(string)
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, sg := range b.router.Complete(ctx, req, typed, maxChoiceLen) {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: sg.Label, Value: sg.Value})
	}
	err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("autocomplete response failed", "err", err)
	}
	b.router.Metrics.Interaction("autocomplete", bot.OutcomeOK)
}

// interactionUser is who clicked or sent, in a server or in DMs.
func interactionUser(in *discordgo.Interaction) string {
	switch {
	case in.Member != nil && in.Member.User != nil:
		return in.Member.User.ID
	case in.User != nil:
		return in.User.ID
	}
	return ""
}

// component handles a click on an answer's buttons, however old.
func (b *Bot) component(ctx context.Context, in *discordgo.Interaction) {
	data := in.MessageComponentData()
	user := interactionUser(in)
	if len(data.CustomID) <= maxCustomID && b.quizButton(ctx, in, data.CustomID, user) {
		return
	}
	btn, ok := parseButton(data.CustomID)
	if !ok {
		b.respondEphemeral(in, msgUnknownBtn)
		b.router.Metrics.Interaction("button", bot.OutcomeRefused)
		return
	}
	switch btn.kind {
	case 'p':
		rep, err := b.router.StoredReply(ctx, btn.replyID)
		if err != nil {
			b.buttonError(in, err)
			return
		}
		err = b.session.InteractionRespond(in, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Embeds: passageEmbeds(rep), Flags: ephemeral, AllowedMentions: noMentions()},
		}, discordgo.WithContext(ctx))
		if err != nil {
			b.log.Error("passages response failed", "err", err)
		}
		b.router.Metrics.Interaction("passages", bot.OutcomeOK)
	case 'v':
		changed, err := b.router.Vote(ctx, btn.replyID, user, btn.vote)
		if err != nil {
			b.buttonError(in, err)
			return
		}
		msg := "Votre avis était déjà enregistré. Merci !"
		if changed {
			msg = "Merci ! Votre avis 👍 est enregistré."
			if btn.vote == tutor.VoteDown {
				msg = "Merci ! Votre avis 👎 est enregistré : il nous aide à corriger les réponses."
			}
		}
		b.respondEphemeral(in, msg)
		b.router.Metrics.Interaction("vote", bot.OutcomeOK)
	}
}

func (b *Bot) buttonError(in *discordgo.Interaction, err error) {
	if errors.Is(err, tutor.ErrNotFound) {
		b.respondEphemeral(in, msgExpired)
		b.router.Metrics.Interaction("button", bot.OutcomeRefused)
		return
	}
	b.log.Error("button failed", "err", err)
	b.respondEphemeral(in, msgInternal)
	b.router.Metrics.Interaction("button", bot.OutcomeError)
}
