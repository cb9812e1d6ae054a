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
	MarginRate    float64 // taux de marge at the net commercial price, in percent
	MarkupRate    float64 // taux de marque, in percent
	Multiplier    float64 // coefficient multiplicateur: PV TTC / coût HT
	Instalment    Cents   // first of three monthly payments of TotalTTC (the others: Instalment2)
	Instalment2   Cents

	// Distributors: the recommended consumer price and the distributor's
	// taux de marque at that price (zero otherwise).
	RetailHT     Cents
	RetailTTC    Cents
	RetailMarkup float64

	// Professionals: carriage is paid (franco de port) from Franco HT of
	// order, a flat Carriage HT under it.
	Franco, Carriage Cents
}

// SetRetail sets the recommended consumer price at coef times the net
// commercial price (rounded to ten cents) and the distributor's taux de
// marque.
func (p *Pricing) SetRetail(coef float64) {
	p.RetailHT = (Cents(float64(p.NetCommercial)*coef) + 5) / 10 * 10
	p.RetailTTC = p.RetailHT + pct(p.RetailHT, p.TVA)
	p.RetailMarkup = ratePct(p.RetailHT-p.NetCommercial, p.RetailHT)
}

// percentage of a in cents, rounded to the cent.
func pct(a Cents, p float64) Cents {
	v := float64(a) * p / 100
	if v < 0 {
		return Cents(v - 0.5)
	}
	return Cents(v + 0.5)
}

// NewPricing draws coherent figures for a deal on offer o at the given
// difficulty (1–3: harder deals have thinner margins and more steps). The
// proposed net price always lies between the floor and the list price.
func NewPricing(r *rand.Rand, difficulty int, o Offer) Pricing {
	difficulty = min(max(difficulty, 1), 3)
	p := Pricing{TVA: o.TVA}
	if p.TVA == 0 && !o.TVAExempt {
		p.TVA = 20
	}
	p.Quantity = o.Quantities[r.IntN(len(o.Quantities))]
	p.UnitCost = drawCost(r, o.Cost)
	p.MinMarginRate = []float64{25, 20, 15}[difficulty-1] + float64(r.IntN(3))*5
	listMargin := p.MinMarginRate + 15 + float64(r.IntN(4))*5 // room for discounts
	if o.Margin != [2]float64{} {
		p.MinMarginRate = o.Margin[0] + float64(3-difficulty)
		listMargin = p.MinMarginRate + o.Margin[1] + float64(r.IntN(3))
	}
	p.ListPrice = roundUp(p.UnitCost + pct(p.UnitCost, listMargin))
	if o.List > p.UnitCost {
		// A list price given: the minimum margin leaves room below it.
		p.ListPrice = o.List
		avail := 100 * float64(o.List-p.UnitCost) / float64(p.UnitCost)
		p.MinMarginRate = min(p.MinMarginRate, max(1, float64(int(avail/2))))
	} else if o.RoundTTC { // households read a round price, tax included
		for ttc := roundUp(p.ListPrice + pct(p.ListPrice, p.TVA)); ; ttc += 100 {
			if h, ok := htFor(ttc, p.TVA); ok {
				p.ListPrice = h
				break
			}
		}
	}
	p.Floor = p.UnitCost + pct(p.UnitCost, p.MinMarginRate)
	// (list − floor) / list cut to the hundredth: applied to the list
	// price, exactly or with the discount rounded to the cent, it never
	// lands below the floor.
	p.MaxDiscount = float64(int64(p.ListPrice-p.Floor)*10000/int64(p.ListPrice)) / 100
	// Discounts: drawn within the room, leaving a margin above the floor.
	room := p.MaxDiscount
	p.VolumeRebate = float64(min(int(room*0.5), 2+r.IntN(8)))
	if difficulty >= 2 {
		p.LoyaltyRebate = float64(min(int(room*0.25), 1+r.IntN(4)))
	}
	if difficulty >= 3 && !o.RoundTTC {
		// An escompte rewards a firm paying cash; households pay a
		// deposit and the balance, or in three instalments.
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
	// Margins are commercial: the escompte is a financial reduction. Rates
	// are rounded half up from the amounts shown, in whole numbers: the
	// key's last decimal is the one a student finds.
	margin := p.NetCommercial - p.UnitCost
	p.MarginRate = ratePct(margin, p.UnitCost)
	p.MarkupRate = ratePct(margin, p.NetCommercial)
	p.Multiplier = ratio4(p.UnitTTC(), p.UnitCost)
	// Three monthly payments in whole cents: the first takes the remainder.
	p.Instalment2 = p.TotalTTC / 3
	p.Instalment = p.TotalTTC - 2*p.Instalment2
}

// drawCost draws a unit cost in the range (euros), rounded to a price a
// catalogue would show: to the euro above 100 €, to ten cents below.
func drawCost(r *rand.Rand, euros [2]int) Cents {
	lo, hi := Cents(euros[0])*100, Cents(euros[1])*100
	c := lo + Cents(r.Int64N(int64(hi-lo)+1))
	if c >= 100_00 {
		return c / 100 * 100
	}
	return max(c/10*10, 10)
}

// htFor is the price HT whose price TTC is exactly ttc; false when the
// rounding of the TVA skips ttc.
func htFor(ttc Cents, tva float64) (Cents, bool) {
	h := Cents(float64(ttc)/(1+tva/100) + 0.5)
	for _, d := range []Cents{0, -1, 1, -2, 2} {
		if h+d+pct(h+d, tva) == ttc {
			return h + d, true
		}
	}
	return 0, false
}

// roundUp rounds a price up as a catalogue shows it: to the euro, to ten
// cents below 100 €.
func roundUp(c Cents) Cents {
	step := Cents(100)
	if c < 100_00 {
		step = 10
	}
	return (c + step - 1) / step * step
}

// UnitTTC is the net commercial unit price tax included, to the cent.
func (p *Pricing) UnitTTC() Cents { return p.NetCommercial + pct(p.NetCommercial, p.TVA) }

// ratePct is 100 × a / b as a percentage with two decimals, rounded half
// up, computed on whole numbers.
func ratePct(a, b Cents) float64 {
	n, d := int64(a)*10000, int64(b)
	return float64((2*n+d)/(2*d)) / 100
}

// ratio4 is a / b with four decimals, rounded half up, on whole numbers.
func ratio4(a, b Cents) float64 {
	n, d := int64(a)*10000, int64(b)
	return float64((2*n+d)/(2*d)) / 10000
}
