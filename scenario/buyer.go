package scenario

// The buyer's sheet.

import (
	"fmt"
	"strings"
)

// Risk levels, as the seller's sheet states them: a level is reached when
// a figure goes beyond its threshold.
const (
	riskHighShare, riskHighDays    = 10, 75 // % of the revenue, days
	riskModerateShare, riskModDays = 4, 60
)

// RiskRule states the thresholds of the risk levels for the student.
var RiskRule = fmt.Sprintf("Grille de l'entreprise : risque élevé si la commande (HT) dépasse %d %% du chiffre d'affaires du client, s'il paie à plus de %d jours ou a eu un incident de paiement ; modéré si elle dépasse %d %% ou s'il paie à plus de %d jours ; faible sinon.",
	riskHighShare, riskHighDays, riskModerateShare, riskModDays)

func (w *writer) risk() *Risk {
	r, p := w.r, w.b.Pricing
	if w.b.Client.Public {
		return &Risk{Public: true, PaymentDays: 30, Level: "faible",
			Advice: "acheteur public : paiement par mandat administratif dans le délai légal de 30 jours ; vérifier la procédure de commande publique et les pièces à fournir"}
	}
	k := &Risk{PaymentDays: 35 + 5*r.IntN(13), Incidents: max(0, r.IntN(5)-2)}
	k.Revenue = p.TotalHT * Cents(8+r.IntN(150)) / 1_000_00 * 1_000_00 // to the thousand euros
	// A firm that buys from a sales representative turns over at least
	// some hundred thousand euros, whatever the size of this order.
	k.Revenue = max(k.Revenue, Cents(15+r.IntN(60))*10_000_00)
	if org := &w.b.Client.Organisation; k.Revenue < 2_000_000_00 && strings.HasSuffix(*org, " SA") {
		// A société anonyme this small is rare: a SAS.
		*org += "S"
	}
	k.Share, k.Level, k.Advice = w.riskLevel(p.TotalHT, k)
	return k
}

// riskLevel grades an order of amount HT for the client k, on the share of
// its revenue as shown (to the hundredth), and says what the level calls
// for: never terms longer than the seller's usual ones.
func (w *writer) riskLevel(amount Cents, k *Risk) (share, level, advice string) {
	s := ratePct(amount, k.Revenue)
	short := "limiter le délai de paiement à 30 jours fin de mois"
	if w.terms == "30 jours fin de mois" || strings.HasPrefix(w.terms, "30 jours à compter") {
		short = "s'en tenir aux conditions habituelles (" + w.terms + "), sans allongement"
	}
	switch {
	case k.Incidents > 0 || k.PaymentDays > riskHighDays || s > riskHighShare:
		return pctStr(s), "élevé", "acompte de 30 % à la commande, solde " + strings.Replace(w.balanceTerms(), "à compter de la date de facture", "date de facture", 1) + ", et accord de l'assurance-crédit avant la livraison"
	case k.PaymentDays > riskModDays || s > riskModerateShare:
		return pctStr(s), "modéré", "vérifier la cotation du client et " + short
	default:
		return pctStr(s), "faible", "conditions habituelles (" + w.terms + ")"
	}
}

// balanceTerms is when the balance after a deposit is paid: the usual
// terms, at most 30 days end of month.
func (w *writer) balanceTerms() string {
	if strings.HasPrefix(w.terms, "30 jours") {
		return "à " + w.terms
	}
	return "à 30 jours fin de mois"
}

func (w *writer) buyer() {
	b, o, r, p := w.b, w.o, w.r, w.b.Pricing
	bs := &b.Buyer
	c := b.Client
	var pers personality
	for _, x := range personalities {
		if x.Style == c.Personality || x.StyleF == c.Personality {
			pers = x
		}
	}
	var mot motivation
	for _, m := range motivations {
		if m.Name == c.Motivation {
			mot = m
		}
	}
	if mot.Name == "confort" && o.Client == ClientDistributeur {
		mot.Sign = "tout est pris en charge : livraison, mise en rayon et réassort"
	}
	bs.Play = []string{
		fmt.Sprintf("Vous êtes %s, %s (%s). Caractère : %s. %s", c.Buyer, c.Buyer.Job, c.Organisation, c.Personality, pers.Play),
		fmt.Sprintf("Motivation dominante (SONCAS) : %s.", mot.Name),
	}
	switch o.Focus {
	case StageDecouverte:
		bs.Play = append(bs.Play, "Vous ne livrez vos besoins qu'aux questions ouvertes ; aux questions fermées, répondez brièvement.")
	case StageArgumentation:
		bs.Play = append(bs.Play, "Vous restez neutre tant qu'un argument n'est pas relié à l'un de vos besoins.")
	case StageObjections:
		bs.Play = append(bs.Play, "Vous formulez toutes vos objections, y compris celles gardées en réserve, et revenez deux fois sur le prix.")
	case StageConclusion:
		bs.Play = append(bs.Play, "Vous envoyez des signaux d'achat (questions sur le délai, la garantie), puis exigez une dernière concession avant de signer.")
	}
	bs.Ceiling = w.ceiling()
	// The target: a third of the way from the floor to the ceiling, the
	// price a buyer hopes for and the seller must not grant for nothing.
	bs.Target = w.household(clampRound(p.Floor+(bs.Ceiling-p.Floor)/3, p.Floor, bs.Ceiling), p.Floor, bs.Ceiling)
	if w.noDeal {
		bs.NoDeal = true
		bs.Target = w.household(clampRound(bs.Ceiling-pct(bs.Ceiling, 4), 1, bs.Ceiling), 1, bs.Ceiling)
	}
	bs.WalkAway = fmt.Sprintf("Au-delà de %s par %s, vous ne signez pas aujourd'hui.", w.money(bs.Ceiling), w.offer.Unit)
	if p.Quantity > 1 {
		bs.WalkAway = fmt.Sprintf("Au-delà de %s par %s (soit %s pour %d), vous ne signez pas aujourd'hui.", w.money(bs.Ceiling), w.offer.Unit, w.money(bs.Ceiling*Cents(p.Quantity)), p.Quantity)
	}
	ask := int(p.MaxDiscount) + 3 + r.IntN(6)
	bs.Hidden = []string{
		fmt.Sprintf("Votre objectif : obtenir %s par %s ; vous montez au-delà seulement contre une contrepartie (service, délai, quantité).", w.money(bs.Target), w.offer.Unit),
		fmt.Sprintf("Vos besoins réels, par ordre d'importance : %s.", strings.Join(c.Needs, " ; ")),
		fmt.Sprintf("Vous avez déjà un devis %s, mais sans les services associés.", de(c.Competitor)),
		fmt.Sprintf("Vous ouvrez en demandant %d %% de remise sur le prix catalogue.", ask),
	}
	if len(c.Others) > 0 {
		var names []string
		for _, x := range c.Others {
			names = append(names, fmt.Sprintf("%s (%s, rôle %s)", x, x.Job, de(x.Role)))
		}
		verb := "donnera son avis"
		if len(names) > 1 {
			verb = "donneront leur avis"
		}
		bs.Hidden = append(bs.Hidden, "Vous ne décidez pas sans l'avis des autres : "+strings.Join(names, " et ")+" "+verb+".")
	}
	if o.Difficulty == 3 {
		bs.Hidden = append(bs.Hidden, "Votre décision doit être prise avant la fin du mois : vous ne le dites que si le vendeur vous interroge sur votre calendrier.")
	}
	objs := w.objections()
	held := 1
	if o.Difficulty == 3 || o.Focus == StageObjections {
		held = 2
	}
	c.Objections = objs[:len(objs)-held]
	bs.HeldObjections = objs[len(objs)-held:]
	b.Client.Objections = c.Objections
	bs.SignIf = []string{
		"Vous signez si " + mot.Sign + ".",
		fmt.Sprintf("Un service associé offert (%s) peut compenser un prix supérieur à votre objectif (%s), sans dépasser votre plafond (%s).", pick(r, w.offer.Services), w.money(bs.Target), w.money(bs.Ceiling)),
	}
	if bs.NoDeal {
		bs.SignIf = []string{
			fmt.Sprintf("Votre budget ne va pas au-delà de %s par %s : au-dessus, vous ne signez pas, quels que soient les services offerts.", w.money(bs.Ceiling), w.offer.Unit),
			"Si le vendeur tient son prix en restant à votre écoute, vous le quittez en bons termes et acceptez un nouveau rendez-vous plus tard.",
		}
	}
}

// ceiling is the buyer's walk-away price: between the floor and the net
// price, tighter when harder; a household's is a round sum, tax included.
func (w *writer) ceiling() Cents {
	o, p := w.o, w.b.Pricing
	if w.noDeal {
		c := clampRound(p.Floor-pct(p.Floor, 3+float64(w.r.IntN(6))), 1, p.Floor-1)
		return w.household(c, 1, p.Floor-1)
	}
	frac := []float64{0.8, 0.5, 0.2}[o.Difficulty-1]
	c := clampRound(p.Floor+Cents(frac*float64(p.NetCommercial-p.Floor)), p.Floor, p.NetCommercial)
	if o.Client != ClientParticulier {
		return c
	}
	if h, ok := w.roundTTC(c, p.Floor, p.NetCommercial); ok {
		return h
	}
	return c
}

// roundTTC is the price HT, within [lo, hi], whose price tax included is a
// round sum a household says: to ten euros below the target's, else to the
// euro below it, else to the euro above it.
func (w *writer) roundTTC(target, lo, hi Cents) (Cents, bool) {
	tva := w.b.Pricing.TVA
	fits := func(ttc Cents) (Cents, bool) {
		h, ok := htFor(ttc, tva)
		return h, ok && h >= lo && h <= hi
	}
	t, loTTC, hiTTC := target+pct(target, tva), lo+pct(lo, tva), hi+pct(hi, tva)
	for _, step := range []Cents{1000, 100} {
		for ttc := t / step * step; ttc >= loTTC; ttc -= step {
			if h, ok := fits(ttc); ok {
				return h, true
			}
		}
	}
	for ttc := (t + 99) / 100 * 100; ttc <= hiTTC; ttc += 100 {
		if h, ok := fits(ttc); ok {
			return h, true
		}
	}
	return 0, false
}

// clampRound rounds a price to the euro (ten cents below 100 €) within
// [lo, hi].
func clampRound(c, lo, hi Cents) Cents {
	step := Cents(100)
	if c < 100_00 {
		step = 10
	}
	v := (c + step/2) / step * step
	return min(max(v, lo), hi)
}
