package bot

import (
	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/scenario"
)

// Commands are the slash commands registered on Discord, in French. The
// diploma options offer the loaded référentiels as choices.
func Commands(diplomas []string) []*discordgo.ApplicationCommand {
	diploma := func(desc string, extra ...*discordgo.ApplicationCommandOptionChoice) *discordgo.ApplicationCommandOption {
		o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: OptDiplome, Description: desc}
		for _, d := range diplomas {
			o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: "BTS " + d, Value: d})
		}
		o.Choices = append(o.Choices, extra...)
		if len(o.Choices) > maxChoices {
			o.Choices = nil // typed freely, checked by the router
		}
		return o
	}
	text := func(name, desc string, maxLen int, auto bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name,
			Description: desc, Required: true, MaxLength: maxLen, Autocomplete: auto}
	}
	limit := diploma("Le référentiel à consulter (par défaut : celui du serveur)")
	cfgDiploma := diploma("Le diplôme par défaut", &discordgo.ApplicationCommandOptionChoice{Name: "Aucun (tous les référentiels)", Value: noDiploma})
	cfgDiploma.Required = true
	return []*discordgo.ApplicationCommand{
		{Name: CmdQuestion, Description: "Poser une question sur le référentiel : réponse citée",
			Options: []*discordgo.ApplicationCommandOption{text(OptTexte, "Votre question, ex. « coef de l'E4 »", tutor.MaxQuestionLen, false), limit}},
		{Name: CmdCompetence, Description: "La fiche d'une compétence : titre, savoir-faire, critères",
			Options: []*discordgo.ApplicationCommandOption{text(OptCode, "Code ou intitulé, ex. C1.3", maxChoiceLen, true), limit}},
		{Name: CmdEpreuve, Description: "La fiche d'une épreuve : coefficient, forme, durée, critères",
			Options: []*discordgo.ApplicationCommandOption{text(OptCode, "Code ou intitulé, ex. E4", maxChoiceLen, true), limit}},
		{Name: CmdSavoir, Description: "Un savoir et ses limites de connaissances",
			Options: []*discordgo.ApplicationCommandOption{text(OptRecherche, "Code ou sujet, ex. S42 ou TVA", 200, false), limit}},
		{Name: CmdConfig, Description: "Réglages du tuteur sur ce serveur (enseignants)",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: SubDiplome, Description: "Choisir le diplôme par défaut du serveur ou du salon",
					Options: []*discordgo.ApplicationCommandOption{cfgDiploma, {Type: discordgo.ApplicationCommandOptionString, Name: OptPortee,
						Description: "Tout le serveur (par défaut) ou ce salon seulement",
						Choices: []*discordgo.ApplicationCommandOptionChoice{
							{Name: "Tout le serveur", Value: PorteeServeur}, {Name: "Ce salon", Value: PorteeSalon}}}}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: SubRole, Description: "Choisir le rôle des enseignants (vide pour retirer)",
					Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionRole, Name: OptRole, Description: "Le rôle enseignant"}}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: SubVoir, Description: "Voir les réglages"},
			}},
		{Name: CmdScenario, Description: "Un jeu de rôle de négociation pour l'épreuve E4, avec ses fiches (enseignants)",
			Options: scenarioOptionsDef(diploma("Le diplôme (par défaut : celui du serveur)"))},
		{Name: CmdAide, Description: "Ce que le tuteur sait faire, avec des exemples"},
	}
}

// scenarioOptionsDef lists the options of /scenario.
func scenarioOptionsDef(diploma *discordgo.ApplicationCommandOption) []*discordgo.ApplicationCommandOption {
	choices := func(values ...string) []*discordgo.ApplicationCommandOptionChoice {
		var out []*discordgo.ApplicationCommandOptionChoice
		for _, v := range values {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
		}
		return out
	}
	one, three := 1.0, 3.0
	zero, maxS := 0.0, float64(maxSeed-1)
	return []*discordgo.ApplicationCommandOption{
		diploma,
		{Type: discordgo.ApplicationCommandOptionUser, Name: OptEleve, Description: "L'élève qui joue le vendeur : il reçoit sa fiche en message privé"},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptClient, Description: "NRC : type de client (savoirs S75 à S77)",
			Choices: choices(scenario.ClientTypes...)},
		{Type: discordgo.ApplicationCommandOptionInteger, Name: OptSituation, Description: "CCST : situation d'évaluation",
			Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "1 — préparation de la négociation", Value: 1}, {Name: "2 — négociation simulée", Value: 2}}},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptSecteur, Description: "Secteur d'activité", Autocomplete: true, MaxLength: maxChoiceLen},
		{Type: discordgo.ApplicationCommandOptionInteger, Name: OptDifficulte, Description: "Difficulté de 1 à 3 (par défaut 2)", MinValue: &one, MaxValue: three},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptEtape, Description: "Étape de la vente à travailler", Choices: choices(scenario.Stages...)},
		{Type: discordgo.ApplicationCommandOptionInteger, Name: OptGraine, Description: "Graine : la même graine redonne le même jeu de rôle", MinValue: &zero, MaxValue: maxS},
	}
}
