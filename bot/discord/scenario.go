package discord

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/scenario"
	"github.com/bwmarrin/discordgo"
)

// scenarioCommand answers /scenario on Discord: a private deferral, then to
// the teacher the buyer's and jury's sheets with the whole brief attached;
// the seller's sheet goes by direct message to the chosen student.
func (b *Bot) scenarioCommand(ctx context.Context, in *discordgo.Interaction, req bot.Request, start time.Time) {
	log := b.log.With("command", req.Command, "interaction", in.ID, "guild", req.GuildID)
	metrics := b.router.Metrics
	if ok, wait := b.limiter.allow(req.UserID); !ok {
		b.respondEphemeral(in, rateLimitMessage(b.cfg.RateLimit, wait))
		metrics.ObserveAck(time.Since(start))
		metrics.Interaction(req.Command, bot.OutcomeRateLimited)
		return
	}
	err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: ephemeral}}, discordgo.WithContext(ctx))
	if err != nil {
		log.Error("deferral failed", "err", err)
		metrics.Interaction(req.Command, bot.OutcomeError)
		return
	}
	metrics.ObserveAck(time.Since(start))
	say := func(text, outcome string) {
		content := textContent(text)
		none := []*discordgo.MessageEmbed{}
		if _, err := b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content, Embeds: &none, AllowedMentions: noMentions()}, discordgo.WithContext(ctx)); err != nil {
			log.Error("edit failed", "err", err)
			outcome = bot.OutcomeError
		}
		metrics.Interaction(req.Command, outcome)
	}
	if id := req.Options[bot.OptFiche]; id != "" {
		data, err := b.attachment(ctx, in, id)
		if err != nil {
			say("Je n'ai pas pu lire la fiche jointe : "+err.Error()+". Joignez un fichier texte (Markdown ou JSON) d'après le modèle examples/fiche-candidat.md.", bot.OutcomeRefused)
			return
		}
		req.Files = map[string][]byte{bot.OptFiche: data}
	}
	resp, err := b.router.Execute(ctx, req)
	if resp.LLMErr != nil {
		log.Warn("language model narrative not used", "err", resp.LLMErr)
	}
	switch {
	case err != nil:
		log.Error("scenario failed", "err", err)
		say(msgInternal, bot.OutcomeError)
		return
	case resp.Brief == nil:
		say(resp.Text, resp.Outcome)
		return
	}
	brief := resp.Brief
	status := ""
	if student := req.Options[bot.OptEleve]; student != "" {
		status = b.sendSellerSheet(ctx, student, brief)
	}
	buyer, jury := briefEmbeds(brief)
	embeds := []*discordgo.MessageEmbed{buyer, jury}
	split := embedSize(buyer)+embedSize(jury) > maxEmbedsTotal
	if split {
		embeds = embeds[:1]
	}
	md := brief.Markdown()
	name := fmt.Sprintf("jeu-de-role-%s-%d", strings.ToLower(brief.Diploma), brief.Options.Seed)
	files := []*discordgo.File{{Name: name + ".md", ContentType: "text/markdown; charset=utf-8", Reader: strings.NewReader(md)}}
	// Print-ready too: one sheet per role, the grid on its own page.
	var pdf bytes.Buffer
	if err := brief.PDF(&pdf); err != nil {
		log.Error("brief PDF failed", "err", err)
	} else {
		files = append(files, &discordgo.File{Name: name + ".pdf", ContentType: "application/pdf", Reader: &pdf})
	}
	content := textContent(status)
	_, err = b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content, Embeds: &embeds,
		Files: files, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
	if err != nil {
		log.Error("scenario edit failed", "err", err)
		metrics.Interaction(req.Command, bot.OutcomeError)
		return
	}
	if split {
		_, err := b.session.FollowupMessageCreate(in, false, &discordgo.WebhookParams{Embeds: []*discordgo.MessageEmbed{jury},
			Flags: ephemeral, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
		if err != nil {
			log.Error("jury sheet follow-up failed", "err", err)
		}
	}
	metrics.ObserveFinal(time.Since(start))
	metrics.Interaction(req.Command, resp.Outcome)
}

// sendSellerSheet sends the seller's sheet to a student by direct message and
// returns what to tell the teacher.
func (b *Bot) sendSellerSheet(ctx context.Context, userID string, brief *scenario.Brief) string {
	who := "<@" + userID + ">" // shown, never pinged: allowed_mentions is empty
	ch, err := b.session.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err == nil {
		_, err = b.session.ChannelMessageSendComplex(ch.ID, &discordgo.MessageSend{
			Content:         "Votre enseignant vous propose un jeu de rôle de négociation. Voici votre fiche de vendeur : préparez-vous !",
			Embeds:          []*discordgo.MessageEmbed{sellerEmbed(brief)},
			AllowedMentions: noMentions(),
		}, discordgo.WithContext(ctx))
	}
	var rest *discordgo.RESTError
	switch {
	case err == nil:
		return "Fiche vendeur envoyée en message privé à " + who + "."
	case errors.As(err, &rest) && rest.Message != nil && rest.Message.Code == discordgo.ErrCodeCannotSendMessagesToThisUser:
		return "Je n'ai pas pu écrire à " + who + " (messages privés fermés) : transmettez-lui la fiche vendeur du fichier joint."
	default:
		b.log.Error("sending the seller's sheet failed", "err", err)
		return "L'envoi de la fiche vendeur à " + who + " a échoué : transmettez-la-lui depuis le fichier joint."
	}
}

// briefEmbeds renders the teacher's private sheets.
func briefEmbeds(brief *scenario.Brief) (buyer, jury *discordgo.MessageEmbed) {
	footer := &discordgo.MessageEmbedFooter{Text: tutor.Clip(brief.Header(), maxFooter)}
	buyer = &discordgo.MessageEmbed{Title: tutor.Clip("Fiche acheteur — "+brief.Title, maxTitle), Color: colorInfo,
		Description: tutor.Clip(brief.BuyerSheet(), maxDescription)}
	if brief.Prepared() { // nobody plays the buyer: the client's file
		buyer.Title, buyer.Description = tutor.Clip("Dossier client — "+brief.Title, maxTitle), tutor.Clip(brief.ClientFile(), maxDescription)
	}
	jury = &discordgo.MessageEmbed{Title: tutor.Clip("Fiche jury — "+brief.Title, maxTitle), Color: colorAnswer,
		Description: tutor.Clip(brief.JurySheet(false), maxDescription), Footer: footer}
	return buyer, jury
}

// sellerEmbed renders what the student receives.
func sellerEmbed(brief *scenario.Brief) *discordgo.MessageEmbed {
	return &discordgo.MessageEmbed{Title: tutor.Clip("Fiche vendeur — "+brief.Title, maxTitle), Color: colorAnswer,
		Description: tutor.Clip("**Mise en situation.** "+brief.Narrative+"\n\n"+brief.SellerSheet(), maxDescription),
		Footer:      &discordgo.MessageEmbedFooter{Text: tutor.Clip(fmt.Sprintf("BTS %s · %s · graine %d", brief.Diploma, brief.Epreuve, brief.Options.Seed), maxFooter)}}
}

// maxAttachment bounds a file joined to a command, in bytes.
const maxAttachment = 32 << 10

// attachment downloads a file joined to a command, by its ID in the
// interaction's resolved data: a text file of at most maxAttachment bytes.
func (b *Bot) attachment(ctx context.Context, in *discordgo.Interaction, id string) ([]byte, error) {
	data := in.ApplicationCommandData()
	if data.Resolved == nil || data.Resolved.Attachments[id] == nil {
		return nil, errors.New("fichier introuvable")
	}
	att := data.Resolved.Attachments[id]
	if att.Size > maxAttachment {
		return nil, fmt.Errorf("fichier trop long (%d Kio au plus)", maxAttachment>>10)
	}
	if ct := att.ContentType; ct != "" && !strings.HasPrefix(ct, "text/") && !strings.HasPrefix(ct, "application/json") {
		return nil, fmt.Errorf("« %s » n'est pas un fichier texte", tutor.Clip(att.Filename, 60))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, att.URL, nil)
	if err != nil {
		return nil, errors.New("adresse du fichier invalide")
	}
	res, err := b.session.Client.Do(req)
	if err != nil {
		return nil, errors.New("téléchargement impossible")
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("téléchargement refusé (%d)", res.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, maxAttachment+1))
	if err != nil {
		return nil, errors.New("téléchargement interrompu")
	}
	if len(body) > maxAttachment {
		return nil, fmt.Errorf("fichier trop long (%d Kio au plus)", maxAttachment>>10)
	}
	return body, nil
}
