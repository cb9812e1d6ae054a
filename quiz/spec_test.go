package quiz

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseSpecRefusesInFrench(t *testing.T) {
	for _, tt := range []struct{ expr, zone, want string }{
		{"", "", "expression vide"},
		{"* * * * *", "", "un quiz au plus par heure"},
		{"*/30 * * * *", "", "un quiz au plus par heure"},
		{"0,30 18 * * *", "", "un quiz au plus par heure"},
		{"@every 1s", "", "@every"},
		{"0 18 * *", "", "il faut 5 champs"},
		{"0 0 18 * * *", "", "il faut 5 champs"},
		{"0 25 * * *", "", "une valeur sort des bornes"},
		{"0 18 * * lundi", "", "illisible"},
		{"0 0 30 2 *", "", "ne se déclenche jamais"},
		{"CRON_TZ=Asia/Tokyo 0 18 * * *", "", "fuseau horaire se choisit"},
		{"0 18 * * 1", "Mars/Olympus", "fuseau horaire « Mars/Olympus » inconnu"},
		{strings.Repeat("1,", 80) + "2 * * * *", "", "trop longue"},
		{"@reboot", "", "illisible"},
		{"0 18 * * 1\x00", "", "illisible"},
	} {
		_, err := ParseSpec(tt.expr, tt.zone)
		if !errors.Is(err, ErrSpec) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.expr, err, tt.want)
		}
	}
}

func TestParseSpecAndNextRuns(t *testing.T) {
	s, err := ParseSpec("  0 18 * * 1,3 ", "")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) // Sunday
	runs := s.NextRuns(from, 3)
	var got []string
	for _, r := range runs {
		got = append(got, FormatTime(r))
	}
	want := "lundi 23 novembre à 18 h 00|mercredi 25 novembre à 18 h 00|lundi 30 novembre à 18 h 00"
	if strings.Join(got, "|") != want || runs[0].Location().String() != "Europe/Paris" {
		t.Errorf("next runs %q", got)
	}
	// Across the change to summer time, 18:00 stays 18:00 in Paris.
	s2, _ := ParseSpec("0 18 * * *", "Europe/Paris")
	r := s2.Next(time.Date(2027, 3, 28, 0, 0, 0, 0, time.UTC))
	if r.Hour() != 18 || r.UTC().Hour() != 16 {
		t.Errorf("summer time: %v", r)
	}
	if last := s.Last(from.Add(-96*time.Hour), from); !last.Equal(time.Date(2026, 11, 18, 18, 0, 0, 0, s.Zone)) {
		t.Errorf("last %v", last)
	}
}

func TestSimpleSpec(t *testing.T) {
	for _, tt := range []struct{ days, at, want string }{
		{"lundi, mercredi", "18h", "0 18 * * 1,3"},
		{"lun et jeu", "8h15", "15 8 * * 1,4"},
		{"semaine", "17:30", "30 17 * * 1-5"},
		{"", "7h", "0 7 * * *"},
		{"Vendredi", "12 h 05", "5 12 * * 5"},
	} {
		got, err := SimpleSpec(tt.days, tt.at)
		if err != nil || got != tt.want {
			t.Errorf("%q %q: %q %v, want %q", tt.days, tt.at, got, err, tt.want)
		}
	}
	for _, bad := range [][2]string{{"lundi", "25h"}, {"lundi", "midi"}, {"funday", "18h"}, {"lundi", "18h75"}} {
		if _, err := SimpleSpec(bad[0], bad[1]); !errors.Is(err, ErrSpec) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// On the nights clocks change, a quiz at a time that does not exist fires
// once at the first minute that does, and one at a time that happens twice
// fires once: never skipped, never posted twice.
func TestChangesOfTimeNeitherSkipNorRepeat(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	tests := []struct {
		expr  string
		from  time.Time
		wants []string // the next firings, in Paris time
	}{
		// 29 March 2026: 02:00 → 03:00.
		{"30 2 * * *", time.Date(2026, 3, 28, 12, 0, 0, 0, paris), []string{"2026-03-29 03:00 CEST", "2026-03-30 02:30 CEST", "2026-03-31 02:30 CEST"}},
		{"0 2 * * *", time.Date(2026, 3, 28, 12, 0, 0, 0, paris), []string{"2026-03-29 03:00 CEST", "2026-03-30 02:00 CEST"}},
		{"30 3 * * *", time.Date(2026, 3, 28, 12, 0, 0, 0, paris), []string{"2026-03-29 03:30 CEST", "2026-03-30 03:30 CEST"}},
		// 25 October 2026: 03:00 → 02:00.
		{"30 2 * * *", time.Date(2026, 10, 24, 12, 0, 0, 0, paris), []string{"2026-10-25 02:30 CEST", "2026-10-26 02:30 CET", "2026-10-27 02:30 CET"}},
		{"0 2 * * *", time.Date(2026, 10, 24, 12, 0, 0, 0, paris), []string{"2026-10-25 02:00 CEST", "2026-10-26 02:00 CET"}},
		// From inside the repeated hour, the second 02:15 does not fire
		// the 02:30 again.
		{"30 2 * * *", time.Date(2026, 10, 25, 1, 15, 0, 0, time.UTC), []string{"2026-10-26 02:30 CET"}},
		// An ordinary evening quiz keeps its hour on both sides.
		{"0 18 * * *", time.Date(2026, 3, 28, 12, 0, 0, 0, paris), []string{"2026-03-28 18:00 CET", "2026-03-29 18:00 CEST"}},
	}
	for _, tt := range tests {
		s, err := ParseSpec(tt.expr, "Europe/Paris")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, at := range s.NextRuns(tt.from, len(tt.wants)) {
			got = append(got, at.In(paris).Format("2006-01-02 15:04 MST"))
		}
		if strings.Join(got, ", ") != strings.Join(tt.wants, ", ") {
			t.Errorf("%q from %v:\n got %v\nwant %v", tt.expr, tt.from, got, tt.wants)
		}
	}
	// Last, which the runner and the catch-up use, agrees.
	s, _ := ParseSpec("30 2 * * *", "Europe/Paris")
	night := time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)
	var fired []time.Time
	for m := range 6 * 60 { // every minute of the night, as the runner wakes
		now := night.Add(time.Duration(m) * time.Minute)
		if at := s.Last(now.Add(-time.Minute), now); !at.IsZero() {
			fired = append(fired, at)
		}
	}
	if len(fired) != 1 {
		t.Errorf("on the October night 02:30 fired %d times: %v", len(fired), fired)
	}
}

// Times of day as teachers and students type them.
func TestParseClock(t *testing.T) {
	for in, want := range map[string][2]int{"18h": {18, 0}, "18h30": {18, 30}, "18:30": {18, 30}, "18.30": {18, 30}, "8 h 15": {8, 15}, "07:45": {7, 45}} {
		h, m, err := ParseClock(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseClock(%q) = %d, %d, %v", in, h, m, err)
		}
	}
	for _, in := range []string{"25h", "18h61", "midi", ""} {
		if _, _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
}
