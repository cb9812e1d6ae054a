package scenario

import (
	"fmt"
	"strings"
)

// KitSheet renders the teacher's material: the grid, the timing, the
// candidate's preparation, the documents and the debrief.
func (b *Brief) KitSheet() string {
	var s strings.Builder
	k := b.Kit
	if len(k.Grid) > 0 {
		fmt.Fprintf(&s, "**Grille d'évaluation (sur %d)**\n\n| Critère du référentiel | Points | Acquis / en cours / non acquis |\n|---|---|---|\n", GridTotal)
		for _, r := range k.Grid {
			fmt.Fprintf(&s, "| « %s » (%s) | %d | |\n", r.Criterion.Text, strings.Replace(r.Criterion.Lines.String(), "ligne", "l.", 1), r.Points)
		}
		fmt.Fprintf(&s, "| **Total** | **%d** | |\n\n", GridTotal)
		s.WriteString("Barème : acquis = tous les points du critère ; en cours = la moitié ; non acquis = 0.\n\n")
	}
	list(&s, "Minutage", k.Plan)
	list(&s, "Guide de débriefing (entretien avec la commission)", k.Debrief)
	return s.String()
}

// CandidateSheet is what the candidate prepares and brings, the trade of
// concessions and the documents of the negotiation.
func (b *Brief) CandidateSheet() string {
	var s strings.Builder
	k := b.Kit
	list(&s, "À préparer", k.Prepare)
	list(&s, "À apporter", k.Bring)
	list(&s, "Concessions et contreparties", k.Concessions)
	list(&s, "Document : tarif", k.PriceList)
	list(&s, "Document : bon de commande", k.OrderForm)
	list(&s, "Auto-évaluation (après l'épreuve)", k.Self)
	return s.String()
}

// ClientFile is what the candidate knows of the client when the situation
// is a prepared negotiation (CCST situation 1): no one plays the buyer.
func (b *Brief) ClientFile() string {
	var s strings.Builder
	c := b.Client
	items := []string{fmt.Sprintf("Besoins exprimés lors du premier contact : %s.", strings.Join(c.Needs, " ; "))}
	for _, x := range c.Others {
		items = append(items, fmt.Sprintf("Participe aussi à la décision : %s (%s).", x, x.Job))
	}
	list(&s, "Ce que vous savez du client", items)
	list(&s, "Objections entendues lors du premier contact", append(append([]string{}, c.Objections...), b.Buyer.HeldObjections...))
	list(&s, "Document : devis du concurrent (remis par le client)", b.Kit.RivalQuote)
	return s.String()
}

// Prepared reports whether the brief is a prepared negotiation presented to
// the commission (CCST situation 1), not a role-play.
func (b *Brief) Prepared() bool { return b.Diploma == "CCST" && b.Options.Situation == 1 }
