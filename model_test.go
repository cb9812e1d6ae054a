package tutor

import (
	"slices"
	"testing"
)

// AllEpreuves yields each épreuve before its parts, and stops when asked.
func TestAllEpreuves(t *testing.T) {
	r := &Referentiel{Epreuves: []Epreuve{
		{Code: "E1"},
		{Code: "E2", Parts: []Epreuve{{Code: "E21"}, {Code: "E22"}}},
		{Code: "EF1", Optional: true},
	}}
	var got []string
	for e := range r.AllEpreuves() {
		got = append(got, e.Code)
	}
	if want := []string{"E1", "E2", "E21", "E22", "EF1"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got = nil
	for e := range r.AllEpreuves() {
		got = append(got, e.Code)
		if e.Code == "E21" {
			break
		}
	}
	if want := []string{"E1", "E2", "E21"}; !slices.Equal(got, want) {
		t.Errorf("after break: got %v, want %v", got, want)
	}
}
