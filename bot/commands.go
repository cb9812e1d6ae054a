package bot

import (
	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
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
		{Name: CmdQuiz, Description: "Une question de révision tout de suite, corrigée et citée",
			Options: []*discordgo.ApplicationCommandOption{diploma("Le diplôme (par défaut : celui du serveur)"), themeOption()}},
		{Name: CmdRevisions, Description: "Vos questions à revoir aujourd'hui (répétition espacée)"},
		{Name: CmdRappel, Description: "Un message privé quotidien quand des révisions vous attendent",
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: OptHeure, Required: true, MaxLength: 20,
				Description: "Heure du rappel (ex. 18h30), ou « non » pour arrêter"}}},
		{Name: CmdClassement, Description: "Le classement de la semaine sur ce serveur"},
		{Name: CmdMesDonnees, Description: "Voir, exporter ou effacer vos données",
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: OptAction, Description: "Que faire de vos données",
				Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "Voir", Value: ActionVoir}, {Name: "Exporter (fichier JSON)", Value: ActionExporter}, {Name: "Effacer", Value: ActionEffacer}}}}},
		{Name: CmdQuizProgrammer, Description: "Programmer un quiz régulier dans un salon (enseignants)",
			Options: scheduleOptions(diploma("Le diplôme des questions (par défaut : celui du serveur)"))},
		{Name: CmdQuizListe, Description: "Les quiz programmés sur ce serveur"},
		{Name: CmdQuizSupprimer, Description: "Supprimer un quiz programmé (enseignants)",
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionInteger, Name: OptID, Required: true, Description: "Le numéro du quiz (voir /quiz-liste)"}}},
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

func themeOption() *discordgo.ApplicationCommandOption {
	o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: OptTheme, Description: "Le thème des questions"}
	for _, t := range quiz.Themes {
		o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: quiz.ThemeLabel[t], Value: t})
	}
	return o
}

// scheduleOptions lists the options of /quiz-programmer.
func scheduleOptions(diploma *discordgo.ApplicationCommandOption) []*discordgo.ApplicationCommandOption {
	one, ten := 1.0, float64(quiz.MaxQuestions)
	five, day := 5.0, float64(quiz.MaxOpenMinutes)
	return []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: OptJours, Description: "Jours : « lundi, mercredi », « semaine », « tous »", MaxLength: 100},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptHeure, Description: "Heure : 18h, 18h30…", MaxLength: 20},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptCron, Description: "Ou une expression cron à 5 champs, ex. « 0 18 * * 1,3 »", MaxLength: quiz.MaxSpecLen},
		{Type: discordgo.ApplicationCommandOptionChannel, Name: OptSalon, Description: "Le salon (par défaut : celui-ci)",
			ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText}},
		diploma,
		themeOption(),
		{Type: discordgo.ApplicationCommandOptionInteger, Name: OptQuestions, Description: "Nombre de questions (5 par défaut)", MinValue: &one, MaxValue: ten},
		{Type: discordgo.ApplicationCommandOptionInteger, Name: OptDuree, Description: "Minutes pour répondre avant les résultats (60 par défaut)", MinValue: &five, MaxValue: day},
		{Type: discordgo.ApplicationCommandOptionString, Name: OptFuseau, Description: "Fuseau horaire (Europe/Paris par défaut)", MaxLength: 60},
	}
}
