package discord

import (
	"context"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/bwmarrin/discordgo"
)

// onMessage answers a message that mentions the bot, in a thread: the thread
// it was written in, or a new one started from it. A direct message needs
// no mention: it is answered under it.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	me, _ := b.userID.Load().(string)
	if m.Author == nil || m.Author.Bot || me == "" || m.Author.ID == me || (m.GuildID != "" && !mentions(m.Message, me)) {
		return
	}
	if !b.seen.first("message:" + m.ID) {
		b.log.Info("message delivered twice: ignored", "message", m.ID)
		return
	}
	if !b.begin() {
		return
	}
	defer b.inflight.Done()
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.AnswerTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic while answering a mention", "panic", p, "message", m.ID)
		}
	}()
	question := strings.TrimSpace(strings.NewReplacer("<@"+me+">", " ", "<@!"+me+">", " ").Replace(m.Content))
	log := b.log.With("command", "mention", "message", m.ID, "guild", m.GuildID)

	channel, inThread := b.threadFor(ctx, m, question)
	send := func(msg *discordgo.MessageSend) {
		msg.AllowedMentions = noMentions()
		if channel == m.ChannelID {
			// No thread could be made (direct message, missing permission):
			// reply under the question instead.
			msg.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
		}
		if _, err := s.ChannelMessageSendComplex(channel, msg, discordgo.WithContext(ctx)); err != nil {
			log.Error("sending the answer failed", "err", err)
		}
	}
	if question == "" {
		send(&discordgo.MessageSend{Content: "Posez-moi votre question après la mention, par exemple : « @tuteur coef de l'E4 en CCST ». Tapez /aide pour tout voir."})
		b.router.Metrics.Interaction("mention", bot.OutcomeRefused)
		return
	}
	if ok, wait := b.limiter.allow(m.Author.ID); !ok {
		send(&discordgo.MessageSend{Content: rateLimitMessage(b.cfg.RateLimit, wait)})
		b.router.Metrics.Interaction("mention", bot.OutcomeRateLimited)
		return
	}
	req := bot.Request{Command: bot.CmdQuestion, Options: map[string]string{bot.OptTexte: question}, GuildID: m.GuildID, ChannelID: m.ChannelID, UserID: m.Author.ID}
	if inThread {
		req.Conversation = channel // follow-ups in the thread carry its previous turns
	}
	resp, err := b.router.Execute(ctx, req)
	if resp.LLMErr != nil {
		log.Warn("language model failed: extractive answer given", "err", resp.LLMErr)
	}
	if err != nil {
		log.Error("answer failed", "err", err)
		send(&discordgo.MessageSend{Content: msgInternal})
		b.router.Metrics.Interaction("mention", bot.OutcomeError)
		return
	}
	if resp.Reply == nil {
		send(&discordgo.MessageSend{Content: textContent(resp.Text)})
		b.router.Metrics.Interaction("mention", resp.Outcome)
		return
	}
	embeds, comps := b.answerMessage(ctx, req, resp)
	send(&discordgo.MessageSend{Embeds: embeds, Components: comps})
	b.router.Metrics.ObserveFinal(time.Since(start))
	b.router.Metrics.Interaction("mention", resp.Outcome)
}

// mentions reports whether a message mentions the user directly (not
// through @everyone or a role).
func mentions(m *discordgo.Message, userID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == userID {
			return true
		}
	}
	return false
}

// threadFor returns the channel to answer in, and whether it is a thread:
// the message's own channel when it is a thread (or a direct message), else
// a new thread started from the message. When the thread cannot be made it
// falls back to the channel.
func (b *Bot) threadFor(ctx context.Context, m *discordgo.MessageCreate, question string) (string, bool) {
	if m.GuildID == "" {
		return m.ChannelID, false
	}
	ch, err := b.session.State.Channel(m.ChannelID)
	if err != nil {
		ch, err = b.session.Channel(m.ChannelID, discordgo.WithContext(ctx))
	}
	if err == nil && ch.IsThread() {
		return m.ChannelID, true
	}
	name := plainLine(question)
	if name == "" {
		name = "Question"
	}
	th, err := b.session.MessageThreadStartComplex(m.ChannelID, m.ID, &discordgo.ThreadStart{
		Name: tutor.Clip(name, maxThreadName), AutoArchiveDuration: 1440,
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("starting a thread failed: answering in the channel", "err", err)
		return m.ChannelID, false
	}
	return th.ID, true
}
