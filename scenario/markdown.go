package scenario

import (
	"fmt"
	"strings"
)

// Markdown is the whole brief, for the attachment and the command line.
func (b *Brief) Markdown() string {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n", b.Title)
	fmt.Fprintf(&s, "*%s*\n\n", b.Header())
	s.WriteString("## Mise en situation\n\n" + b.Narrative + "\n\n")
	if b.Note != "" {
		s.WriteString("> " + b.Note + "\n\n")
	}
	s.WriteString("## Fiche vendeur (à remettre au candidat)\n\n" + b.SellerSheet() + "\n")
	s.WriteString("## Préparation et documents (à remettre au candidat)\n\n" + b.CandidateSheet() + "\n")
	if b.Prepared() {
		// Nobody plays the buyer: what the candidate knows of the client
		// is given to prepare with.
		s.WriteString("## Dossier client (à remettre au candidat)\n\n" + b.ClientFile() + "\n")
	} else {
		s.WriteString("## Fiche acheteur (pour la personne qui joue le client)\n\n" + b.BuyerSheet() + "\n")
		list(&s, "Document : devis du concurrent (en main de l'acheteur)", b.Kit.RivalQuote)
		s.WriteString("\n")
	}
	s.WriteString("## Fiche jury\n\n" + b.JurySheet(true) + "\n")
	s.WriteString("## Grille, minutage et débriefing (jury)\n\n" + b.KitSheet() + "\n")
	fmt.Fprintf(&s, "---\nBrief généré par le tuteur BTS (graine %d). Les critères, compétences et durées sont cités du référentiel ; vérifiez le texte en vigueur pour votre session.\n", b.Options.Seed)
	return s.String()
}

// Header is the line under the title: diploma, épreuve, situation, options.
func (b *Brief) Header() string {
	focus := "entretien complet"
	if b.Prepared() {
		focus = "négociation préparée, présentée à la commission"
		if b.Options.Focus != "" {
			focus += " · étape approfondie : " + b.Options.Focus
		}
	} else if b.Options.Focus != "" {
		focus = "étape travaillée : " + b.Options.Focus
	}
	return fmt.Sprintf("BTS %s · %s · %s · client %s · secteur : %s · difficulté %d/3 · %s · graine %d",
		b.Diploma, b.Epreuve, b.Situation, b.ClientType, b.Sector, b.Options.Difficulty, focus, b.Options.Seed)
}

func list(s *strings.Builder, title string, items []string) {
	if len(items) == 0 {
		return
	}
	if title != "" {
		fmt.Fprintf(s, "**%s**\n", title)
	}
	for _, it := range items {
		s.WriteString("- " + it + "\n")
	}
	s.WriteString("\n")
}

// SellerSheet is what the candidate receives: the context, the offer, the
// objectives and the figures to compute, without the key.
func (b *Brief) SellerSheet() string {
	var s strings.Builder
	se := b.Seller
	s.WriteString(se.Role + "\n\n")
	list(&s, "L'offre : "+b.Context.Offer, b.Context.Specs)
	c := b.Client
	who := fmt.Sprintf("%s, %s", c.Buyer, c.Buyer.Job)
	if b.ClientType == ClientParticulier {
		who = c.Buyer.String()
	}
	fmt.Fprintf(&s, "**Le client** : %s, %s (%s) — %s. Rendez-vous %s.\n\n", c.Organisation, c.Activity, c.City, who, c.Place)
	list(&s, "Objectifs", se.Objectives)
	list(&s, "Points à découvrir", se.Discovery)
	list(&s, "Marge de manœuvre", se.Margin)
	list(&s, "À calculer avant l'entretien", se.Exercises)
	list(&s, "Point juridique", se.Legal)
	switch k := se.Risk; {
	case k != nil && k.Public:
		list(&s, "Risque client (à analyser)", []string{
			"Client public : il paie par mandat administratif, dans le délai légal de 30 jours de la commande publique.",
		})
	case k != nil:
		list(&s, "Risque client (à analyser)", []string{
			fmt.Sprintf("Chiffre d'affaires annuel du client : %s HT.", k.Revenue),
			fmt.Sprintf("Délai moyen de paiement constaté : %d jours.", k.PaymentDays),
			fmt.Sprintf("Incidents de paiement sur 12 mois : %d.", k.Incidents),
			RiskRule,
		})
	}
	return s.String()
}

// BuyerSheet is for whoever plays the client.
func (b *Brief) BuyerSheet() string {
	var s strings.Builder
	bu := b.Buyer
	list(&s, "Votre personnage", bu.Play)
	list(&s, "Changements décidés par la commission (le candidat les connaît ; vous les faites vivre)", bu.Changes)
	list(&s, "Ce que vous savez (à ne révéler que si le vendeur vous interroge bien)", bu.Hidden)
	list(&s, "Objections à formuler", b.Client.Objections)
	list(&s, "Objections gardées en réserve (en fin d'entretien)", bu.HeldObjections)
	list(&s, "Point de rupture", []string{bu.WalkAway})
	list(&s, "Ce qui vous fait signer", bu.SignIf)
	list(&s, "Fiche de la personne qui rejoint l'entretien (jouée par un second étudiant ou un membre de la commission)", bu.Joiner)
	return s.String()
}

// JurySheet is for the commission. full adds the grounding passages and
// the full references (the attachment); the short form fits an embed.
func (b *Brief) JurySheet(full bool) string {
	var s strings.Builder
	j := b.Jury
	ref := func(q Quote) string {
		if full {
			return q.Ref()
		}
		return strings.Replace(q.Lines.String(), "ligne", "l.", 1)
	}
	quote := func(q Quote) string { return fmt.Sprintf("« %s » (%s)", q.Text, ref(q)) }
	if len(j.Parameters) > 0 {
		title := "Paramètres modifiés par la commission"
		if j.Modified != nil && full {
			s.WriteString("> " + quote(*j.Modified) + "\n\n")
		}
		var items []string
		for _, p := range j.Parameters {
			items = append(items, p.Change+" *Attendu : "+lowerFirst(p.Expected)+"*")
		}
		list(&s, title, items)
	}
	timing := append([]string{}, j.Timing...)
	for _, q := range j.TimingRefs {
		timing = append(timing, quote(q))
	}
	list(&s, "Déroulement", timing)
	var comps []string
	for _, q := range j.Competences {
		comps = append(comps, quote(q))
	}
	list(&s, "Compétences visées", comps)
	var crit []string
	for _, q := range j.Criteria {
		crit = append(crit, quote(q))
	}
	title := "Critères d'évaluation"
	if j.CriteriaNote != nil {
		title = "Critères d'évaluation mobilisés dans cette situation"
	}
	if j.CriteriaNote != nil && full {
		crit = append(crit, "Le texte rattache à chaque situation des compétences, non des critères ; la grille retient ceux de cette situation : "+quote(*j.CriteriaNote))
	}
	list(&s, title, crit)
	list(&s, "À observer", j.Observe)
	list(&s, "Questions pour l'entretien avec la commission", j.Questions)
	var key []string
	for _, k := range j.Key {
		key = append(key, k.Label+" : "+k.Value)
	}
	list(&s, "Corrigé", key)
	if full {
		var g []string
		for _, q := range j.Grounding {
			g = append(g, quote(q))
		}
		list(&s, "Ancrage dans le référentiel", g)
	}
	return s.String()
}
