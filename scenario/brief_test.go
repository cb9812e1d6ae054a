package scenario

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/btstutor/tutor/corpus"
)

var (
	genOnce sync.Once
	gen     *Generator
	genErr  error
	corp    *corpus.Corpus
)

func generator(t testing.TB) *Generator {
	t.Helper()
	genOnce.Do(func() {
		corp, genErr = corpus.Load()
		if genErr == nil {
			gen, genErr = NewGenerator(corp)
		}
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
	return gen
}

// optionsFor cycles through every combination of options as the seed grows.
func optionsFor(seed uint64) Options {
	o := Options{Seed: seed, Difficulty: int(seed%3) + 1}
	switch seed % 5 {
	case 0:
		o.Diploma, o.Situation = "CCST", 1
	case 1:
		o.Diploma, o.Situation = "CCST", 2
	default:
		o.Diploma, o.Client = "NRC", ClientTypes[seed%5-2]
	}
	if f := seed / 5 % 5; f > 0 {
		o.Focus = Stages[f-1]
	}
	return o
}

// sweep hands check a brief for every seed of the sweep, cycling through
// every option combination (75 seeds make one cycle): 1 500 seeds, one
// cycle under -race (10× slower: make test draws all 1 500 without
// -race). It stops at the first brief that fails.
func sweep(t *testing.T, check func(*Brief)) {
	t.Helper()
	g := generator(t)
	seeds := uint64(1500)
	if raceEnabled {
		seeds = 75
	}
	for seed := uint64(0); seed < seeds && !t.Failed(); seed++ {
		o := optionsFor(seed)
		b, err := g.Generate(o)
		if err != nil {
			t.Fatalf("seed %d %+v: %v", seed, o, err)
		}
		check(b)
	}
}

func TestBriefsHoldOverManySeeds(t *testing.T) {
	sweep(t, func(b *Brief) { checkBrief(t, b) })
}

func checkBrief(t *testing.T, b *Brief) {
	t.Helper()
	seed := b.Options.Seed
	checkPricing(t, b)
	// Every quotation is verbatim in the référentiel, the criteria are all
	// the épreuve's, the timing is the model's.
	quotes := slices.Concat(b.Jury.Criteria, b.Jury.Competences, b.Jury.TimingRefs, b.Jury.Grounding)
	if b.Jury.Modified != nil {
		quotes = append(quotes, *b.Jury.Modified)
	}
	for _, q := range quotes {
		if !Holds(corp, q) {
			t.Fatalf("seed %d: %q is not at BTS %s %s", seed, q.Text, q.Diploma, q.Lines)
		}
	}
	e, _ := corp.Doc(b.Diploma).Model.Epreuve("E4")
	// The NRC's criteria are all the épreuve's; the CCST's situation 1
	// (the preparation: C1.1, C1.3) is graded on the four criteria of a
	// preparation, situation 2 on the six others.
	want := e.Criteres
	if b.Diploma == "CCST" {
		want = nil
		for _, c := range e.Criteres {
			prep := slices.ContainsFunc([]string{"Le contexte technico-commercial", "Le risque client", "Les objectifs de négociation", "Des outils de négociation adaptés sont préparés"}, func(p string) bool { return strings.HasPrefix(c, p) })
			if prep == (b.Options.Situation == 1) {
				want = append(want, c)
			}
		}
		if n := len(want); n != map[int]int{1: 4, 2: 6}[b.Options.Situation] || b.Jury.CriteriaNote == nil || !Holds(corp, *b.Jury.CriteriaNote) {
			t.Fatalf("seed %d: situation %d expects %d criteria, note %v", seed, b.Options.Situation, n, b.Jury.CriteriaNote)
		}
	}
	if len(b.Jury.Criteria) != len(want) || len(b.Jury.Competences) == 0 || len(b.Jury.TimingRefs) == 0 {
		t.Fatalf("seed %d: %d criteria of %d, %d compétences, %d timings", seed, len(b.Jury.Criteria), len(want), len(b.Jury.Competences), len(b.Jury.TimingRefs))
	}
	for i, c := range want {
		if b.Jury.Criteria[i].Text != norm(c) {
			t.Fatalf("seed %d: criterion %d is %q, the model says %q", seed, i, b.Jury.Criteria[i].Text, c)
		}
	}
	if !strings.Contains(b.Jury.Timing[0], e.Duration) || !strings.Contains(b.Jury.Timing[0], e.Preparation) {
		t.Fatalf("seed %d: timing %q lacks %s / %s", seed, b.Jury.Timing[0], e.Duration, e.Preparation)
	}
	// Discord's limits: each sheet is one embed.
	for name, s := range map[string]string{"title": b.Title} {
		if n := utf8.RuneCountInString(s); n > 256 {
			t.Fatalf("seed %d: %s of %d characters", seed, name, n)
		}
	}
	for name, s := range map[string]string{"seller": b.Narrative + "\n\n" + b.SellerSheet(), "buyer": b.BuyerSheet(), "jury": b.JurySheet(false)} {
		if n := utf8.RuneCountInString(s); n > 4096 {
			t.Fatalf("seed %d: %s sheet of %d characters", seed, name, n)
		}
	}
	// Nothing unfilled, no formatting error, no mention.
	md := b.Markdown()
	for _, bad := range []string{"{", "%!", "@", "  ", " ,", "..", "(e)(e)", "- \n", ", ,", " ."} {
		if strings.Contains(md, bad) {
			i := strings.Index(md, bad)
			t.Fatalf("seed %d: %q in the brief: …%s…", seed, bad, md[max(0, i-80):min(len(md), i+80)])
		}
	}
}

// checkPricing checks a brief's arithmetic: prices in order, the buyer's
// ceiling reachable, rates consistent, totals exact, parameters that agree
// with the difficulty.
func checkPricing(t *testing.T, b *Brief) {
	t.Helper()
	seed := b.Options.Seed
	p := b.Pricing
	if !(p.UnitCost < p.Floor && p.Floor <= p.NetFinancial && p.NetFinancial <= p.NetCommercial && p.NetCommercial <= p.ListPrice) {
		t.Fatalf("seed %d: cost %v floor %v net %v/%v list %v", seed, p.UnitCost, p.Floor, p.NetFinancial, p.NetCommercial, p.ListPrice)
	}
	noDeal := b.Buyer.Ceiling < p.Floor
	if noDeal != b.Buyer.NoDeal || noDeal && (b.Options.Difficulty < 3 || !strings.Contains(b.JurySheet(true), "Cas sans accord")) || b.Buyer.Ceiling > p.NetCommercial {
		t.Fatalf("seed %d: the buyer's ceiling %v is outside [floor %v, net %v]: no deal or no negotiation", seed, b.Buyer.Ceiling, p.Floor, p.NetCommercial)
	}
	if discount := 100 * (1 - float64(p.NetFinancial)/float64(p.ListPrice)); discount > p.MaxDiscount+0.01 {
		t.Fatalf("seed %d: discount %.2f %% beyond %.2f %%", seed, discount, p.MaxDiscount)
	}
	tm := p.MarginRate / 100
	if math.Abs(p.MarkupRate/100-tm/(1+tm)) > 0.0002 || math.Abs(p.Multiplier-(1+tm)*(1+p.TVA/100)) > 0.001 {
		t.Fatalf("seed %d: marge %.2f, marque %.2f, coefficient %.4f inconsistent", seed, p.MarginRate, p.MarkupRate, p.Multiplier)
	}
	if p.TotalTTC != p.TotalHT+p.TotalTVA || p.TotalHT != p.NetFinancial*Cents(p.Quantity) || p.Instalment+2*p.Instalment2 != p.TotalTTC {
		t.Fatalf("seed %d: totals", seed)
	}
	if b.ClientType == ClientDistributeur {
		if p.RetailHT <= p.NetCommercial || math.Abs(p.RetailMarkup-100*float64(p.RetailHT-p.NetCommercial)/float64(p.RetailHT)) > 0.01 {
			t.Fatalf("seed %d: retail %v for net %v, markup %.2f", seed, p.RetailHT, p.NetCommercial, p.RetailMarkup)
		}
	}
	for _, par := range b.Jury.Parameters {
		switch par.Kind {
		case "budget":
			if reachable := par.Price >= p.Floor; reachable != (b.Options.Difficulty < 3) || par.Price > b.Buyer.Ceiling || b.Buyer.NoDeal {
				t.Fatalf("seed %d: budget %v with floor %v, ceiling %v at difficulty %d", seed, par.Price, p.Floor, b.Buyer.Ceiling, b.Options.Difficulty)
			}
		case "concurrent":
			if par.Price > p.NetCommercial || (par.Price >= p.Floor) != strings.HasPrefix(par.Expected, "Alignement possible") {
				t.Fatalf("seed %d: competitor at %v, floor %v: %s", seed, par.Price, p.Floor, par.Expected)
			}
		}
	}
	if (b.Options.Diploma == "CCST" && b.Options.Situation == 1) != (len(b.Jury.Parameters) == 0) {
		t.Fatalf("seed %d: parameters %d for situation %d", seed, len(b.Jury.Parameters), b.Options.Situation)
	}
}

func TestSeedsReproduce(t *testing.T) {
	g := generator(t)
	for seed := uint64(0); seed < 50; seed++ {
		o := optionsFor(seed)
		a, _ := g.Generate(o)
		b, _ := g.Generate(o)
		if !reflect.DeepEqual(a, b) || a.Markdown() != b.Markdown() {
			t.Fatalf("seed %d: two different briefs", seed)
		}
	}
	a, _ := g.Generate(Options{Diploma: "NRC", Seed: 7})
	b, _ := g.Generate(Options{Diploma: "NRC", Seed: 8})
	if a.Markdown() == b.Markdown() {
		t.Error("seeds 7 and 8 gave the same brief")
	}
}

// TestBriefsAreDistinct draws 300 briefs across both diplomas: no
// company/persona pair repeats, and companies, people, figures and
// objections all vary.
func TestBriefsAreDistinct(t *testing.T) {
	g := generator(t)
	pairs := map[string]uint64{}
	texts := map[string]bool{}
	companies, buyers, prices, objections := map[string]bool{}, map[string]bool{}, map[Cents]bool{}, map[string]bool{}
	diplomas := map[string]int{}
	const n = 300
	for seed := uint64(1); seed <= n; seed++ {
		b, err := g.Generate(Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		diplomas[b.Diploma]++
		pair := b.Context.Company + " / " + b.Client.Buyer.Name
		if prev, dup := pairs[pair]; dup {
			t.Fatalf("seeds %d and %d: same company and persona %s", prev, seed, pair)
		}
		pairs[pair] = seed
		texts[b.Markdown()] = true
		companies[b.Context.Company] = true
		buyers[b.Client.Buyer.Name] = true
		prices[b.Pricing.ListPrice] = true
		objections[strings.Join(b.Client.Objections, "|")] = true
	}
	t.Logf("%d briefs: %d distinct texts, %d companies, %d buyers, %d list prices, %d objection sets; by diploma %v",
		n, len(texts), len(companies), len(buyers), len(prices), len(objections), diplomas)
	if len(texts) != n || diplomas["NRC"] < 100 || diplomas["CCST"] < 100 {
		t.Fatalf("%d distinct briefs of %d, diplomas %v", len(texts), n, diplomas)
	}
	for what, got := range map[string]int{"companies": len(companies), "buyers": len(buyers), "list prices": len(prices), "objection sets": len(objections)} {
		if got < n*8/10 {
			t.Errorf("only %d distinct %s in %d briefs", got, what, n)
		}
	}
}

func TestEverySectorAndTradeMatch(t *testing.T) {
	g := generator(t)
	list := trades(g.exams["CCST"].text)
	if len(list) != len(theCatalogue().CCST) {
		t.Fatalf("the référentiel lists %d trades, the catalogue has %d sectors", len(list), len(theCatalogue().CCST))
	}
	for _, q := range list {
		if !slices.ContainsFunc(theCatalogue().CCST, func(s Sector) bool { return s.Name == q.Text }) {
			t.Errorf("trade %q (%s) has no catalogue sector", q.Text, q.Lines)
		}
	}
	for _, ct := range ClientTypes {
		for _, s := range theCatalogue().NRC[ct] {
			b, err := g.Generate(Options{Diploma: "NRC", Sector: s.Name, Seed: 3})
			if err != nil || b.ClientType != ct || b.Sector != s.Name {
				t.Errorf("sector %q: %v, client %q", s.Name, err, b.ClientType)
			}
		}
	}
}

func TestOptions(t *testing.T) {
	g := generator(t)
	for _, o := range []Options{
		{Diploma: "BTS MCO"},
		{Difficulty: 4},
		{Difficulty: -1},
		{Focus: "vente"},
		{Diploma: "NRC", Situation: 1},
		{Diploma: "CCST", Client: ClientParticulier},
		{Diploma: "CCST", Situation: 3},
		{Diploma: "NRC", Client: "grossiste"},
		{Diploma: "CCST", Sector: "boulangerie"},
		{Diploma: "NRC", Client: ClientParticulier, Sector: "machines-outils"},
	} {
		if _, err := g.Generate(o); !errors.Is(err, ErrOption) {
			t.Errorf("%+v: %v, want an option error", o, err)
		}
	}
	b, err := g.Generate(Options{Diploma: "ccst", Sector: "plomberie", Focus: "decouverte", Difficulty: 1, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if b.Sector != "Fournitures pour la plomberie et le sanitaire" || b.Options.Focus != StageDecouverte || b.Options.Situation != 2 || b.Diploma != "CCST" {
		t.Errorf("resolved to %+v", b.Options)
	}
	if b, _ := g.Generate(Options{Diploma: "NRC", Sector: "velo", Seed: 1}); b == nil || b.ClientType != ClientParticulier {
		t.Errorf("sector without accents: %+v", b)
	}
	if b, _ := g.Generate(Options{Diploma: "CCST", Situation: 1, Seed: 1}); b == nil || len(b.Jury.Questions) == 0 || !strings.Contains(b.Jury.Competences[0].Text, "C1.1") {
		t.Errorf("situation 1: %+v", b.Jury)
	}
	// Without a diploma, the options that belong to one name it, whatever
	// the seed.
	for seed := uint64(0); seed < 40; seed++ {
		for o, want := range map[Options]string{{Situation: 1, Seed: seed}: "CCST", {Client: ClientParticulier, Seed: seed}: "NRC", {Sector: "emballage", Seed: seed}: "CCST", {Sector: "velo", Seed: seed}: "NRC"} {
			if b, err := g.Generate(o); err != nil || b.Diploma != want {
				t.Fatalf("%+v: %v, diploma %v, want %s", o, err, b, want)
			}
		}
	}
	// A part of several sectors' names is none of them: the error lists
	// them. A diploma not loaded is said so, with what is loaded.
	if _, err := g.Generate(Options{Diploma: "CCST", Sector: "mat"}); err == nil || !strings.Contains(err.Error(), "plusieurs secteurs") || !strings.Contains(err.Error(), "Matériel électrique") {
		t.Errorf("ambiguous sector: %v", err)
	}
	if _, err := g.Generate(Options{Diploma: "NDRC"}); err == nil || !strings.Contains(err.Error(), "BTS NRC, BTS CCST") && !strings.Contains(err.Error(), "BTS CCST, BTS NRC") ||
		!strings.Contains(err.Error(), "remplacé par le BTS NDRC") || !strings.Contains(err.Error(), "tutor ingest") {
		t.Errorf("NDRC: %v", err)
	}
}

// The examples committed in the repository are what the generator writes.
var examples = []struct {
	file string
	o    Options
}{
	{"ccst-situation2-emballage.md", Options{Diploma: "CCST", Situation: 2, Sector: "emballage", Difficulty: 2, Seed: 2026}},
	{"nrc-particulier-renovation-energetique.md", Options{Diploma: "NRC", Client: ClientParticulier, Sector: "chauffage", Difficulty: 2, Focus: StageObjections, Seed: 1105}},
	{"nrc-distributeur-epicerie-bio.md", Options{Diploma: "NRC", Client: ClientDistributeur, Sector: "bio", Difficulty: 3, Focus: StageConclusion, Seed: 77}},
}

func TestCommittedExamples(t *testing.T) {
	g := generator(t)
	fiche := fiche(t, filepath.Join("..", "examples", "fiche-candidat.md"))
	for _, ex := range append(examples, struct {
		file string
		o    Options
	}{"nrc-fiche-candidat.md", Options{Fiche: fiche, Seed: 7}}) {
		b, err := g.Generate(ex.o)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "examples", "scenarios", ex.file)
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if err := os.WriteFile(path, []byte(b.Markdown()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (UPDATE_GOLDEN=1 writes the examples)", err)
		}
		if string(want) != b.Markdown() {
			t.Errorf("%s is not what the generator writes for %+v (UPDATE_GOLDEN=1 rewrites it)", ex.file, ex.o)
		}
	}
}

// BenchmarkBrief measures writing one brief and rendering it as Markdown.
func BenchmarkBrief(b *testing.B) {
	g := generator(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		br, err := g.Generate(optionsFor(uint64(i)))
		if err != nil {
			b.Fatal(err)
		}
		_ = br.Markdown()
	}
}
