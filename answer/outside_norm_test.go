package answer

import (
	"strings"
	"testing"
)

// A trigger is looked up in the normalised question: a question that types
// it as the table writes it must match it, even when the normaliser rewrites
// it ("perso" becomes "personnel", "entrer" must not become "entre").
func TestTriggersMatchTheQuestionsThatTypeThem(t *testing.T) {
	t.Parallel()
	e := engine(t)
	check := func(name, phrase string) {
		q := "alors " + phrase + " ?"
		if n := e.norm.Normalize(q); !n.Has(phrase) {
			t.Errorf("%s: %q does not find its trigger %q (read %q)", name, q, phrase, strings.TrimSpace(n.Text()))
		}
	}
	for _, o := range outsideTable {
		for _, p := range o.triggers {
			check(o.name, p)
		}
	}
	for _, d := range attrTable {
		for _, p := range d.triggers {
			check(d.name, p)
		}
		for _, p := range d.cues {
			check(d.name+" (cue)", p)
		}
	}
	for _, p := range injectionTriggers {
		check("injection", p)
	}
	for _, p := range places {
		check("places", p)
	}
	for name, groups := range outsideTogether {
		for _, g := range groups {
			for _, p := range g {
				check(name, p)
			}
		}
	}
}
