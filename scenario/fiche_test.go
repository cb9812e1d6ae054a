package scenario

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func fiche(t *testing.T, path string) *Fiche {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := ParseFiche(f)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// A brief built on a candidate's fiche: its company, offer, prices and
// client, with a key that holds and the law kept, at every difficulty.
func TestBriefFromAFiche(t *testing.T) {
	g := generator(t)
	fi := fiche(t, "../examples/fiche-candidat.md")
	if fi.Diploma != "NRC" || fi.ListPrice != 9800 || fi.Cost != 6400 || len(fi.Needs) != 3 || fi.Lead != [2]int{3, 5} || fi.TVA != 5.5 {
		t.Fatalf("fiche read as %+v", fi)
	}
	for seed := uint64(0); seed < 60; seed++ {
		b, err := g.Generate(Options{Fiche: fi, Seed: seed, Difficulty: int(seed%3) + 1})
		if err != nil {
			t.Fatal(err)
		}
		checkKey(t, b)
		md := b.Markdown()
		for _, want := range []string{"Thermalia SARL", "le foyer Lemoine", "Mme Claire Lemoine", "pompe à chaleur air-eau 8 kW", Cents(9800_00).String() + " HT", "réduire la facture de fioul"} {
			if !strings.Contains(md, want) {
				t.Fatalf("seed %d: the brief lacks %q", seed, want)
			}
		}
		if b.Pricing.UnitCost != 6400_00 || b.Pricing.ListPrice != 9800_00 {
			t.Fatalf("seed %d: cost %v, list %v", seed, b.Pricing.UnitCost, b.Pricing.ListPrice)
		}
	}
	// Options that contradict the fiche are refused.
	for _, o := range []Options{{Fiche: fi, Diploma: "CCST"}, {Fiche: fi, Client: ClientEntreprise}, {Fiche: fi, Situation: 2}} {
		if _, err := g.Generate(o); !errors.Is(err, ErrOption) {
			t.Errorf("%+v: %v", o, err)
		}
	}
}

// What a fiche lacks or gets wrong is said, all at once, and nothing is
// built.
func TestFicheErrors(t *testing.T) {
	for in, want := range map[string][]string{
		"- diplome : NRC\n":                         {"entreprise", "offre", "prix", "organisation", "besoins", "client"},
		"- diplome : MCO\n":                         {"diplome (NRC ou CCST)"},
		"- prix : beaucoup\n":                       {"ligne 1", "nombre positif"},
		"- couleur : bleue\n":                       {"ligne 1", "clé « couleur » inconnue"},
		"- quantite : -3\n":                         {"quantite"},
		"- delai_semaines : 5-2\n":                  {"delai semaines"},
		"{\"diplome\": ":                            {"JSON illisible"},
		strings.Repeat("# titre\n", 5000):           {"trop long"},
		"- diplome: CCST\n- prix: 10\n- cout: 12\n": {"coût d'achat inférieur"},
	} {
		_, err := ParseFiche(strings.NewReader(in))
		if !errors.Is(err, ErrFiche) {
			t.Errorf("%.30q: %v", in, err)
			continue
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%.30q: %v, want %q", in, err, w)
			}
		}
	}
	// JSON with the same keys.
	f, err := ParseFiche(strings.NewReader(`{"diplome":"CCST","entreprise":"Hydra SAS","offre":"pompe doseuse","prix":1200,"organisation":"Clinique du Parc","besoins":["doser juste"]}`))
	if err != nil || f.Client != ClientEntreprise || f.Unit != "unité" || f.Quantity != 1 {
		t.Errorf("JSON fiche: %+v, %v", f, err)
	}
}
