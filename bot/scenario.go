package bot

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/scenario"
)

// CmdScenario writes a negotiation simulation brief (teachers).
const CmdScenario = "scenario"

// Options of /scenario.
const (
	OptEleve      = "eleve"
	OptClient     = "client"
	OptSituation  = "situation"
	OptSecteur    = "secteur"
	OptDifficulte = "difficulte"
	OptEtape      = "etape"
	OptGraine     = "graine"
)

// maxSeed bounds the seeds drawn for briefs: short enough to read aloud.
const maxSeed = 1_000_000

// ScenarioOptions reads the options of /scenario (also the command line's);
// bad numbers are refused. Without a seed, one is drawn.
func ScenarioOptions(opts map[string]string) (scenario.Options, error) {
	o := scenario.Options{
		Diploma: strings.TrimSpace(opts[OptDiplome]),
		Sector:  strings.TrimSpace(opts[OptSecteur]),
		Client:  strings.TrimSpace(opts[OptClient]),
		Focus:   strings.TrimSpace(opts[OptEtape]),
	}
	num := func(name, what string, into *int) error {
		v := strings.TrimSpace(opts[name])
		if v == "" {
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%s doit être un nombre entier (reçu « %s »)", what, tutor.Clip(v, 20))
		}
		*into = n
		return nil
	}
	if err := num(OptDifficulte, "la difficulté", &o.Difficulty); err != nil {
		return o, err
	}
	if err := num(OptSituation, "la situation", &o.Situation); err != nil {
		return o, err
	}
	if v := strings.TrimSpace(opts[OptGraine]); v != "" {
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return o, fmt.Errorf("la graine doit être un nombre entier positif (reçu « %s »)", tutor.Clip(v, 20))
		}
		o.Seed = seed
	} else {
		o.Seed = rand.Uint64N(maxSeed)
	}
	return o, nil
}

// isTeacher reports whether the requester may use the teachers' commands:
// Manage Server, or the server's teacher role.
func (r *Router) isTeacher(ctx context.Context, req Request) (bool, error) {
	if req.ManageGuild {
		return true, nil
	}
	if req.GuildID == "" || r.Store == nil {
		return false, nil
	}
	set, err := r.Store.Settings(ctx, req.GuildID, "")
	if err != nil {
		return false, fmt.Errorf("lecture des réglages : %w", err)
	}
	return set.TeacherRole != "" && slices.Contains(req.Roles, set.TeacherRole), nil
}

// scenario writes a simulation brief for a teacher; a language model, when
// set, rewrites its narrative (verified, see scenario.Enrich).
func (r *Router) scenario(ctx context.Context, req Request) (Response, error) {
	refuse := func(text string) (Response, error) {
		return Response{Title: "Jeu de rôle", Text: text, Ephemeral: true, Outcome: OutcomeRefused}, nil
	}
	if r.Scenarios == nil {
		return refuse("Les jeux de rôle ne sont pas disponibles : aucun référentiel chargé ne décrit d'épreuve de négociation.")
	}
	o, err := ScenarioOptions(req.Options)
	if err != nil {
		return *refused(err), nil
	}
	if o.Diploma == "" {
		if o.Diploma, _, err = r.diploma(ctx, req); err != nil {
			return Response{}, err
		}
	}
	b, err := r.Scenarios.Generate(o)
	if errors.Is(err, scenario.ErrOption) {
		msg := strings.TrimPrefix(err.Error(), scenario.ErrOption.Error()+" : ")
		return *refused(errors.New(msg)), nil
	}
	if err != nil {
		return Response{}, err
	}
	resp := Response{Title: b.Title, Brief: b, Text: b.Markdown(), Outcome: OutcomeOK}
	if r.LLM != nil {
		note, err := r.budgetNote(ctx, req)
		if err != nil {
			return Response{}, err
		}
		if note == "" {
			tokens, err := scenario.Enrich(ctx, r.LLM, b)
			resp.LLMErr = err
			if tokens > 0 && r.Store != nil {
				if err := r.Store.AddUsage(ctx, req.GuildID, req.UserID, tokens); err != nil {
					return Response{}, fmt.Errorf("enregistrement de la consommation : %w", err)
				}
			}
			resp.Text = b.Markdown()
		}
	}
	return resp, nil
}

// scenarioCommand answers /scenario on Discord: a private deferral, then to
// the teacher the buyer's and jury's sheets with the whole brief attached;
// the seller's sheet goes by direct message to the chosen student.
func (b *Bot) scenarioCommand(ctx context.Context, in *discordgo.Interaction, req Request, start time.Time) {
	log := b.log.With("command", req.Command, "interaction", in.ID, "guild", req.GuildID)
	metrics := b.router.Metrics
	if ok, wait := b.limiter.allow(req.UserID); !ok {
		b.respondEphemeral(in, rateLimitMessage(b.cfg.RateLimit, wait))
		metrics.ObserveAck(time.Since(start))
		metrics.Interaction(req.Command, OutcomeRateLimited)
		return
	}
	err := b.session.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: ephemeral}}, discordgo.WithContext(ctx))
	if err != nil {
		log.Error("deferral failed", "err", err)
		metrics.Interaction(req.Command, OutcomeError)
		return
	}
	metrics.ObserveAck(time.Since(start))
	say := func(text, outcome string) {
		content := textContent(text)
		none := []*discordgo.MessageEmbed{}
		if _, err := b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content, Embeds: &none, AllowedMentions: noMentions()}, discordgo.WithContext(ctx)); err != nil {
			log.Error("edit failed", "err", err)
			outcome = OutcomeError
		}
		metrics.Interaction(req.Command, outcome)
	}
	resp, err := b.router.Execute(ctx, req)
	if resp.LLMErr != nil {
		log.Warn("language model narrative not used", "err", resp.LLMErr)
	}
	switch {
	case err != nil:
		log.Error("scenario failed", "err", err)
		say(msgInternal, OutcomeError)
		return
	case resp.Brief == nil:
		say(resp.Text, resp.Outcome)
		return
	}
	brief := resp.Brief
	status := ""
	if student := req.Options[OptEleve]; student != "" {
		status = b.sendSellerSheet(ctx, student, brief)
	}
	buyer, jury := briefEmbeds(brief)
	embeds := []*discordgo.MessageEmbed{buyer, jury}
	split := embedSize(buyer)+embedSize(jury) > maxEmbedsTotal
	if split {
		embeds = embeds[:1]
	}
	md := brief.Markdown()
	file := &discordgo.File{Name: fmt.Sprintf("jeu-de-role-%s-%d.md", strings.ToLower(brief.Diploma), brief.Options.Seed),
		ContentType: "text/markdown; charset=utf-8", Reader: strings.NewReader(md)}
	content := textContent(status)
	_, err = b.session.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &content, Embeds: &embeds,
		Files: []*discordgo.File{file}, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
	if err != nil {
		log.Error("scenario edit failed", "err", err)
		metrics.Interaction(req.Command, OutcomeError)
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

// suggestSectors lists the sectors matching what a teacher typed.
func (r *Router) suggestSectors(ctx context.Context, req Request, typed string) []string {
	if r.Scenarios == nil {
		return nil
	}
	d := strings.TrimSpace(req.Options[OptDiplome])
	if d == "" {
		d, _, _ = r.diploma(ctx, req)
	}
	want := tutor.Fold(strings.TrimSpace(typed))
	var out []string
	for _, s := range r.Scenarios.Sectors(d, tutor.Fold(req.Options[OptClient])) {
		if strings.Contains(tutor.Fold(s), want) && len(out) < maxChoices {
			out = append(out, s)
		}
	}
	return out
}
