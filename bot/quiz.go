package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
)

// Quiz commands.
const (
	CmdQuiz            = "quiz"
	CmdQuizProgrammer  = "quiz-programmer"
	CmdQuizListe       = "quiz-liste"
	CmdQuizSupprimer   = "quiz-supprimer"
	CmdRevisions       = "revisions"
	CmdRappel          = "rappel"
	CmdClassement      = "classement"
	CmdMesDonnees      = "mes-donnees"
	OptTheme           = "theme"
	OptSalon           = "salon"
	OptCron            = "cron"
	OptJours           = "jours"
	OptHeure           = "heure"
	OptFuseau          = "fuseau"
	OptQuestions       = "questions"
	OptDuree           = "duree"
	OptID              = "id"
	OptAction          = "action"
	ActionVoir         = "voir"
	ActionExporter     = "exporter"
	ActionEffacer      = "effacer"
	defaultQuestions   = 5
	defaultOpenMinutes = 60
)

// Armer arms and disarms schedules: the running scheduler.
type Armer interface {
	Arm(s tutor.Schedule) error
	Disarm(id int64)
}

// Question is a quiz question to show with its answer buttons.
type Question struct {
	PostID int64
	Item   *quiz.Item
	Header string // e.g. "Révision — 3 cartes à revoir"
}

// Button is an extra button of a response.
type Button struct {
	ID, Label string
	Danger    bool
}

// Attachment is a file sent with a response.
type Attachment struct {
	Name    string
	Content []byte
}

// quizStore returns the store when quizzes are on (a bank is loaded), or nil.
func (r *Router) quizStore() tutor.Store {
	if r.Quiz == nil {
		return nil
	}
	return r.Store
}

func (r *Router) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func private(title, text, outcome string) (Response, error) {
	return Response{Title: title, Text: text, Ephemeral: true, Outcome: outcome}, nil
}

// theme checks the theme option.
func theme(opts map[string]string) (string, error) {
	t := tutor.Fold(strings.TrimSpace(opts[OptTheme]))
	if t == "" {
		return "", nil
	}
	for _, x := range quiz.Themes {
		if x == t || tutor.Fold(quiz.ThemeLabel[x]) == t {
			return x, nil
		}
	}
	return "", fmt.Errorf("thème « %s » inconnu : %s", tutor.Clip(opts[OptTheme], 30), strings.Join(quiz.Themes, ", "))
}

// askQuiz shows one question now, to the student who asked.
func (r *Router) askQuiz(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	d, _, err := r.diploma(ctx, req)
	if err != nil {
		return Response{}, err
	}
	if d, err = r.Engine.ResolveDiploma(d); err != nil {
		return *refused(err), nil
	}
	th, err := theme(req.Options)
	if err != nil {
		return *refused(err), nil
	}
	items := r.Quiz.Pick(rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())), d, th, 1, quiz.Withheld(ctx, qs), true)
	if len(items) == 0 {
		return private("Quiz", "Aucune question pour ce choix.", OutcomeRefused)
	}
	return r.showQuestion(ctx, qs, req, items[0], "")
}

func (r *Router) showQuestion(ctx context.Context, qs tutor.Store, req Request, it *quiz.Item, header string) (Response, error) {
	p := tutor.QuizPost{GuildID: req.GuildID, ChannelID: req.ChannelID, UserID: req.UserID, ItemID: it.ID}
	if err := qs.AddPost(ctx, &p); err != nil {
		return Response{}, fmt.Errorf("enregistrement de la question : %w", err)
	}
	return Response{Title: "Quiz — " + quiz.ThemeLabel[it.Theme], Question: &Question{PostID: p.ID, Item: it, Header: header},
		Text: QuestionText(it), Ephemeral: true, Outcome: OutcomeOK}, nil
}

// Letters name the choices.
var Letters = []string{"A", "B", "C", "D"}

// TypedHint tells how a question that asks a figure is answered.
const TypedHint = "Répondez en tapant la réponse."

// QuestionText is a question with its lettered choices, or how to answer it.
func QuestionText(it *quiz.Item) string {
	var b strings.Builder
	b.WriteString(it.Question + "\n")
	if it.Typed {
		b.WriteString("\n" + TypedHint)
		return b.String()
	}
	for i, c := range it.Choices {
		fmt.Fprintf(&b, "\n**%s.** %s", Letters[i], c)
	}
	return b.String()
}

// AnswerQuiz records a student's answer to a posted question and returns
// the verdict, with the explanation and the passage that proves it.
func (r *Router) AnswerQuiz(ctx context.Context, postID int64, userID string, choice int) (Response, error) {
	if choice < 0 || choice > 3 {
		return private("Quiz", msgUnknownButton, OutcomeRefused)
	}
	return r.answerPost(ctx, postID, userID, func(it *quiz.Item) (verdict, error) {
		if it.Typed {
			return verdict{}, errTypedAsked
		}
		return verdict{right: choice == it.Correct, choice: choice, given: Letters[choice]}, nil
	})
}

// AnswerTyped records what a student typed for a posted question that asks
// a figure, read leniently; what cannot be read is refused with what to
// type, and changes nothing.
func (r *Router) AnswerTyped(ctx context.Context, postID int64, userID, text string) (Response, error) {
	return r.answerPost(ctx, postID, userID, func(it *quiz.Item) (verdict, error) {
		if !it.Typed {
			return verdict{}, errChoiceAsked
		}
		right, err := it.Check(text)
		// Stored as the answer's index when right, -1 when not: class
		// results count choices 0 to 3 only.
		choice := -1
		if right {
			choice = 0
		}
		return verdict{right: right, choice: choice, given: "« " + tutor.Clip(strings.TrimSpace(text), 40) + " »"}, err
	})
}

// Answers that do not fit their question.
var (
	errTypedAsked  = errors.New("cette question attend une réponse tapée : utilisez le bouton « Répondre »")
	errChoiceAsked = errors.New("cette question se répond avec les boutons A à D")
)

const msgUnknownButton = "Ce bouton ne correspond à aucune question connue (message d'une ancienne version ?)."

// verdict is how an answer reads: right or not, the choice stored, and the
// answer as the correction repeats it.
type verdict struct {
	right  bool
	choice int
	given  string
}

// answerPost records an answer that judge reads and returns the
// correction. A judge's error is shown to the student and records nothing.
func (r *Router) answerPost(ctx context.Context, postID int64, userID string, judge func(*quiz.Item) (verdict, error)) (Response, error) {
	qs := r.quizStore()
	if qs == nil {
		return private("Quiz", msgUnknownButton, OutcomeRefused)
	}
	p, err := qs.Post(ctx, postID)
	if errors.Is(err, tutor.ErrNotFound) {
		return private("Quiz", "Cette question n'existe plus. Lancez /quiz pour une nouvelle question.", OutcomeRefused)
	}
	if err != nil {
		return Response{}, err
	}
	now := r.now()
	if !p.ClosesAt.IsZero() && now.After(p.ClosesAt) {
		return private("Quiz", "Ce quiz est terminé : les résultats sont dans le fil. Lancez /quiz pour vous entraîner.", OutcomeRefused)
	}
	if p.UserID != "" && p.UserID != userID {
		return private("Quiz", "Cette question a été posée à quelqu'un d'autre : lancez /quiz pour la vôtre.", OutcomeRefused)
	}
	it, ok := r.Quiz.Item(p.ItemID)
	if !ok {
		return private("Quiz", "Cette question a été retirée (le référentiel a changé). Lancez /quiz pour une nouvelle question.", OutcomeRefused)
	}
	v, err := judge(it)
	if errors.Is(err, quiz.ErrTyped) || errors.Is(err, errTypedAsked) || errors.Is(err, errChoiceAsked) {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, quiz.ErrTyped.Error()+" : ")
		return private("Quiz", strings.ToUpper(msg[:1])+msg[1:]+". Réessayez : rien n'est enregistré.", OutcomeRefused)
	}
	if err != nil {
		return Response{}, err
	}
	first, err := qs.Answer(ctx, p, userID, v.choice, v.right)
	if err != nil {
		return Response{}, fmt.Errorf("enregistrement de la réponse : %w", err)
	}
	if !first {
		return private("Quiz", "Vous avez déjà répondu à cette question : seule la première réponse compte.", OutcomeOK)
	}
	card, err := r.review(ctx, qs, p, it, userID, v.right, now)
	if err != nil {
		return Response{}, err
	}
	var b strings.Builder
	switch {
	case v.right && it.Typed:
		fmt.Fprintf(&b, "✅ **Bonne réponse : %s**\n", it.Answer())
	case v.right:
		fmt.Fprintf(&b, "✅ **Bonne réponse : %s. %s**\n", Letters[it.Correct], it.Answer())
	case it.Typed:
		fmt.Fprintf(&b, "❌ Vous avez répondu %s. La bonne réponse : **%s**\n", v.given, it.Answer())
	default:
		fmt.Fprintf(&b, "❌ Vous avez répondu %s. La bonne réponse : **%s. %s**\n", v.given, Letters[it.Correct], it.Answer())
	}
	b.WriteString(it.Explanation + "\n\n")
	b.WriteString(it.Proof() + "\n\n")
	fmt.Fprintf(&b, "Prochaine révision de cette question : %s.", inDays(quiz.DaysUntil(now, card.Due)))
	return Response{Title: "Quiz — correction", Text: b.String(), Ephemeral: true, Outcome: OutcomeOK,
		Buttons: []Button{{ID: FlagButtonPrefix + it.ID, Label: "🚩 Signaler une erreur"}}}, nil
}

// review schedules the student's next review of an item answered, and
// logs it.
func (r *Router) review(ctx context.Context, qs tutor.Store, p tutor.QuizPost, it *quiz.Item, userID string, right bool, now time.Time) (tutor.Card, error) {
	card, _, err := qs.Card(ctx, userID, it.ID)
	if err != nil {
		return tutor.Card{}, err
	}
	// The time to answer grades the review when the question was the
	// student's own (/quiz, /revisions), not a class quiz left open.
	var shown time.Time
	if p.UserID == userID {
		shown = p.CreatedAt
	}
	retention := 0.0
	if p.GuildID != "" {
		if set, err := qs.Settings(ctx, p.GuildID, ""); err == nil {
			retention = set.Retention
		}
	}
	card, log := quiz.Review(card, right, shown, now, retention)
	if err := qs.SaveCard(ctx, card); err != nil {
		return tutor.Card{}, fmt.Errorf("enregistrement de la révision : %w", err)
	}
	if err := qs.LogReview(ctx, log); err != nil {
		return tutor.Card{}, fmt.Errorf("enregistrement de la révision : %w", err)
	}
	return card, nil
}

// FlagButtonPrefix starts the custom ID of a correction's flag button,
// followed by the item's ID.
const FlagButtonPrefix = "f:"

// FlagItem records a student's flag on a question they find wrong.
func (r *Router) FlagItem(ctx context.Context, itemID, userID string) (Response, error) {
	qs := r.quizStore()
	it, ok := r.Quiz.Item(itemID)
	if qs == nil || !ok {
		return private("Signalement", "Cette question n'existe plus : rien à signaler.", OutcomeRefused)
	}
	first, err := qs.FlagItem(ctx, it.ID, userID)
	if err != nil {
		return Response{}, fmt.Errorf("enregistrement du signalement : %w", err)
	}
	if !first {
		return private("Signalement", "Vous avez déjà signalé cette question : merci.", OutcomeOK)
	}
	return private("Signalement", fmt.Sprintf("Merci : la question est signalée aux enseignants (/config voir). Dès que %d élèves l'ont signalée, elle n'est plus posée en attendant leur vérification.", quiz.FlagsToWithhold), OutcomeOK)
}

func inDays(n int) string {
	if n <= 1 {
		return "demain"
	}
	return fmt.Sprintf("dans %d jours", n)
}

// revisions shows the student's next due card.
func (r *Router) revisions(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	// Due today, in the tutor's zone: what the morning reminder counted.
	cards, err := qs.DueCards(ctx, req.UserID, quiz.EndOfDay(r.now(), quiz.DefaultZone), 50)
	if err != nil {
		return Response{}, err
	}
	for i, c := range cards {
		if it, ok := r.Quiz.Item(c.ItemID); ok {
			header := fmt.Sprintf("%d question(s) à revoir aujourd'hui.", len(cards)-i)
			return r.showQuestion(ctx, qs, req, it, header)
		}
	}
	return private("Révisions", "Rien à revoir pour l'instant : les questions manquées reviennent le lendemain, les autres de plus en plus espacées selon ce que vous retenez (répétition espacée FSRS). Lancez /quiz pour de nouvelles questions.", OutcomeOK)
}

// reminder turns the daily DM on ("18h30") or off ("non").
func (r *Router) reminder(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	v := tutor.Fold(strings.TrimSpace(req.Options[OptHeure]))
	zone := strings.TrimSpace(req.Options[OptFuseau])
	if f := strings.Fields(req.Options[OptHeure]); zone == "" && len(f) == 2 {
		// "18h30 America/Martinique" on one line (the console).
		v, zone = tutor.Fold(f[0]), f[1]
	}
	switch v {
	case "non", "off", "aucun", "stop", "arret":
		removed, err := qs.DeleteReminder(ctx, req.UserID)
		if err != nil {
			return Response{}, err
		}
		if !removed {
			return private("Rappel", "Vous n'aviez pas de rappel.", OutcomeOK)
		}
		return private("Rappel", "Rappel supprimé : je ne vous écrirai plus.", OutcomeOK)
	}
	h, m, err := quiz.ParseClock(v)
	if err != nil {
		return private("Rappel", "Heure illisible : écrivez par exemple 18h30, ou « non » pour arrêter les rappels.", OutcomeRefused)
	}
	if zone == "" {
		zone = quiz.DefaultZone
	}
	zone = zoneName(zone)
	if _, err := time.LoadLocation(zone); err != nil || zone == "Local" {
		return private("Rappel", fmt.Sprintf("Fuseau horaire « %s » inconnu : écrivez par exemple Europe/Paris, America/Martinique, Indian/Reunion ou Pacific/Noumea.", tutor.Clip(zone, 40)), OutcomeRefused)
	}
	if err := qs.SetReminder(ctx, tutor.Reminder{UserID: req.UserID, MinuteOfDay: h*60 + m, Zone: zone}); err != nil {
		return Response{}, err
	}
	where := "heure de Paris"
	if zone != quiz.DefaultZone {
		where = "fuseau " + zone
	}
	return private("Rappel", fmt.Sprintf("C'est noté : chaque jour vers %d h %02d (%s), je vous écris en message privé si des questions sont à revoir. Pour arrêter : /rappel non. Pensez à autoriser les messages privés des membres du serveur.", h, m, where), OutcomeOK)
}

// weekStart is Monday 00:00 in Paris of the week holding t.
func weekStart(t time.Time) time.Time {
	loc, _ := time.LoadLocation(quiz.DefaultZone)
	t = t.In(loc)
	days := (int(t.Weekday()) + 6) % 7
	return time.Date(t.Year(), t.Month(), t.Day()-days, 0, 0, 0, 0, loc)
}

// leaderboard ranks the server's students this week.
func (r *Router) leaderboard(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	if req.GuildID == "" {
		return private("Classement", "Le classement est celui d'un serveur : utilisez /classement dans le serveur de la classe.", OutcomeRefused)
	}
	since := weekStart(r.now())
	scores, err := qs.Leaderboard(ctx, req.GuildID, since, 10)
	if err != nil {
		return Response{}, err
	}
	title := "Classement de la semaine (depuis le lundi " + fmt.Sprint(since.Day()) + ")"
	if len(scores) == 0 {
		return Response{Title: title, Text: "Personne n'a encore répondu à un quiz cette semaine. Lancez /quiz !", Outcome: OutcomeOK}, nil
	}
	var b strings.Builder
	medals := []string{"🥇", "🥈", "🥉"}
	for i, s := range scores {
		rank := fmt.Sprintf("%d.", i+1)
		if i < len(medals) {
			rank = medals[i]
		}
		fmt.Fprintf(&b, "%s <@%s> — %d bonne(s) réponse(s) sur %d\n", rank, s.UserID, s.Right, s.Answered)
	}
	return Response{Title: title, Text: b.String(), Outcome: OutcomeOK}, nil
}

// myData shows, exports or erases the requester's data.
func (r *Router) myData(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	data, err := qs.UserData(ctx, req.UserID)
	if err != nil {
		return Response{}, err
	}
	total := 0
	var lines []string
	labels := map[string]string{"replies": "réponses demandées", "feedback": "votes", "llm_usage": "jours d'utilisation du modèle de langue",
		"turns": "messages de conversation", "quiz_posts": "questions de quiz tirées", "quiz_answers": "réponses aux quiz",
		"sr_cards": "cartes de révision", "sr_reviews": "révisions enregistrées", "item_flags": "questions signalées",
		"reminders": "rappel quotidien", "quiz_schedules": "quiz programmés (vous en êtes l'auteur)"}
	for _, uc := range []string{"replies", "feedback", "llm_usage", "turns", "quiz_posts", "quiz_answers", "sr_cards", "sr_reviews", "item_flags", "reminders", "quiz_schedules"} {
		if n := len(data[uc]); n > 0 {
			lines = append(lines, fmt.Sprintf("- %s : %d", labels[uc], n))
			total += n
		}
	}
	switch req.Options[OptAction] {
	case ActionExporter:
		body, err := json.MarshalIndent(map[string]any{"user_id": req.UserID, "exported_at": r.now().UTC(), "data": data}, "", "  ")
		if err != nil {
			return Response{}, err
		}
		return Response{Title: "Vos données", Text: fmt.Sprintf("Voici toutes vos données (%s), au format JSON.", elements(total)),
			File: &Attachment{Name: "mes-donnees.json", Content: body}, Ephemeral: true, Outcome: OutcomeOK}, nil
	case ActionEffacer:
		if total == 0 {
			return private("Vos données", "Je ne garde aucune donnée vous concernant.", OutcomeOK)
		}
		return Response{Title: "Effacer vos données ?", Text: fmt.Sprintf("Je vais effacer définitivement %s :\n%s\n\nVos cartes de révision et votre classement seront perdus. Confirmez avec le bouton ci-dessous (valable pour vous seul ; /confirmer dans la console).", elements(total), strings.Join(lines, "\n")),
			Buttons: []Button{{ID: "x:" + req.UserID, Label: "Effacer définitivement", Danger: true}}, Ephemeral: true, Outcome: OutcomeOK}, nil
	}
	if total == 0 {
		return private("Vos données", "Je ne garde aucune donnée vous concernant.", OutcomeOK)
	}
	return private("Vos données", "Ce que je garde vous concernant :\n"+strings.Join(lines, "\n")+
		"\n\n/mes-donnees exporter pour tout télécharger, /mes-donnees effacer pour tout supprimer.", OutcomeOK)
}

// EraseConfirmed erases the data of userID once they clicked the
// confirmation; clicker must be that user.
func (r *Router) EraseConfirmed(ctx context.Context, userID, clicker string) (Response, error) {
	qs := r.quizStore()
	if qs == nil || userID != clicker {
		return private("Vos données", "Ce bouton ne vous concerne pas.", OutcomeRefused)
	}
	counts, err := qs.EraseUser(ctx, userID)
	if err != nil {
		return Response{}, fmt.Errorf("effacement : %w", err)
	}
	var n int64
	for _, c := range counts {
		n += c
	}
	return private("Vos données", fmt.Sprintf("C'est fait : %s effacé%s. Je ne garde plus rien vous concernant.", elements(int(n)), plural(int(n))), OutcomeOK)
}

// zoneName writes a time zone as the zone database does ("europe/paris":
// Europe/Paris), so that its case does not matter.
func zoneName(z string) string {
	parts := strings.Split(strings.TrimSpace(z), "/")
	for i, p := range parts {
		words := strings.Split(strings.ToLower(p), "_")
		for j, w := range words {
			if w != "" {
				words[j] = strings.ToUpper(w[:1]) + w[1:]
			}
		}
		parts[i] = strings.Join(words, "_")
	}
	if name := strings.Join(parts, "/"); name != "" {
		if _, err := time.LoadLocation(name); err == nil {
			return name
		}
	}
	return z
}

// elements is a count of stored elements in French: "1 élément", "3 éléments".
func elements(n int) string { return fmt.Sprintf("%d élément%s", n, plural(n)) }

// plural is the plural mark of a count in French (0 and 1 take none).
func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
