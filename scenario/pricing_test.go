package scenario

import (
	"math"
	"math/rand/v2"
	"testing"
)

// allOffers lists every offer of the catalogues.
func allOffers() []Offer {
	var out []Offer
	for _, s := range theCatalogue().CCST {
		out = append(out, s.Offers...)
	}
	for _, ct := range ClientTypes {
		for _, s := range theCatalogue().NRC[ct] {
			out = append(out, s.Offers...)
		}
	}
	return out
}

func TestPricingIsCoherentOverManySeeds(t *testing.T) {
	offers := allOffers()
	for seed := uint64(0); seed < 3000; seed++ {
		for d := 1; d <= 3; d++ {
			o := offers[int(seed)%len(offers)]
			p := NewPricing(rand.New(rand.NewPCG(seed, 7)), d, o)
			if p.UnitCost < Cents(o.Cost[0])*100-100 || p.UnitCost > Cents(o.Cost[1])*100 {
				t.Fatalf("seed %d: cost %v outside %v", seed, p.UnitCost, o.Cost)
			}
			if !(p.UnitCost < p.Floor && p.Floor <= p.NetFinancial && p.NetFinancial <= p.NetCommercial && p.NetCommercial <= p.ListPrice) {
				t.Fatalf("seed %d d%d: cost %v floor %v net %v/%v list %v", seed, d, p.UnitCost, p.Floor, p.NetFinancial, p.NetCommercial, p.ListPrice)
			}
			total := 100 * (1 - float64(p.NetFinancial)/float64(p.ListPrice))
			if total > p.MaxDiscount+0.01 {
				t.Fatalf("seed %d: discount %.2f %% beyond the margin %.2f %%", seed, total, p.MaxDiscount)
			}
			if p.MarginRate+0.01 < p.MinMarginRate {
				t.Fatalf("seed %d: margin rate %.2f below %.2f", seed, p.MarginRate, p.MinMarginRate)
			}
			// Taux de marque = taux de marge / (1 + taux de marge).
			tm, tq := p.MarginRate/100, p.MarkupRate/100
			if math.Abs(tq-tm/(1+tm)) > 0.0002 {
				t.Fatalf("seed %d: marque %.4f vs marge %.4f", seed, tq, tm)
			}
			// Coefficient multiplicateur = PV TTC / coût HT = (1 + taux de marge) × (1 + TVA).
			if want := (1 + tm) * (1 + p.TVA/100); math.Abs(p.Multiplier-want) > 0.001 {
				t.Fatalf("seed %d: coefficient %.4f vs %.4f", seed, p.Multiplier, want)
			}
			if p.TotalTTC != p.TotalHT+p.TotalTVA || p.TotalHT != p.NetFinancial*Cents(p.Quantity) {
				t.Fatalf("seed %d: totals", seed)
			}
			if p.Instalment+2*p.Instalment2 != p.TotalTTC || p.Instalment < p.Instalment2 || p.Instalment-p.Instalment2 > 2 {
				t.Fatalf("seed %d: instalments %v + 2 × %v for %v", seed, p.Instalment, p.Instalment2, p.TotalTTC)
			}
			if d == 1 && (p.LoyaltyRebate != 0 || p.Escompte != 0) {
				t.Fatalf("seed %d: difficulty 1 with several steps", seed)
			}
		}
	}
}

func TestPricingSeedsReproduce(t *testing.T) {
	o := theCatalogue().CCST[0].Offers[0]
	a := NewPricing(rand.New(rand.NewPCG(42, 7)), 3, o)
	b := NewPricing(rand.New(rand.NewPCG(42, 7)), 3, o)
	c := NewPricing(rand.New(rand.NewPCG(43, 7)), 3, o)
	if a != b {
		t.Error("same seed, different figures")
	}
	if a == c {
		t.Error("different seeds, same figures")
	}
}

func TestCentsString(t *testing.T) {
	for c, want := range map[Cents]string{0: "0,00 €", 5: "0,05 €", 123456: "1\u202f234,56 €", -99: "-0,99 €", 100000000: "1\u202f000\u202f000,00 €"} {
		if got := c.String(); got != want {
			t.Errorf("%d: %q, want %q", c, got, want)
		}
	}
}

func TestHouseholdListPricesAreRoundTaxIncluded(t *testing.T) {
	for _, s := range theCatalogue().NRC[ClientParticulier] {
		for seed := uint64(0); seed < 500; seed++ {
			o := s.Offers[0]
			p := NewPricing(rand.New(rand.NewPCG(seed, 7)), 1+int(seed%3), o)
			if ttc := p.ListPrice + pct(p.ListPrice, p.TVA); ttc%100 != 0 || !o.RoundTTC {
				t.Fatalf("%s seed %d: list price %v TTC", o.Name, seed, ttc)
			}
		}
	}
}
