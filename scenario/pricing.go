// Package scenario will write negotiation simulation briefs for teachers
// (issue 5). This first part holds the commercial arithmetic of the seller's
// sheet: prices, remises, escompte, TVA and the margin ratios a student must
// compute, with the answer key. Amounts are in cents so that the key is exact.
package scenario

import (
	"fmt"
	"math/rand/v2"
)

// Cents is an amount in euro cents.
type Cents int64

// String formats an amount the French way: "1 234,50 €".
func (c Cents) String() string {
	neg := c < 0
	if neg {
		c = -c
	}
	euros, cents := int64(c)/100, int64(c)%100
	s := fmt.Sprint(euros)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return fmt.Sprintf("%s,%02d €", s, cents)
}

// Pricing is the margin of manoeuvre of a seller and its answer key.
type Pricing struct {
	Quantity      int
	UnitCost      Cents   // coût d'achat (or de revient) unitaire HT
	ListPrice     Cents   // prix catalogue unitaire HT
	VolumeRebate  float64 // remise de quantité, in percent
	LoyaltyRebate float64 // remise de fidélité, in percent (after the first)
	Escompte      float64 // escompte for early payment, in percent
	TVA           float64 // in percent
	MinMarginRate float64 // taux de marge below which the seller may not go

	// Answer key.
	NetCommercial Cents   // unit price after both remises
	NetFinancial  Cents   // after the escompte
	TotalHT       Cents   // NetFinancial × Quantity
	TotalTVA      Cents   // TVA on TotalHT
	TotalTTC      Cents   // TotalHT + TotalTVA
	Floor         Cents   // prix plancher unitaire HT: cost × (1 + MinMarginRate)
	MaxDiscount   float64 // greatest total discount on the list price, in percent
	MarginRate    float64 // taux de marge at the proposed price, in percent
	MarkupRate    float64 // taux de marque, in percent
	Multiplier    float64 // coefficient multiplicateur: PV TTC / coût HT
}

// percentage of a in cents, rounded to the cent.
func pct(a Cents, p float64) Cents {
	v := float64(a) * p / 100
	if v < 0 {
		return Cents(v - 0.5)
	}
	return Cents(v + 0.5)
}

// NewPricing draws coherent figures for a deal of the given difficulty
// (1–3: harder deals have thinner margins and more steps). The proposed net
// price always lies between the floor and the list price.
func NewPricing(r *rand.Rand, difficulty int) Pricing {
	difficulty = min(max(difficulty, 1), 3)
	p := Pricing{TVA: 20}
	p.Quantity = []int{1, 5, 10, 20, 50, 100}[r.IntN(6)]
	p.UnitCost = Cents(50_00 + r.IntN(4_950_00)/100*100)
	p.MinMarginRate = []float64{25, 20, 15}[difficulty-1] + float64(r.IntN(3))*5
	listMargin := p.MinMarginRate + 15 + float64(r.IntN(4))*5 // room for discounts
	p.ListPrice = p.UnitCost + pct(p.UnitCost, listMargin)
	p.Floor = p.UnitCost + pct(p.UnitCost, p.MinMarginRate)
	p.MaxDiscount = round2(100 * float64(p.ListPrice-p.Floor) / float64(p.ListPrice))
	// Discounts: drawn within the room, leaving a margin above the floor.
	room := p.MaxDiscount
	p.VolumeRebate = float64(min(int(room*0.5), 2+r.IntN(8)))
	if difficulty >= 2 {
		p.LoyaltyRebate = float64(min(int(room*0.25), 1+r.IntN(4)))
	}
	if difficulty >= 3 {
		p.Escompte = []float64{1, 1.5, 2}[r.IntN(3)]
	}
	p.compute()
	for p.NetFinancial < p.Floor { // never below the floor: trim the discounts
		switch {
		case p.Escompte > 0:
			p.Escompte = 0
		case p.LoyaltyRebate > 0:
			p.LoyaltyRebate--
		default:
			p.VolumeRebate--
		}
		p.compute()
	}
	return p
}

// compute fills the answer key from the inputs.
func (p *Pricing) compute() {
	afterVolume := p.ListPrice - pct(p.ListPrice, p.VolumeRebate)
	p.NetCommercial = afterVolume - pct(afterVolume, p.LoyaltyRebate)
	p.NetFinancial = p.NetCommercial - pct(p.NetCommercial, p.Escompte)
	p.TotalHT = p.NetFinancial * Cents(p.Quantity)
	p.TotalTVA = pct(p.TotalHT, p.TVA)
	p.TotalTTC = p.TotalHT + p.TotalTVA
	margin := float64(p.NetFinancial - p.UnitCost)
	p.MarginRate = round2(100 * margin / float64(p.UnitCost))
	p.MarkupRate = round2(100 * margin / float64(p.NetFinancial))
	unitTTC := float64(p.NetFinancial) * (1 + p.TVA/100)
	p.Multiplier = round4(unitTTC / float64(p.UnitCost))
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }
