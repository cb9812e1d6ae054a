package bot

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
)

// Subcommands of /config.
const (
	SubDiplome = "diplome"
	SubRole    = "role"
	SubVoir    = "voir"
	// SubMemorisation sets the target retention of spaced repetition.
	SubMemorisation = "memorisation"
)

// OptPourcentage is the target retention, in percent.
const OptPourcentage = "pourcentage"

// Bounds of a server's target retention, in percent: below 80 reviews come
// too late to help, above 97 too often to bear.
const (
	MinRetention = 80
	MaxRetention = 97
)

// Values of the portee option.
const (
	PorteeServeur = "serveur"
	PorteeSalon   = "salon"
)

// noDiploma clears a default diploma.
const noDiploma = "aucun"

// config shows or changes a server's settings. Changing the diploma needs
// Manage Server or the teacher role; choosing the teacher role needs Manage
// Server.
func (r *Router) config(ctx context.Context, req Request) (Response, error) {
	msg := func(text, outcome string) (Response, error) {
		return Response{Title: "Réglages", Text: text, Ephemeral: true, Outcome: outcome}, nil
	}
	if req.GuildID == "" || r.Store == nil {
		return msg("Les réglages se font dans un serveur, pas en message privé.", OutcomeRefused)
	}
	set, err := r.Store.Settings(ctx, req.GuildID, "")
	if err != nil {
		return Response{}, fmt.Errorf("lecture des réglages : %w", err)
	}
	teacher := req.ManageGuild || (set.TeacherRole != "" && slices.Contains(req.Roles, set.TeacherRole))
	switch req.Sub {
	case SubVoir, "":
		return msg(r.describe(ctx, req, set), OutcomeOK)
	case SubDiplome:
		if !teacher {
			return msg("Seuls les enseignants (permission « Gérer le serveur » ou rôle enseignant) peuvent changer le diplôme par défaut.", OutcomeRefused)
		}
		value := strings.TrimSpace(req.Options[OptDiplome])
		d := ""
		if !strings.EqualFold(value, noDiploma) && !strings.EqualFold(value, "tous") {
			if d, err = r.Engine.ResolveDiploma(value); err != nil || d == "" {
				return msg(fmt.Sprintf("Diplôme inconnu « %s » : choisissez %s ou « aucun ».", tutor.Clip(value, 40), strings.Join(r.Engine.Corpus.Diplomas(), ", ")), OutcomeRefused)
			}
		}
		channel, where := "", "du serveur"
		switch req.Options[OptPortee] {
		case PorteeSalon:
			channel, where = req.ChannelID, "de ce salon"
		case "", PorteeServeur:
		default:
			return msg("Portée inconnue : choisissez « serveur » ou « salon ».", OutcomeRefused)
		}
		if err := r.Store.SetDiploma(ctx, req.GuildID, channel, d); err != nil {
			return Response{}, fmt.Errorf("enregistrement du diplôme : %w", err)
		}
		if d == "" {
			return msg(fmt.Sprintf("Plus de diplôme par défaut %s : les questions portent sur tous les référentiels.", where), OutcomeOK)
		}
		return msg(fmt.Sprintf("Diplôme par défaut %s : BTS %s. Chacun peut toujours préciser l'option « diplome ».", where, d), OutcomeOK)
	case SubMemorisation:
		if !teacher {
			return msg("Seuls les enseignants (permission « Gérer le serveur » ou rôle enseignant) peuvent régler la mémorisation visée.", OutcomeRefused)
		}
		v := strings.TrimSuffix(strings.TrimSpace(req.Options[OptPourcentage]), "%")
		if strings.TrimSpace(v) == "" {
			return msg(fmt.Sprintf("Indiquez un pourcentage entre %d et %d (90 par défaut), par exemple : memorisation 85.", MinRetention, MaxRetention), OutcomeRefused)
		}
		pct, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || pct < MinRetention || pct > MaxRetention {
			return msg(fmt.Sprintf("Pourcentage invalide « %s » : choisissez entre %d et %d (90 par défaut).", tutor.Clip(req.Options[OptPourcentage], 20), MinRetention, MaxRetention), OutcomeRefused)
		}
		if err := r.Store.SetRetention(ctx, req.GuildID, float64(pct)/100); err != nil {
			return Response{}, fmt.Errorf("enregistrement de la mémorisation : %w", err)
		}
		return msg(fmt.Sprintf("Mémorisation visée : %d %%. Chaque question revient quand la probabilité de s'en souvenir tombe à %d %% : plus haut, des révisions plus fréquentes.", pct, pct), OutcomeOK)
	case SubRole:
		if !req.ManageGuild {
			return msg("Seuls les membres ayant la permission « Gérer le serveur » peuvent choisir le rôle enseignant.", OutcomeRefused)
		}
		role := strings.TrimSpace(req.Options[OptRole])
		if err := r.Store.SetTeacherRole(ctx, req.GuildID, role); err != nil {
			return Response{}, fmt.Errorf("enregistrement du rôle : %w", err)
		}
		if role == "" {
			return msg("Plus de rôle enseignant : seuls les membres ayant « Gérer le serveur » règlent le tuteur.", OutcomeOK)
		}
		return msg(fmt.Sprintf("Rôle enseignant : <@&%s>. Ses membres peuvent régler le diplôme par défaut.", role), OutcomeOK)
	}
	return msg(fmt.Sprintf("Réglage inconnu « %s ». Choisissez diplome, role, memorisation ou voir.", tutor.Clip(req.Sub, 40)), OutcomeRefused)
}

func (r *Router) describe(ctx context.Context, req Request, guild tutor.Settings) string {
	var b strings.Builder
	name := func(d string) string {
		if d == "" {
			return "aucun (tous les référentiels)"
		}
		return "BTS " + d
	}
	fmt.Fprintf(&b, "Diplôme par défaut du serveur : %s\n", name(guild.Diploma))
	if ch, err := r.Store.Settings(ctx, req.GuildID, req.ChannelID); err == nil && ch.Diploma != guild.Diploma {
		fmt.Fprintf(&b, "Diplôme de ce salon : %s\n", name(ch.Diploma))
	}
	if guild.TeacherRole != "" {
		fmt.Fprintf(&b, "Rôle enseignant : <@&%s>\n", guild.TeacherRole)
	} else {
		b.WriteString("Rôle enseignant : aucun (permission « Gérer le serveur » requise)\n")
	}
	pct := 90
	if guild.Retention > 0 {
		pct = int(guild.Retention*100 + 0.5)
	}
	fmt.Fprintf(&b, "Mémorisation visée des révisions : %d %%\n", pct)
	b.WriteString(r.flagged(ctx))
	return strings.TrimRight(b.String(), "\n")
}

// flagged lists the questions students flagged, most flagged first, for
// teachers to check: those flagged by enough of them are withheld.
func (r *Router) flagged(ctx context.Context) string {
	qs := r.quizStore()
	if qs == nil || r.Quiz == nil {
		return ""
	}
	flags, err := qs.Flags(ctx)
	if err != nil || len(flags) == 0 {
		return "Questions signalées par les élèves : aucune\n"
	}
	ids := make([]string, 0, len(flags))
	for id := range flags {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(flags[b]-flags[a], strings.Compare(a, b)) })
	var b strings.Builder
	fmt.Fprintf(&b, "Questions signalées par les élèves : %d (retirées dès %d signalements)\n", len(ids), quiz.FlagsToWithhold)
	for _, id := range ids[:min(len(ids), 10)] {
		it, ok := r.Quiz.Item(id)
		if !ok {
			continue
		}
		state := ""
		if flags[id] >= quiz.FlagsToWithhold {
			state = ", retirée"
		}
		fmt.Fprintf(&b, "• `%s` (%d%s) : %s\n", id, flags[id], state, tutor.Clip(it.Question, 120))
	}
	return b.String()
}
