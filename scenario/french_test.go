package scenario

import (
	"regexp"
	"strings"
	"testing"
)

// The French of every brief: elisions, contractions, articles, agreement
// and numerals, over every option combination.
func TestFrenchOfEveryBrief(t *testing.T) {
	var units []string
	for _, o := range allOffers() {
		first, _, _ := strings.Cut(o.Unit, " ")
		units = append(units, regexp.QuoteMeta(first))
	}
	bad := map[string]*regexp.Regexp{
		"élision manquante":     regexp.MustCompile(`(?i)(^|[^\pL])(de|le|la|que|ne|je|se|me|te|jusque|lorsque|puisque) [aeiouyéèêàâîôû]\pL*`),
		"contraction manquante": regexp.MustCompile(`(^|[^\pL])(à|de) (le|les) `),
		"article manquant":      regexp.MustCompile(`(^|[^\pL])(pour|de|chez|avec|à|du) (Mairie|Communauté|Lycée|Base|Résidence|Association|Comité|Camping)\b`),
		"chiffre pour « un »":   regexp.MustCompile(`(^|[^\d,  ])1 (` + strings.Join(units, "|") + `)\b`),
		"genre":                 regexp.MustCompile(`Le conjoint \(Mme|La conjointe \(M\.|\(Mme [^)]*\), absent |\(M\. [^)]*\), absente `),
	}
	sweep(t, func(b *Brief) {
		seed := b.Options.Seed
		md := b.Markdown()
		for name, re := range bad {
			if loc := re.FindStringIndex(md); loc != nil {
				t.Errorf("seed %d, %s : %q in …%s…", seed, name, md[loc[0]:loc[1]], md[max(0, loc[0]-60):min(len(md), loc[1]+30)])
			}
		}
		// A woman is « elle » after a preposition.
		for _, p := range b.Jury.Parameters {
			if strings.Contains(p.Expected, "pour lui") && strings.Contains(p.Change, "Mme ") {
				t.Errorf("seed %d: « pour lui » about a woman: %s / %s", seed, p.Change, p.Expected)
			}
		}
	})
}

// Every unit of the catalogue has a known gender, so that one is « un » or
// « une ».
func TestEveryUnitHasAGender(t *testing.T) {
	for _, o := range allOffers() {
		first, _, _ := strings.Cut(o.Unit, " ")
		if !feminineUnits[first] && !masculineUnits[first] {
			t.Errorf("unit %q: gender unknown", o.Unit)
		}
	}
	for in, want := range map[string]string{"Optitech": "d'Optitech", "le lycée professionnel de Lyon": "du lycée professionnel de Lyon", "acheteur": "d'acheteur",
		"la mairie de Nantes": "de la mairie de Nantes", "Lyon": "de Lyon", "une cuisine": "d'une cuisine", "Le Mans": "du Mans"} {
		if got := de(in); got != want {
			t.Errorf("de(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Le Mans": "au Mans", "La Rochelle": "à La Rochelle", "Lyon": "à Lyon"} {
		if got := to(in); got != want {
			t.Errorf("to(%q) = %q, want %q", in, got, want)
		}
	}
	if quantity(1, "cuisine") != "une cuisine" || quantity(1, "moteur") != "un moteur" || quantity(3, "cuisine") != "3 cuisines" {
		t.Error("quantity")
	}
}
