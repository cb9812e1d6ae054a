package quiz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	tutor "github.com/btstutor/tutor"

	_ "time/tzdata" // Europe/Paris on machines without a zone database
)

// DefaultZone is the time zone of schedules unless the teacher picks another.
const DefaultZone = "Europe/Paris"

// Limits of schedules.
const (
	MaxSpecLen     = 100
	MinGap         = time.Hour // two firings of one schedule are at least this far apart
	MaxSchedules   = 20        // per server
	MaxQuestions   = 10
	MaxOpenMinutes = 24 * 60
)

// ErrSpec wraps every refusal of a schedule; the message is French.
var ErrSpec = errors.New("programmation refusée")

func specError(format string, args ...any) error {
	return fmt.Errorf("%w : %s", ErrSpec, fmt.Sprintf(format, args...))
}

// parser reads the five standard fields and the descriptors (@daily, …).
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Spec is a checked schedule expression in its time zone.
type Spec struct {
	Expr     string
	Zone     *time.Location
	schedule cron.Schedule
}

// ParseSpec checks a cron expression (5 fields: minute, hour, day of month,
// month, day of week) in a time zone. It refuses, in French, expressions that
// do not parse, that never fire, that fire more often than once an hour,
// that carry their own time zone, or that are too long.
func ParseSpec(expr, zone string) (*Spec, error) {
	expr = strings.Join(strings.Fields(expr), " ")
	if zone == "" {
		zone = DefaultZone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "Local" {
		return nil, specError("fuseau horaire « %s » inconnu (ex. Europe/Paris, America/Martinique, Indian/Reunion)", tutor.Clip(zone, 40))
	}
	switch {
	case expr == "":
		return nil, specError("expression vide")
	case len(expr) > MaxSpecLen:
		return nil, specError("expression trop longue (%d caractères au plus)", MaxSpecLen)
	case strings.Contains(strings.ToUpper(expr), "TZ="):
		return nil, specError("le fuseau horaire se choisit avec l'option fuseau, pas dans l'expression")
	case strings.HasPrefix(expr, "@every"):
		return nil, specError("« @every » n'est pas accepté : indiquez des jours et une heure (ex. « 0 18 * * 1,3 »)")
	}
	if !strings.HasPrefix(expr, "@") && len(strings.Fields(expr)) != 5 {
		return nil, specError("il faut 5 champs séparés par des espaces : minute heure jour-du-mois mois jour-de-la-semaine (ex. « 30 17 * * 1-5 » : 17 h 30 du lundi au vendredi) ; reçu %d", len(strings.Fields(expr)))
	}
	sched, err := parser.Parse(expr)
	if err != nil {
		return nil, specError("expression « %s » illisible (%s) ; exemple : « 0 18 * * 1,3 » pour 18 h les lundis et mercredis", expr, frenchCronError(err))
	}
	s := &Spec{Expr: expr, Zone: loc, schedule: sched}
	// Never fires, or fires too often?
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	prev := s.Next(start)
	if prev.IsZero() {
		return nil, specError("l'expression « %s » ne se déclenche jamais (date impossible ?)", expr)
	}
	for range 500 {
		next := s.Next(prev)
		if next.IsZero() {
			break
		}
		if next.Sub(prev) < MinGap {
			return nil, specError("un quiz au plus par heure : « %s » se déclenche toutes les %s", expr, humanGap(next.Sub(prev)))
		}
		prev = next
	}
	return s, nil
}

// frenchCronError explains the parser's error in French.
func frenchCronError(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "range") || strings.Contains(msg, "maximum") || strings.Contains(msg, "minimum"):
		return "une valeur sort des bornes : minute 0-59, heure 0-23, jour 1-31, mois 1-12, jour de la semaine 0-6 (0 = dimanche)"
	case strings.Contains(msg, "failed to parse int"):
		return "un champ contient autre chose qu'un nombre, une liste (1,3), un intervalle (1-5) ou *"
	case strings.Contains(msg, "unrecognized descriptor"):
		return "raccourci inconnu (acceptés : @daily, @weekly, @monthly)"
	case strings.Contains(msg, "step"):
		return "pas de répétition invalide"
	}
	return "syntaxe non reconnue"
}

func humanGap(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d secondes", int(d.Seconds()))
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}

// Next is the first firing strictly after t, or zero if none. The
// expression is read on the wall clock of the zone, so that a change of
// time neither skips nor repeats a firing: a time that does not exist (02:30
// on the night clocks go forward) fires once at the first minute that does
// (03:00), and a time that happens twice (02:30 on the night they go back)
// fires once, the first time.
func (s *Spec) Next(t time.Time) time.Time {
	t = t.In(s.Zone)
	w := wall(t)
	for {
		n := s.schedule.Next(w)
		if n.IsZero() {
			return n
		}
		if at := s.instant(n); at.After(t) {
			return at
		}
		w = n
	}
}

// wall is t's wall clock, as a time in UTC (where no time is skipped or
// repeated).
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// instant is the first instant the zone's clocks show the wall time w, or,
// when they never do (skipped by a change of time), the instant of that
// change: the first valid time after it.
func (s *Spec) instant(w time.Time) time.Time {
	at := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), s.Zone)
	if got := wall(at); !got.Equal(w) {
		// Skipped: Go put it on one side of the change; the change is the
		// boundary of that side's zone period.
		start, end := at.ZoneBounds()
		if got.Before(w) {
			return end
		}
		return start
	}
	// Repeated: the same wall time an offset earlier is the first one.
	start, _ := at.ZoneBounds()
	if !start.IsZero() {
		_, before := start.Add(-time.Second).Zone()
		if _, now := at.Zone(); before > now {
			if earlier := at.Add(-time.Duration(before-now) * time.Second); earlier.Before(start) && wall(earlier).Equal(w) {
				return earlier
			}
		}
	}
	return at
}

// NextRuns lists the n next firings after t.
func (s *Spec) NextRuns(t time.Time, n int) []time.Time {
	var out []time.Time
	for len(out) < n {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}

// Last is the latest firing in (after, upTo], or zero.
func (s *Spec) Last(after, upTo time.Time) time.Time {
	var last time.Time
	for t := s.Next(after); !t.IsZero() && !t.After(upTo); t = s.Next(t) {
		last = t
	}
	return last
}

// Schedule returns the robfig schedule, for the cron runner.
func (s *Spec) Schedule() cron.Schedule { return zoned{s} }

// zoned evaluates the schedule in the spec's zone whatever the runner's.
type zoned struct{ s *Spec }

func (z zoned) Next(t time.Time) time.Time { return z.s.Next(t) }

// Days of the week as teachers type them.
var dayNames = map[string]int{
	"dimanche": 0, "dim": 0, "lundi": 1, "lun": 1, "mardi": 2, "mar": 2, "mercredi": 3, "mer": 3,
	"jeudi": 4, "jeu": 4, "vendredi": 5, "ven": 5, "samedi": 6, "sam": 6,
}

// SimpleSpec turns simple choices into a cron expression: days ("lundi,
// mercredi", "lun-ven", "semaine", "tous") and a time ("18h", "18:30",
// "8h15").
func SimpleSpec(days, at string) (string, error) {
	h, m, err := ParseClock(at)
	if err != nil {
		return "", err
	}
	d := tutor.Fold(strings.TrimSpace(days))
	var dow string
	switch d {
	case "", "tous", "tous les jours", "chaque jour":
		dow = "*"
	case "semaine", "en semaine", "lun-ven":
		dow = "1-5"
	default:
		var list []string
		for _, part := range strings.FieldsFunc(d, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '/' }) {
			if part == "et" {
				continue
			}
			n, ok := dayNames[part]
			if !ok {
				return "", specError("jour « %s » inconnu (lundi, mardi, … ou « semaine », « tous »)", tutor.Clip(part, 20))
			}
			list = append(list, strconv.Itoa(n))
		}
		if len(list) == 0 {
			return "", specError("aucun jour reconnu")
		}
		dow = strings.Join(list, ",")
	}
	return fmt.Sprintf("%d %d * * %s", m, h, dow), nil
}

// ParseClock reads a time of day: "18h", "18h30", "18:30", "8 h 15".
func ParseClock(s string) (hour, minute int, err error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	t = strings.Replace(strings.Replace(t, "h", ":", 1), ".", ":", 1) // "18h30", "18.30"
	hs, ms, _ := strings.Cut(t, ":")
	if ms == "" {
		ms = "0"
	}
	hour, err1 := strconv.Atoi(hs)
	minute, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, specError("heure « %s » illisible (ex. 18h, 18h30, 07:45)", tutor.Clip(s, 20))
	}
	return hour, minute, nil
}

var frDays = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
var frMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// FormatTime writes a time the French way: "lundi 23 novembre à 18 h 00".
func FormatTime(t time.Time) string {
	return fmt.Sprintf("%s %d %s à %d h %02d", frDays[t.Weekday()], t.Day(), frMonths[t.Month()-1], t.Hour(), t.Minute())
}
