package answer

import (
	"context"
	"errors"
	"strings"
	"testing"

	tutor "github.com/btstutor/tutor"
)

func TestCard(t *testing.T) {
	t.Parallel()
	e := engine(t)
	tests := []struct {
		kind             tutor.Kind
		code, diploma    string
		want             []string
		abstained, multi bool
	}{
		{tutor.KindEpreuve, "E4", "CCST", []string{"coefficient de 6", "Selon le statut du candidat", "Ponctuelle orale, 1 h", "C1.1 Préparer", "Critères d'évaluation de E4"}, false, false},
		{tutor.KindEpreuve, "E4 NRC", "", []string{"BTS NRC", "Ponctuelle orale, 40 min"}, false, false},
		{tutor.KindEpreuve, "e4", "", []string{"BTS CCST", "BTS NRC"}, false, true},
		{tutor.KindEpreuve, "E9", "CCST", []string{"n'existe pas", "E4"}, true, false},
		{tutor.KindCompetence, "C1.3", "CCST", []string{"Gérer le risque affaire", "Savoir-faire attendus", "Critères d'évaluation"}, false, false},
		{tutor.KindCompetence, "c 31", "NRC", []string{"BTS NRC", "C31"}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.code+"/"+tc.diploma, func(t *testing.T) {
			r, err := e.Card(context.Background(), tc.kind, tc.code, tc.diploma)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Answer, w) {
					t.Errorf("missing %q in:\n%s", w, r.Answer)
				}
			}
			if r.Abstained != tc.abstained {
				t.Errorf("abstained = %v", r.Abstained)
			}
			if !tc.abstained && len(r.Citations) == 0 {
				t.Error("no citation")
			}
		})
	}
	for _, bad := range []struct {
		kind tutor.Kind
		code string
		err  error
	}{
		{tutor.KindEpreuve, "C1.3", ErrNotACode},
		{tutor.KindCompetence, "bonjour", ErrNotACode},
		{tutor.KindCompetence, "  ", ErrEmpty},
		{tutor.KindEpreuve, strings.Repeat("E4 ", 50), ErrNotACode},
	} {
		if _, err := e.Card(context.Background(), bad.kind, bad.code, ""); !errors.Is(err, bad.err) {
			t.Errorf("%q: err = %v, want %v", bad.code, err, bad.err)
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	e := engine(t)
	got := e.Suggest(tutor.KindCompetence, "c1", "CCST", 25)
	if len(got) == 0 || got[0].Code != "C1" && !strings.HasPrefix(got[0].Code, "C1") {
		t.Fatalf("c1: %+v", got)
	}
	for _, c := range got {
		if c.Diploma != "CCST" {
			t.Errorf("diploma filter leaked %+v", c)
		}
	}
	if all := e.Suggest(tutor.KindCompetence, "", "", 25); len(all) != 25 {
		t.Errorf("empty text: %d choices, want the limit 25", len(all))
	}
	byTitle := e.Suggest(tutor.KindEpreuve, "negociation", "", 25)
	if len(byTitle) == 0 {
		t.Fatal("no match by title without accents")
	}
	for _, c := range byTitle {
		if l := c.Label(100); len([]rune(l)) > 100 {
			t.Errorf("label too long: %d", len([]rune(l)))
		}
	}
	if none := e.Suggest(tutor.KindSavoir, "zzzz", "", 25); len(none) != 0 {
		t.Errorf("zzzz: %+v", none)
	}
}

func TestFollowUp(t *testing.T) {
	t.Parallel()
	e := engine(t)
	tests := []struct{ prev, q, want string }{
		{"coef de l'E4 en CCST", "et en NRC ?", "BTS NRC"},
		{"coef de l'E4 en CCST", "et la duree ?", "1 h"},
		{"", "et en NRC ?", ""},
	}
	for _, tc := range tests {
		q := e.FollowUp(tc.prev, tc.q)
		r, err := e.Answer(context.Background(), q, "")
		if err != nil {
			t.Fatal(err)
		}
		if tc.want == "" {
			if q != tc.q {
				t.Errorf("no previous question: %q became %q", tc.q, q)
			}
			continue
		}
		if !strings.Contains(r.Answer, tc.want) || r.Abstained {
			t.Errorf("%q then %q → %q:\n%s", tc.prev, tc.q, q, r.Answer)
		}
	}
	if got := e.FollowUp("coef E4", "et l'E5 ?"); got != "et l'E5 ?" {
		t.Errorf("own code: %q", got)
	}
	// A question with its own subject does not take the previous code.
	if got := e.FollowUp("coef de l'E4 en CCST", "quelles sont les competences du bloc 2 de gestion ?"); strings.Contains(got, "E4") {
		t.Errorf("own subject: %q", got)
	}
}
