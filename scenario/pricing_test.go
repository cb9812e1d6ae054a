package scenario

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestPricingIsCoherentOverManySeeds(t *testing.T) {
	for seed := uint64(0); seed < 3000; seed++ {
		for d := 1; d <= 3; d++ {
			p := NewPricing(rand.New(rand.NewPCG(seed, 7)), d)
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
			// Coefficient multiplicateur = PV TTC / coût HT = (1 + taux de marge) × 1,2.
			if math.Abs(p.Multiplier-(1+tm)*1.2) > 0.001 {
				t.Fatalf("seed %d: coefficient %.4f vs %.4f", seed, p.Multiplier, (1+tm)*1.2)
			}
			if p.TotalTTC != p.TotalHT+p.TotalTVA || p.TotalHT != p.NetFinancial*Cents(p.Quantity) {
				t.Fatalf("seed %d: totals", seed)
			}
			if d == 1 && (p.LoyaltyRebate != 0 || p.Escompte != 0) {
				t.Fatalf("seed %d: difficulty 1 with several steps", seed)
			}
		}
	}
}

func TestPricingSeedsReproduce(t *testing.T) {
	a := NewPricing(rand.New(rand.NewPCG(42, 7)), 3)
	b := NewPricing(rand.New(rand.NewPCG(42, 7)), 3)
	c := NewPricing(rand.New(rand.NewPCG(43, 7)), 3)
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
