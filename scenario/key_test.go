package scenario

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// An independent checker of the answer key: it recomputes every figure from
// the inputs a student is given, with exact rational arithmetic of its own
// (never the generator's), and checks the rules of law and plausibility a
// teacher would. Run over every option combination.

// rat is a cent amount as a rational number of euros × 100.
func rat(c Cents) *big.Rat { return new(big.Rat).SetInt64(int64(c)) }

// pctRat is a percentage as a rational fraction.
func pctRat(p float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(p, 'f', -1, 64))
	if !ok {
		panic(p)
	}
	return r.Quo(r, big.NewRat(100, 1))
}

// roundHalfUp rounds a non-negative rational to the nearest whole number,
// halves up.
func roundHalfUp(x *big.Rat) int64 {
	n := new(big.Int).Mul(x.Num(), big.NewInt(2))
	n.Add(n, x.Denom())
	return n.Quo(n, new(big.Int).Mul(x.Denom(), big.NewInt(2))).Int64()
}

// cents of a rational amount in cents, rounded half up.
func centsOf(x *big.Rat) Cents { return Cents(roundHalfUp(x)) }

// times multiplies an amount by (1 − p) or (1 + p).
func minusPct(a Cents, p float64) Cents {
	cut := centsOf(new(big.Rat).Mul(rat(a), pctRat(p)))
	return a - cut
}

// rounded is x with d decimals, half up, as a float for comparison.
func rounded(x *big.Rat, d int) float64 {
	scale := new(big.Rat).SetInt64(int64(pow10(d)))
	v := roundHalfUp(new(big.Rat).Mul(x, scale))
	return float64(v) / float64(pow10(d))
}

func pow10(d int) int64 {
	n := int64(1)
	for range d {
		n *= 10
	}
	return n
}

var reRivalPct = regexp.MustCompile(`(\d+) % moins chère`)

func checkKey(t *testing.T, b *Brief) {
	t.Helper()
	p := b.Pricing
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("seed %d %+v: %s", b.Options.Seed, b.Options, fmt.Sprintf(format, args...))
	}
	// Prices: each remise on the unit price, to the cent.
	nc := minusPct(minusPct(p.ListPrice, p.VolumeRebate), p.LoyaltyRebate)
	nf := minusPct(nc, p.Escompte)
	if nc != p.NetCommercial || nf != p.NetFinancial {
		fail("net %v/%v, recomputed %v/%v", p.NetCommercial, p.NetFinancial, nc, nf)
	}
	ht := nf * Cents(p.Quantity)
	tva := centsOf(new(big.Rat).Mul(rat(ht), pctRat(p.TVA)))
	if ht != p.TotalHT || tva != p.TotalTVA || ht+tva != p.TotalTTC {
		fail("totals %v %v %v, recomputed %v %v", p.TotalHT, p.TotalTVA, p.TotalTTC, ht, tva)
	}
	margin := rat(p.NetCommercial - p.UnitCost)
	if want := rounded(new(big.Rat).Quo(new(big.Rat).Mul(margin, big.NewRat(100, 1)), rat(p.UnitCost)), 2); want != p.MarginRate {
		fail("taux de marge %.2f, recomputed %.2f", p.MarginRate, want)
	}
	if want := rounded(new(big.Rat).Quo(new(big.Rat).Mul(margin, big.NewRat(100, 1)), rat(p.NetCommercial)), 2); want != p.MarkupRate {
		fail("taux de marque %.2f, recomputed %.2f", p.MarkupRate, want)
	}
	// The coefficient from the operands the key shows.
	unitTTC := p.NetCommercial + centsOf(new(big.Rat).Mul(rat(p.NetCommercial), pctRat(p.TVA)))
	// An offer the brief says is exempt carries no TVA, and its prices
	// are said to be without it.
	text := b.Markdown()
	ttc := " TTC / "
	if strings.Contains(text, "exonéré de TVA") {
		ttc = " sans TVA / "
		if p.TVA != 0 || strings.Contains(text, "TTC :") {
			fail("an exempt offer with TVA %v %%, or an amount said TTC", p.TVA)
		}
	}
	if want := rounded(new(big.Rat).Quo(rat(unitTTC), rat(p.UnitCost)), 4); want != p.Multiplier || !strings.Contains(text, unitTTC.String()+ttc) {
		fail("coefficient %.4f, recomputed %.4f from %v TTC", p.Multiplier, want, unitTTC)
	}
	floor := p.UnitCost + centsOf(new(big.Rat).Mul(rat(p.UnitCost), pctRat(p.MinMarginRate)))
	if floor != p.Floor {
		fail("floor %v, recomputed %v", p.Floor, floor)
	}
	// The maximum discount is the greatest rate to the hundredth that,
	// applied exactly to the list price, stays at the floor or above (and
	// so with the discount rounded to the cent too).
	exact := new(big.Rat).Quo(new(big.Rat).Mul(rat(p.ListPrice-p.Floor), big.NewRat(10000, 1)), rat(p.ListPrice))
	md := new(big.Int).Quo(exact.Num(), exact.Denom()).Int64() // hundredths of a percent, cut
	applied := new(big.Rat).Mul(rat(p.ListPrice), new(big.Rat).Sub(big.NewRat(1, 1), big.NewRat(md, 10000)))
	if float64(md)/100 != p.MaxDiscount || applied.Cmp(rat(p.Floor)) < 0 || minusPct(p.ListPrice, p.MaxDiscount) < p.Floor {
		fail("remise maximale %.2f %% on %v (floor %v), recomputed %.2f %%", p.MaxDiscount, p.ListPrice, p.Floor, float64(md)/100)
	}
	// A quantity changed by the commission: the amount recomputed.
	for _, par := range b.Jury.Parameters {
		if par.Kind != "quantité" {
			continue
		}
		n, _ := strconv.Atoi(regexp.MustCompile(`à (\d+) `).FindStringSubmatch(par.Change)[1])
		ht := nf * Cents(n)
		ttc := ht + centsOf(new(big.Rat).Mul(rat(ht), pctRat(p.TVA)))
		if !strings.Contains(b.Markdown(), fmt.Sprintf("× %d = %v HT, soit %v TTC", n, ht, ttc)) {
			fail("quantity changed to %d: %v HT / %v TTC not in the key", n, ht, ttc)
		}
	}
	if p.Instalment+2*p.Instalment2 != p.TotalTTC || p.Instalment < p.Instalment2 || p.Instalment-p.Instalment2 > 2 {
		fail("instalments %v + 2 × %v for %v", p.Instalment, p.Instalment2, p.TotalTTC)
	}
	checkLaw(t, b, fail)
}

// checkLaw checks what a brief says against the rules of law and of sense
// the generator must keep.
func checkLaw(t *testing.T, b *Brief, fail func(string, ...any)) {
	t.Helper()
	p := b.Pricing
	seller := strings.Join(b.Seller.Margin, "\n")
	md := b.Markdown()
	household := b.ClientType == ClientParticulier
	if household && b.Client.Place == "à son domicile" && (strings.Contains(seller, "acompte de 30 %") || !strings.Contains(seller, "aucun acompte")) {
		fail("doorstep sale with a deposit: %s", seller)
	}
	if household && p.Escompte > 0 {
		fail("a household with an escompte and three instalments")
	}
	if household {
		prices := []Cents{b.Buyer.Ceiling}
		for _, par := range b.Jury.Parameters {
			if par.Kind == "budget" {
				prices = append(prices, par.Price)
			}
		}
		for _, h := range prices {
			if ttc := h + centsOf(new(big.Rat).Mul(rat(h), pctRat(p.TVA))); ttc%100 != 0 {
				fail("a household names %v TTC: no round sum", ttc)
			}
		}
	}
	if b.Client.Public {
		if r := b.Seller.Risk; r != nil && (!r.Public || r.Revenue != 0) {
			fail("public buyer analysed on its revenue: %+v", r)
		}
		if strings.Contains(md, "banque") || strings.Contains(md, "60 jours") || strings.Contains(md, "90 jours") {
			fail("public buyer with a bank loan or a private payment term")
		}
	}
	if r := b.Seller.Risk; r != nil && !r.Public {
		share := rounded(new(big.Rat).Quo(new(big.Rat).Mul(rat(p.TotalHT), big.NewRat(100, 1)), rat(r.Revenue)), 2)
		level := "faible"
		switch {
		case r.Incidents > 0 || r.PaymentDays > 75 || share > 10:
			level = "élevé"
		case r.PaymentDays > 60 || share > 4:
			level = "modéré"
		}
		if r.Share != pctStr(share) || r.Level != level || !strings.Contains(b.SellerSheet(), "Grille de l'entreprise") {
			fail("risk %s %s, recomputed %s %s (thresholds shown: %v)", r.Share, r.Level, pctStr(share), level, strings.Contains(b.SellerSheet(), "Grille"))
		}
	}
	// The risk never calls for terms longer than the usual ones.
	if r := b.Seller.Risk; r != nil && strings.Contains(r.Advice, "30 jours fin de mois") && strings.Contains(seller, "habituelles : 30 jours à compter") {
		fail("risk advice %q longer than the usual terms", r.Advice)
	}
	// The competitor's offer: the buyer's "x % moins chère" is the jury's.
	for _, par := range b.Jury.Parameters {
		if par.Kind != "concurrent" {
			continue
		}
		for _, o := range append(b.Client.Objections, b.Buyer.HeldObjections...) {
			if m := reRivalPct.FindStringSubmatch(o); m != nil {
				got, _ := strconv.Atoi(m[1])
				want := roundHalfUp(new(big.Rat).Quo(new(big.Rat).Mul(rat(p.NetCommercial-par.Price), big.NewRat(100, 1)), rat(p.NetCommercial)))
				if int64(got) != want {
					fail("buyer says %d %% cheaper, the jury's competitor is %d %% cheaper", got, want)
				}
			}
		}
	}
	// Carriage: professionals only, and the deal reaches the threshold the
	// key says it reaches.
	// A public order stays under the formal tender thresholds; a reduced
	// rate of TVA on a household's works requires the seller to install,
	// so installing is never an optional service.
	if b.Client.Public && p.UnitCost > 100_000_00 {
		fail("public buyer ordering at %v per unit", p.UnitCost)
	}
	if household && p.TVA < 20 && slices.ContainsFunc(b.Context.Services, func(s string) bool { return strings.HasPrefix(s, "pose") }) {
		fail("reduced TVA %v with installation optional: %v", p.TVA, b.Context.Services)
	}
	if p.Franco != 0 && (household || p.Carriage <= 0 || p.TotalHT < p.Franco) {
		fail("carriage: franco %v, fee %v, amount %v (household %v)", p.Franco, p.Carriage, p.TotalHT, household)
	}
	if p.Quantity > 1 && !strings.Contains(md, "remises appliquées au prix unitaire") {
		fail("quantity %d without the rounding convention", p.Quantity)
	}
}

// The key over every option combination: 0 errors.
func TestKeyHoldsOverEveryCombination(t *testing.T) {
	sweep(t, func(b *Brief) { checkKey(t, b) })
}
