package bot

import (
	"context"
	"fmt"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
	"github.com/btstutor/tutor/scenario"
)

// Ack is how an adapter acknowledges a command before its answer.
type Ack int

const (
	// AckPrivate answers at once, to the caller only (help, settings).
	AckPrivate Ack = iota
	// AckMessage answers at once with a message (quizzes, schedules, data).
	AckMessage
	// AckSearch checks the request, counts it against the rate limit, defers
	// in public, then answers when the search is done (questions, cards).
	AckSearch
	// AckBrief is a teacher's brief: rate-limited, deferred in private, its
	// sheets sent apart (the seller's to the student).
	AckBrief
)

// OptionType is the type of a command option.
type OptionType int

// Option types.
const (
	TypeString OptionType = iota
	TypeInteger
	TypeUser
	TypeChannel
	TypeRole
	TypeSubcommand
	TypeAttachment // a file the user joins; its content arrives in Request.Files
)

// Choice is a fixed value of an option.
type Choice struct {
	Name  string
	Value any // string or int
}

// Option is an option of a command, or a subcommand with its own options.
type Option struct {
	Name, Description string
	Type              OptionType
	Required          bool
	MaxLength         int
	Min, Max          *float64
	// Diplomas offers the loaded référentiels as choices, before Choices.
	Diplomas     bool
	Choices      []Choice
	Autocomplete bool
	TextChannels bool     // a channel option: text channels only
	Options      []Option // a subcommand's
}

// Command is one entry of the command table, from which the Discord
// registration, the routing, /aide and the console's parser are derived.
// Adding a command is one entry here and one handler.
type Command struct {
	Name        string
	Description string // Discord's, at most 100 characters
	Help        string // its paragraph of /aide, after "**/name** "
	Example     string // what follows the command on a console line
	Options     []Option
	// Teacher commands run in a server, for members with Manage Server or
	// the server's teacher role.
	Teacher bool
	Ack     Ack
	// Limited counts a message-acknowledged command against the per-user
	// rate limit of questions (AckSearch and AckBrief always count): a
	// quiz question is asked as often as a question to the tutor.
	Limited bool
	// Console reads what follows the command on a console line into req; it
	// returns a message for the user when the line cannot be read. Nil puts
	// the rest of the line in the first option.
	Console func(rest string, req *Request) string
	// Run answers the request.
	Run func(r *Router, ctx context.Context, req Request) (Response, error)
}

// Commands is the router's command table, read-only: its Table, or the
// default one.
func (r *Router) Commands() []Command {
	r.tableOnce.Do(func() {
		if r.Table == nil {
			r.Table = defaultCommands() // built once: every request looks its command up in it
		}
	})
	return r.Table
}

// command finds a command of the table by name.
func (r *Router) command(name string) (Command, bool) {
	for _, c := range r.Commands() {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// Acknowledgement says how an adapter acknowledges a command; false for a
// command not in the table.
func (r *Router) Acknowledgement(name string) (Ack, bool) {
	c, ok := r.command(name)
	return c.Ack, ok
}

// RateLimited reports whether a command counts against the per-user rate
// limit of questions.
func (r *Router) RateLimited(name string) bool {
	c, ok := r.command(name)
	return ok && (c.Limited || c.Ack == AckSearch || c.Ack == AckBrief)
}

func ptr(f float64) *float64 { return &f }

// Limits of the table's options.
const (
	// MaxSuggestions is how many suggestions an autocompleted option offers
	// (Discord shows 25).
	MaxSuggestions = 25
	// maxCodeLen is the longest code, title or sector typed in an option.
	maxCodeLen = 100
)

// Options shared by several commands.
var (
	limitOption = Option{Name: OptDiplome, Description: "Le référentiel à consulter (par défaut : celui du serveur)", Diplomas: true}
	themeOpt    = Option{Name: OptTheme, Description: "Le thème des questions", Choices: themeChoices()}
)

func themeChoices() []Choice {
	var out []Choice
	for _, t := range quiz.Themes {
		out = append(out, Choice{quiz.ThemeLabel[t], t})
	}
	return out
}

func codeOption(name, desc string, maxLen int, auto bool) Option {
	return Option{Name: name, Description: desc, Required: true, MaxLength: maxLen, Autocomplete: auto}
}

func stringChoices(values ...string) []Choice {
	out := make([]Choice, len(values))
	for i, v := range values {
		out[i] = Choice{v, v}
	}
	return out
}

// DefaultCommands is the tutor's command table, in the order of /aide and
// of Discord's list.
func DefaultCommands() []Command { return defaultCommands() }

// configOptions are /config's subcommands.
func configOptions() []Option {
	return []Option{
		{Type: TypeSubcommand, Name: SubDiplome, Description: "Choisir le diplôme par défaut du serveur ou du salon", Options: []Option{
			{Name: OptDiplome, Description: "Le diplôme par défaut", Required: true, Diplomas: true, Choices: []Choice{{"Aucun (tous les référentiels)", noDiploma}}},
			{Name: OptPortee, Description: "Tout le serveur (par défaut) ou ce salon seulement", Choices: []Choice{{"Tout le serveur", PorteeServeur}, {"Ce salon", PorteeSalon}}},
		}},
		{Type: TypeSubcommand, Name: SubRole, Description: "Choisir le rôle des enseignants (vide pour retirer)", Options: []Option{
			{Type: TypeRole, Name: OptRole, Description: "Le rôle enseignant"},
		}},
		{Type: TypeSubcommand, Name: SubMemorisation, Description: "Régler la mémorisation visée par les révisions (90 % par défaut)", Options: []Option{
			{Type: TypeInteger, Name: OptPourcentage, Description: "Probabilité de se souvenir à chaque révision, en %", Required: true, Min: ptr(MinRetention), Max: ptr(MaxRetention)},
		}},
		{Type: TypeSubcommand, Name: SubVoir, Description: "Voir les réglages"},
	}
}

func defaultCommands() []Command {
	diploma := func(desc string) Option { return Option{Name: OptDiplome, Description: desc, Diplomas: true} }
	return []Command{
		{Name: CmdQuestion, Description: "Poser une question sur le référentiel : réponse citée",
			Help:    "texte — une réponse citée. Ex. : « coef de l'E4 en CCST », « c'est quoi la C1.3 ? », « jusqu'où va la TVA en NRC ? »",
			Example: "coef de l'E4 en CCST", Ack: AckSearch, Run: (*Router).answer,
			Options: []Option{codeOption(OptTexte, "Votre question, ex. « coef de l'E4 »", tutor.MaxQuestionLen, false), limitOption}},
		{Name: CmdCompetence, Description: "La fiche d'une compétence : titre, savoir-faire, critères",
			Help:    "code — la fiche d'une compétence (titre, savoir-faire, critères). Ex. : /competence C1.3",
			Example: "C1.3", Ack: AckSearch, Run: (*Router).answer,
			Options: []Option{codeOption(OptCode, "Code ou intitulé, ex. C1.3", maxCodeLen, true), limitOption}},
		{Name: CmdEpreuve, Description: "La fiche d'une épreuve : coefficient, forme, durée, critères",
			Help:    "code — la fiche d'une épreuve (coefficient, forme et durée selon le statut, compétences évaluées, critères). Ex. : /epreuve E4",
			Example: "E4", Ack: AckSearch, Run: (*Router).answer,
			Options: []Option{codeOption(OptCode, "Code ou intitulé, ex. E4", maxCodeLen, true), limitOption}},
		{Name: CmdSavoir, Description: "Un savoir et ses limites de connaissances",
			Help:    "recherche — un savoir et ses limites. Ex. : /savoir TVA",
			Example: "TVA", Ack: AckSearch, Run: (*Router).answer,
			Options: []Option{codeOption(OptRecherche, "Code ou sujet, ex. S42 ou TVA", 200, false), limitOption}},
		{Name: CmdConfig, Description: "Réglages du tuteur sur ce serveur (enseignants)",
			Help:    "diplome — le diplôme par défaut du serveur ou du salon ; role — le rôle des enseignants ; memorisation — la mémorisation visée par les révisions (80 à 97 %) ; voir — les réglages",
			Example: "diplome NRC", Ack: AckPrivate, Run: (*Router).config, Console: configConsole,
			Options: configOptions()},
		{Name: CmdScenario, Description: "Un jeu de rôle de négociation pour l'épreuve E4, avec ses fiches (enseignants)",
			Help:    "— un jeu de rôle de négociation pour l'épreuve E4, avec fiches vendeur, acheteur et jury, grille sur 20 et documents (enseignants) ; fiche — la fiche du candidat, pour un jeu de rôle sur sa situation. Ex. : /scenario diplome:NRC client:distributeur etape:objections",
			Example: "nrc distributeur objections 2", Teacher: true, Ack: AckBrief, Run: (*Router).scenario, Console: scenarioConsole,
			Options: []Option{
				diploma("Le diplôme (par défaut : celui du serveur)"),
				{Type: TypeUser, Name: OptEleve, Description: "L'élève qui joue le vendeur : il reçoit sa fiche en message privé"},
				{Name: OptClient, Description: "NRC : type de client (savoirs S75 à S77)", Choices: stringChoices(scenario.ClientTypes...)},
				{Type: TypeInteger, Name: OptSituation, Description: "CCST : situation d'évaluation", Choices: []Choice{{"1 — préparation de la négociation", 1}, {"2 — négociation simulée", 2}}},
				{Name: OptSecteur, Description: "Secteur d'activité", Autocomplete: true, MaxLength: maxCodeLen},
				{Type: TypeInteger, Name: OptDifficulte, Description: "Difficulté de 1 à 3 (par défaut 2)", Min: ptr(1), Max: ptr(3)},
				{Name: OptEtape, Description: "Étape de la vente à travailler", Choices: stringChoices(scenario.Stages...)},
				{Type: TypeInteger, Name: OptGraine, Description: "Graine : la même graine redonne le même jeu de rôle", Min: ptr(0), Max: ptr(maxSeed - 1)},
				{Type: TypeAttachment, Name: OptFiche, Description: "La fiche du candidat (modèle : examples/fiche-candidat.md) : le jeu de rôle bâti sur sa situation"},
			}},
		{Name: CmdQuiz, Description: "Une question de révision tout de suite, corrigée et citée",
			Help:    "[diplome] [theme] — une question de révision tout de suite, corrigée et citée",
			Example: "nrc epreuves", Ack: AckMessage, Limited: true, Run: quizOnly((*Router).askQuiz), Console: quizConsole,
			Options: []Option{diploma("Le diplôme (par défaut : celui du serveur)"), themeOpt}},
		{Name: CmdRevisions, Description: "Vos questions à revoir aujourd'hui (répétition espacée)",
			Help: "— vos questions à revoir (répétition espacée)", Ack: AckMessage, Run: quizOnly((*Router).revisions)},
		{Name: CmdRappel, Description: "Un message privé quotidien quand des révisions vous attendent",
			Help:    "heure [fuseau] — un message privé quotidien quand il y a des révisions (« non » pour arrêter)",
			Example: "18h30", Ack: AckMessage, Run: quizOnly((*Router).reminder),
			Options: []Option{{Name: OptHeure, Required: true, MaxLength: 20, Description: "Heure du rappel (ex. 18h30), ou « non » pour arrêter"},
				{Name: OptFuseau, Description: "Votre fuseau horaire (Europe/Paris par défaut ; ex. America/Martinique)", MaxLength: 60}}},
		{Name: CmdClassement, Description: "Le classement de la semaine sur ce serveur",
			Help: "— le classement de la semaine", Ack: AckMessage, Run: quizOnly((*Router).leaderboard)},
		{Name: CmdMesDonnees, Description: "Voir, exporter ou effacer vos données",
			Help:    "[voir|exporter|effacer] — voir, exporter ou effacer vos données",
			Example: "voir", Ack: AckMessage, Run: quizOnly((*Router).myData),
			Options: []Option{{Name: OptAction, Description: "Que faire de vos données",
				Choices: []Choice{{"Voir", ActionVoir}, {"Exporter (fichier JSON)", ActionExporter}, {"Effacer", ActionEffacer}}}}},
		{Name: CmdQuizProgrammer, Description: "Programmer un quiz régulier dans un salon (enseignants)",
			Help:    "— programmer un quiz régulier dans un salon (enseignants). Ex. : jours:lundi,mercredi heure:18h questions:5",
			Example: "jours=lundi,mercredi heure=18h questions=5", Teacher: true, Ack: AckMessage, Run: quizOnly((*Router).addSchedule), Console: keyValueConsole,
			Options: scheduleOptions(diploma("Le diplôme des questions (par défaut : celui du serveur)"))},
		{Name: CmdQuizListe, Description: "Les quiz programmés sur ce serveur",
			Help: "— les quiz programmés sur ce serveur", Ack: AckMessage, Run: quizOnly(inServer((*Router).listSchedules))},
		{Name: CmdQuizSupprimer, Description: "Supprimer un quiz programmé (enseignants)",
			Help:    "numéro — supprimer un quiz programmé (enseignants)",
			Example: "1", Teacher: true, Ack: AckMessage, Run: quizOnly((*Router).deleteSchedule),
			Options: []Option{{Type: TypeInteger, Name: OptID, Required: true, Description: "Le numéro du quiz (voir /quiz-liste)"}}},
		{Name: CmdAide, Description: "Ce que le tuteur sait faire, avec des exemples",
			Help: "— cette aide", Ack: AckPrivate, Run: (*Router).aide},
	}
}

// scheduleOptions lists the options of /quiz-programmer.
func scheduleOptions(diploma Option) []Option {
	return []Option{
		{Name: OptJours, Description: "Jours : « lundi, mercredi », « semaine », « tous »", MaxLength: 100},
		{Name: OptHeure, Description: "Heure : 18h, 18h30…", MaxLength: 20},
		{Name: OptCron, Description: "Ou une expression cron à 5 champs, ex. « 0 18 * * 1,3 »", MaxLength: quiz.MaxSpecLen},
		{Type: TypeChannel, Name: OptSalon, Description: "Le salon (par défaut : celui-ci)", TextChannels: true},
		diploma,
		themeOpt,
		{Type: TypeInteger, Name: OptQuestions, Description: "Nombre de questions (5 par défaut)", Min: ptr(1), Max: ptr(quiz.MaxQuestions)},
		{Type: TypeInteger, Name: OptDuree, Description: "Minutes pour répondre avant les résultats (60 par défaut)", Min: ptr(5), Max: ptr(quiz.MaxOpenMinutes)},
		{Name: OptFuseau, Description: "Fuseau horaire (Europe/Paris par défaut)", MaxLength: 60},
	}
}

// quizOnly runs a quiz handler with the store when quizzes are on.
func quizOnly(h func(r *Router, ctx context.Context, qs tutor.Store, req Request) (Response, error)) func(*Router, context.Context, Request) (Response, error) {
	return func(r *Router, ctx context.Context, req Request) (Response, error) {
		qs := r.quizStore()
		if qs == nil {
			return private("Quiz", "Les quiz ne sont pas disponibles sur cette installation.", OutcomeRefused)
		}
		return h(r, ctx, qs, req)
	}
}

// inServer refuses a command sent outside a server.
func inServer(h func(r *Router, ctx context.Context, qs tutor.Store, req Request) (Response, error)) func(*Router, context.Context, tutor.Store, Request) (Response, error) {
	return func(r *Router, ctx context.Context, qs tutor.Store, req Request) (Response, error) {
		if req.GuildID == "" {
			return private("Quiz programmés", "Les quiz se programment dans un serveur, pas en message privé.", OutcomeRefused)
		}
		return h(r, ctx, qs, req)
	}
}

// teacherOnly refuses a teacher command to anyone else, or outside a server.
func (r *Router) teacherOnly(ctx context.Context, c Command, req Request) (*Response, error) {
	if req.GuildID == "" {
		return &Response{Text: fmt.Sprintf("/%s est réservé aux enseignants : utilisez-la dans le serveur de la classe.", c.Name), Ephemeral: true, Outcome: OutcomeRefused}, nil
	}
	teacher, err := r.isTeacher(ctx, req)
	if err != nil || teacher {
		return nil, err
	}
	return &Response{Text: fmt.Sprintf("Seuls les enseignants (permission « Gérer le serveur » ou rôle enseignant) peuvent utiliser /%s.", c.Name), Ephemeral: true, Outcome: OutcomeRefused}, nil
}

// aide lists the commands of the table with examples.
func (r *Router) aide(context.Context, Request) (Response, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Je réponds aux questions sur les référentiels du BTS (%s) en citant les textes officiels, sans rien inventer.\n\n", strings.Join(r.Engine.Corpus.Diplomas(), ", "))
	for _, c := range r.Commands() {
		fmt.Fprintf(&sb, "**/%s** %s\n", c.Name, c.Help)
	}
	sb.WriteString("Mentionnez-moi avec une question : je réponds dans un fil.\n\n")
	sb.WriteString("Sous chaque réponse : « Voir les passages » montre les textes cités ; 👍 et 👎 nous aident à m'améliorer.")
	return Response{Title: "Aide du tuteur BTS", Text: sb.String(), Ephemeral: true, Outcome: OutcomeOK}, nil
}
