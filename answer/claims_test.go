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
