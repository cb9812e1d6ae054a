package scenario

import (
	"strings"
	"testing"
)

// The teacher's kit over every option combination: a grid out of 20 on the
// épreuve's own criteria, every change of the commission handed over at
// the preparation, as the texts say,
// the documents consistent with the key, a prepared negotiation with no
// role-play.
func TestKitOverEveryCombination(t *testing.T) {
	sweep(t, func(b *Brief) {
		seed := b.Options.Seed
		k := b.Kit
		total := 0
		for i, r := range k.Grid {
			total += r.Points
			if r.Criterion != b.Jury.Criteria[i] || r.Points < 1 {
				t.Fatalf("seed %d: grid row %d %+v", seed, i, r)
			}
		}
		if total != GridTotal || len(k.Grid) != len(b.Jury.Criteria) {
			t.Fatalf("seed %d: grid of %d points on %d criteria (of %d)", seed, total, len(k.Grid), len(b.Jury.Criteria))
		}
		plan := strings.Join(k.Plan, "\n")
		for _, p := range b.Jury.Parameters {
			if i := strings.Index(plan, "remise au candidat avec sa fiche : "+lowerFirst(p.Change)); i < 0 || i > strings.Index(plan, "Négociation") {
				t.Fatalf("seed %d: the change %q is not handed over at the preparation:\n%s", seed, p.Change, plan)
			}
			// Whoever plays the buyer is told how to play it.
			if p.Play == "" || !strings.Contains(b.BuyerSheet(), p.Play) {
				t.Fatalf("seed %d: the buyer is not briefed on %q", seed, p.Change)
			}
			if p.Kind == "participant" && !strings.Contains(b.BuyerSheet(), "qui rejoint l'entretien") {
				t.Fatalf("seed %d: no sheet for the person who joins: %q", seed, p.Change)
			}
		}
		if b.Prepared() && strings.Contains(plan, "simulation") || b.Diploma == "NRC" && strings.Contains(plan, "(30 minutes)") {
			t.Fatalf("seed %d: a simulation timed that the text does not time:\n%s", seed, plan)
		}
		// The CCST's situations are timed by their own part of the
		// ponctuelle form: 20 + 10 minutes, never the whole hour, and
		// situation 2 presents nothing.
		if b.Diploma == "CCST" && (strings.Contains(plan, "1 h au total") || !strings.Contains(plan, "(10 minutes)") ||
			b.Prepared() != strings.Contains(plan, "(20 minutes au plus)") || !b.Prepared() != strings.Contains(plan, "Négociation (20 minutes)")) {
			t.Fatalf("seed %d: situation %d timed:\n%s", seed, b.Options.Situation, plan)
		}
		for _, p := range b.Jury.Parameters {
			if p.Kind == "concurrent" && !strings.Contains(strings.Join(k.RivalQuote, " "), p.Price.String()) {
				t.Fatalf("seed %d: the competitor's quote %q is not the jury's %v", seed, k.RivalQuote, p.Price)
			}
			// A buyer who demands alignment on a quote would sign at it.
			if p.Kind == "concurrent" && !b.Buyer.NoDeal && p.Price > b.Buyer.Ceiling {
				t.Fatalf("seed %d: alignment demanded on %v above the buyer's ceiling %v", seed, p.Price, b.Buyer.Ceiling)
			}
		}
		md := b.Markdown()
		// A longer payment is no concession when the usual terms are
		// already the longest the law allows.
		conceded := strings.Join(k.Concessions, " ")
		if (strings.Contains(md, "habituelles : 60 jours") || strings.Contains(md, "habituelles : 45 jours fin de mois")) &&
			(strings.Contains(conceded, "Délai de paiement (dans la limite légale") || strings.Contains(conceded, "un allongement seulement si")) {
			t.Fatalf("seed %d: a longer payment conceded beyond the usual legal maximum: %q", seed, k.Concessions)
		}
		// A public buyer pays by administrative order: no escompte.
		if b.Client.Public && b.Pricing.Escompte > 0 {
			t.Fatalf("seed %d: an escompte for a public buyer", seed)
		}
		if b.Prepared() == strings.Contains(md, "## Fiche acheteur") || b.Prepared() != strings.Contains(md, "## Dossier client") {
			t.Fatalf("seed %d: situation %d with a buyer's sheet %v", seed, b.Options.Situation, strings.Contains(md, "## Fiche acheteur"))
		}
		if len(k.Debrief) < 5 || len(k.Self) != len(k.Grid) || len(k.Concessions) < 3 || !strings.Contains(strings.Join(k.OrderForm, " "), "signature") {
			t.Fatalf("seed %d: debrief %d, self %d, concessions %d", seed, len(k.Debrief), len(k.Self), len(k.Concessions))
		}
		if strings.Contains(strings.Join(k.PriceList, " "), b.Pricing.UnitCost.String()) {
			t.Fatalf("seed %d: the tariff shows the cost", seed)
		}
		// The candidate's sheet gives no answer of the key away.
		if cand := b.CandidateSheet(); strings.Contains(cand, b.Pricing.Floor.String()) || strings.Contains(cand, "maximale : ") || strings.Contains(cand, "risque client est") {
			t.Fatalf("seed %d: the candidate's sheet shows the floor or the maximum discount", seed)
		}
		// The commission's changes agree with each other and with the buyer.
		kinds := map[string]bool{}
		for _, p := range b.Jury.Parameters {
			kinds[p.Kind] = true
		}
		objections := strings.Join(append(append([]string{}, b.Client.Objections...), b.Buyer.HeldObjections...), " ")
		if kinds["quantité"] && kinds["budget"] || kinds["délai"] && strings.Contains(objections, "livraison en") {
			t.Fatalf("seed %d: changes %v against each other or the buyer (%s)", seed, kinds, objections)
		}
		// A prepared negotiation has no buyer to face.
		if jury := b.JurySheet(true); b.Prepared() && (strings.Contains(jury, "Plafond de l'acheteur") || strings.Contains(jury, "acheteur au style")) {
			t.Fatalf("seed %d: a prepared negotiation speaks of the buyer:\n%s", seed, jury)
		}
		if b.Client.Place == "à son domicile" && !strings.Contains(strings.Join(k.OrderForm, " "), "rétractation") {
			t.Fatalf("seed %d: a doorstep order form without its retraction form", seed)
		}
	})
}
