package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/quiz"
)

// Class quiz schedules: /quiz-programmer, /quiz-liste, /quiz-supprimer.

// addSchedule programs a recurring quiz.
func (r *Router) addSchedule(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	title := "Programmer un quiz"
	o := req.Options
	expr := strings.TrimSpace(o[OptCron])
	if expr == "" {
		if strings.TrimSpace(o[OptHeure]) == "" {
			return private(title, "Indiquez une expression cron (ex. « 0 18 * * 1,3 ») ou des jours et une heure (ex. jours:lundi,mercredi heure:18h).", OutcomeRefused)
		}
		var err error
		if expr, err = quiz.SimpleSpec(o[OptJours], o[OptHeure]); err != nil {
			return private(title, specMessage(err), OutcomeRefused)
		}
	}
	zone := strings.TrimSpace(o[OptFuseau])
	spec, err := quiz.ParseSpec(expr, zone)
	if err != nil {
		return private(title, specMessage(err), OutcomeRefused)
	}
	d, _, err := r.diploma(ctx, req)
	if err != nil {
		return Response{}, err
	}
	if d, err = r.Engine.ResolveDiploma(d); err != nil {
		return *refused(err), nil
	}
	th, err := theme(o)
	if err != nil {
		return *refused(err), nil
	}
	n, err := intOption(o, OptQuestions, defaultQuestions, 1, quiz.MaxQuestions)
	if err != nil {
		return private(title, err.Error(), OutcomeRefused)
	}
	open, err := intOption(o, OptDuree, defaultOpenMinutes, 5, quiz.MaxOpenMinutes)
	if err != nil {
		return private(title, err.Error(), OutcomeRefused)
	}
	existing, err := qs.Schedules(ctx, req.GuildID)
	if err != nil {
		return Response{}, err
	}
	if len(existing) >= quiz.MaxSchedules {
		return private(title, fmt.Sprintf("Ce serveur a déjà %d quiz programmés, le maximum : supprimez-en un avec /quiz-supprimer.", len(existing)), OutcomeRefused)
	}
	channel := o[OptSalon]
	if channel == "" {
		channel = req.ChannelID
	}
	sc := tutor.Schedule{GuildID: req.GuildID, ChannelID: channel, Expr: spec.Expr, Zone: spec.Zone.String(), Diploma: d, Theme: th,
		Questions: n, OpenMinutes: open, CreatedBy: req.UserID}
	if err := qs.AddSchedule(ctx, &sc); err != nil {
		return Response{}, err
	}
	note := ""
	if r.Scheduler != nil {
		if err := r.Scheduler.Arm(sc); err != nil {
			return Response{}, err
		}
	} else {
		note = "\n\nLa programmation est enregistrée : elle se déclenchera quand le bot Discord tournera."
	}
	return private(title, fmt.Sprintf("Quiz n°%d programmé dans <#%s> : %s.\nProchains envois :\n%s%s", sc.ID, channel, describeSchedule(sc),
		nextRuns(spec, r.now()), note), OutcomeOK)
}

func specMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), quiz.ErrSpec.Error()+" : ")
	return "Programmation refusée : " + msg + "."
}

func intOption(o map[string]string, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(o[name])
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("l'option %s va de %d à %d", name, lo, hi)
	}
	return n, nil
}

func describeSchedule(sc tutor.Schedule) string {
	what := fmt.Sprintf("%d question(s)", sc.Questions)
	if sc.Diploma != "" {
		what += ", BTS " + sc.Diploma
	}
	if sc.Theme != "" {
		what += ", " + strings.ToLower(quiz.ThemeLabel[sc.Theme])
	}
	return fmt.Sprintf("`%s` (%s), %s, réponses pendant %d min", sc.Expr, sc.Zone, what, sc.OpenMinutes)
}

func nextRuns(spec *quiz.Spec, now time.Time) string {
	var lines []string
	for _, t := range spec.NextRuns(now, 3) {
		lines = append(lines, "- "+quiz.FormatTime(t))
	}
	return strings.Join(lines, "\n")
}

func (r *Router) listSchedules(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	list, err := qs.Schedules(ctx, req.GuildID)
	if err != nil {
		return Response{}, err
	}
	if len(list) == 0 {
		return private("Quiz programmés", "Aucun quiz programmé sur ce serveur. Un enseignant peut en créer avec /quiz-programmer.", OutcomeOK)
	}
	var b strings.Builder
	for _, sc := range list {
		next := ""
		if spec, err := quiz.ParseSpec(sc.Expr, sc.Zone); err == nil {
			if t := spec.Next(r.now()); !t.IsZero() {
				next = " ; prochain : " + quiz.FormatTime(t)
			}
		}
		fmt.Fprintf(&b, "**n°%d** dans <#%s> : %s%s\n", sc.ID, sc.ChannelID, describeSchedule(sc), next)
	}
	return private("Quiz programmés", b.String(), OutcomeOK)
}

func (r *Router) deleteSchedule(ctx context.Context, qs tutor.Store, req Request) (Response, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(req.Options[OptID]), "n°"), 10, 64)
	if err != nil || id <= 0 {
		return private("Quiz programmés", "Indiquez le numéro du quiz à supprimer (voir /quiz-liste).", OutcomeRefused)
	}
	ok, err := qs.DeleteSchedule(ctx, req.GuildID, id)
	if err != nil {
		return Response{}, err
	}
	if !ok {
		return private("Quiz programmés", fmt.Sprintf("Aucun quiz n°%d sur ce serveur (voir /quiz-liste).", id), OutcomeRefused)
	}
	if r.Scheduler != nil {
		r.Scheduler.Disarm(id)
	}
	return private("Quiz programmés", fmt.Sprintf("Quiz n°%d supprimé.", id), OutcomeOK)
}
