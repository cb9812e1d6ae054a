package retrieval

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/btstutor/tutor/corpus"
)

var (
	once sync.Once
	idx  *Index
)

func index(tb testing.TB) *Index {
	tb.Helper()
	once.Do(func() {
		c, err := corpus.Load()
		if err != nil {
			panic(err)
		}
		idx, err = New(context.Background(), c.Sections(), c.CodeStyles(), Options{})
		if err != nil {
			panic(err)
		}
	})
	return idx
}

func TestAnalyzer(t *testing.T) {
	got := strings.Join(Analyzer{}.Terms("L'évaluation de la compétence C1.3 jusqu'où ?", ""), " ")
	for _, want := range []string{"#c1.3", "evalu", "competent"} {
		if !strings.Contains(got, want) {
			t.Errorf("terms %q lack %q", got, want)
		}
	}
	if strings.Contains(got, " l ") || strings.Contains(got, "jusqu") || strings.Contains(got, " c1 ") {
		t.Errorf("elisions or split codes left in %q", got)
	}
	// "B to B" is one term however written; its letters alone are none.
	for _, in := range []string{"un environnement « B to B »", "du BtoB", "en b2b"} {
		if got := (Analyzer{}).Terms(in, ""); !slices.Contains(got, "btob") || slices.Contains(got, "to") {
			t.Errorf("%q: terms %q", in, got)
		}
	}
}

// Typos, missing accents and odd code spellings still find the passage.
func TestSearchIsRobust(t *testing.T) {
	x := index(t)
	tests := []struct{ q, diploma, want string }{
		{"competance c 31", "NRC", "Intégrer les dimensions"},
		{"c13", "NRC", "Partager l’information"},
		{"C4-1", "CCST", "Réaliser une veille"},
		{"duree du stage", "NRC", "16 semaines"},
		{"negotiation distributeur referencement", "NRC", "référencement"},
		{"fiscalite tva deductibilite", "NRC", "déductibilité"},
	}
	for _, tt := range tests {
		for _, mode := range []Mode{Fused, Lexical, Vector} {
			res, err := x.Search(context.Background(), Query{Text: tt.q, K: 5, Diploma: tt.diploma, Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range res {
				found = found || strings.Contains(r.Section.Text, tt.want)
				if r.Section.Diploma != tt.diploma {
					t.Errorf("%q: result from %s with filter %s", tt.q, r.Section.Diploma, tt.diploma)
				}
			}
			if !found && mode == Fused {
				t.Errorf("%q [%s]: %q not in the top 5", tt.q, mode, tt.want)
			}
		}
	}
}

func TestSearchEdgeCases(t *testing.T) {
	x := index(t)
	if _, err := x.Search(context.Background(), Query{Text: "  "}); err == nil {
		t.Error("empty query accepted")
	}
	// More results than sections: clamped, not an error.
	res, err := x.Search(context.Background(), Query{Text: "stage", K: 100000, Diploma: "NRC"})
	if err != nil || len(res) == 0 {
		t.Errorf("large K: %d results, %v", len(res), err)
	}
	if res, _ := x.Search(context.Background(), Query{Text: "stage", Diploma: "BTSX"}); len(res) != 0 {
		t.Errorf("unknown diploma gave %d results", len(res))
	}
}

func TestLocalEmbedderIsDeterministicAndNormalised(t *testing.T) {
	x := index(t)
	a, b := x.local.Vector("coefficient de l'épreuve", ""), x.local.Vector("coefficient de l'épreuve", "")
	var norm float64
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("embedder not deterministic")
		}
		norm += float64(a[i]) * float64(a[i])
	}
	if norm < 0.999 || norm > 1.001 {
		t.Errorf("|v|² = %f, want 1", norm)
	}
}

func BenchmarkBuildIndex(b *testing.B) {
	c, err := corpus.Load()
	if err != nil {
		b.Fatal(err)
	}
	st := c.CodeStyles()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := New(context.Background(), c.Sections(), st, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadAndBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, err := corpus.Load()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(context.Background(), c.Sections(), c.CodeStyles(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	x := index(b)
	qs := []string{"coef e4 ccst", "jusqu'où va la TVA en gestion commerciale ?", "competance c 31", "durée du stage"}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Search(ctx, Query{Text: qs[i%len(qs)], K: 5}); err != nil {
			b.Fatal(err)
		}
	}
}
