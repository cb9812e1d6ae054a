package answer

import "testing"

// A marker after a period with accented text inside brackets is found in
// runes: no panic, no text lost.
func TestSentencesMarkersAfterAccents(t *testing.T) {
	got := sentences("Elle dure 1 h. [voir l'épreuve é é é é] Fin.")
	if len(got) != 2 || got[1] != "Fin." {
		t.Errorf("%q", got)
	}
}

// What the review found getting through, or wrongly removed.
func TestClaimsFromReview(t *testing.T) {
	e := engine(t)
	ev := &evidenceSet{facts: "Au BTS CCST, l'épreuve E4 a un coefficient de 6 [1].", passages: nil}
	ok := func(sent string) bool { return e.claimsStated(sent, ev.of(sent)) }
	for _, bad := range []string{
		"Elle dure une heure et demie.",
		"Le jury compte 6 membres.",
		"Elle évalue la compétence C2.1.",
		"Depuis la loi travail, le jury est paritaire.",
	} {
		if ok(bad) {
			t.Errorf("%q passed", bad)
		}
	}
	if !ok("En CCF, le candidat a 6 fois plus de chances.") {
		t.Error(`"a 6" read as a code`)
	}
	for _, s := range []string{"Voir ici_https://phish.example/fiche.", "Écrivez à jury@bts-ccst.fr.", "Rendez-vous sur bts-ccst.fr."} {
		if unsafe(s, "", nil) == "" {
			t.Errorf("%q not filtered", s)
		}
	}
	if unsafe("Le candidat envoie sa fiche à la commission.", "", nil) != "" {
		t.Error("a statement about the candidate read as an instruction")
	}
	rules := runs("Réponds en français, clairement et brièvement, uniquement à partir des passages numérotés et des faits vérifiés ci-dessous.")
	if !sharesRun("Réponds en français, clairement et brièvement [1], uniquement à partir des passages numérotés [1] et des faits", rules) {
		t.Error("markers broke the run of the rules")
	}
	if got := cutUnfinished("Selon [2], la préparation dure 6.5 heures, ce qui"); got != "" {
		t.Errorf("cut inside a number: %q", got)
	}
	if got := cutUnfinished("Elle dure 1 h [1]. Puis"); got != "Elle dure 1 h [1]." {
		t.Errorf("cut: %q", got)
	}
}

// Each coefficient of a sentence is checked against its own épreuve.
func TestEveryCoefficientChecked(t *testing.T) {
	e := engine(t)
	q, err := e.Analyze("quels sont les coefficients des epreuves du BTS CCST", "")
	if err != nil {
		t.Fatal(err)
	}
	if e.claimsHold("L'E5 a un coefficient de 4 et l'E4 un coefficient de 3.", q.Docs, q.Codes) {
		t.Error("the second, wrong, coefficient passed")
	}
	if !e.claimsHold("L'E5 a un coefficient de 4 et l'E4 un coefficient de 6.", q.Docs, q.Codes) {
		t.Error("two right coefficients refused")
	}
}
