package scenario

// The jury's sheet: parameters, what to observe, questions, answer key.

import (
	"fmt"
	"github.com/btstutor/tutor/corpus"
	"slices"
	"strings"
)

func (w *writer) jury() {
	b, o, gr := w.b, w.o, w.gr
	j := &b.Jury
	x := gr.exam
	e := x.Epreuve
	j.Criteria = x.Criteria
	if q := x.Modified; q.Text != "" {
		j.Modified = &q
	}
	// Timing, from the model and the text.
	if e.Duration != "" {
		t := fmt.Sprintf("Forme ponctuelle : épreuve orale de %s (règlement d'examen, BTS %s, %s)", e.Duration, o.Diploma, e.Lines)
		if e.Preparation != "" {
			t += fmt.Sprintf(", préparation de %s", e.Preparation)
			// The preparation is stated in the épreuve's definition, not
			// always in the règlement's row: where it is.
			for n := e.DefLines[0]; n > 0 && n <= e.DefLines[1]; n++ {
				if corpus.HasPreparation(w.gr.text.line(n)) {
					t += fmt.Sprintf(" (définition de l'épreuve, ligne %d)", n)
					break
				}
			}
		}
		j.Timing = append(j.Timing, t+".")
	}
	if e.CCF != "" {
		j.Timing = append(j.Timing, fmt.Sprintf("Contrôle en cours de formation : %s.", strings.TrimPrefix(e.CCF, "CCF ")))
	}
	j.TimingRefs = x.Phases
	if o.Diploma == "CCST" {
		s := x.Situations[o.Situation]
		j.Competences = s.Competences
		j.Grounding = append(j.Grounding, s.Title)
		if s.About.Text != "" {
			j.Grounding = append(j.Grounding, s.About)
		}
		j.TimingRefs = append(j.TimingRefs, s.Extra...)
		j.Grounding = append(j.Grounding, gr.trades[w.sector.Name])
		if gr.kinds.Text != "" {
			j.Grounding = append(j.Grounding, gr.kinds)
		}
	} else {
		j.Competences = x.Competences
		j.Grounding = append(j.Grounding, gr.client[o.Client]...)
		if gr.margin.Text != "" {
			j.Grounding = append(j.Grounding, gr.margin)
		}
	}
	if !(o.Diploma == "CCST" && o.Situation == 1) {
		j.Parameters = w.parameters()
		w.bluff(j.Parameters)
		w.reconcile(j.Parameters)
	} else {
		j.Parameters = nil
	}
	j.Observe = w.observe()
	if w.noDeal {
		j.Observe = append(j.Observe, fmt.Sprintf("Cas sans accord : le plafond de l'acheteur (%s par %s) est sous le prix plancher (%s HT). Le candidat ne franchit pas le plancher, cherche une autre solution (quantité, calendrier, services) et prend congé en préservant la relation.",
			w.money(b.Buyer.Ceiling), w.offer.Unit, b.Pricing.Floor))
	}
	if o.Diploma == "CCST" && o.Situation == 1 {
		j.Questions = w.questions()
	}
	j.Key = w.key()
}

// household is a price a household names, a round sum tax included within
// [lo, hi] when there is one; others name it as drawn.
func (w *writer) household(u, lo, hi Cents) Cents {
	if w.o.Client != ClientParticulier {
		return u
	}
	if h, ok := w.roundTTC(u, lo, hi); ok {
		return h
	}
	return u
}

// bluff tells whoever plays the buyer that a budget the commission has them
// announce below the floor is a bluff: the ceiling does not change.
func (w *writer) bluff(params []Parameter) {
	for _, par := range params {
		if par.Kind == "budget" && par.Price < w.b.Pricing.Floor {
			w.b.Buyer.Hidden = append(w.b.Buyer.Hidden, fmt.Sprintf("Si la commission vous fait annoncer un budget de %s par %s, c'est un bluff : votre plafond reste %s.",
				w.money(par.Price), w.offer.Unit, w.money(w.b.Buyer.Ceiling)))
		}
	}
}

// reconcile takes from the buyer the objection a change of the commission
// brings instead: a faster delivery is asked once, when the commission
// says.
func (w *writer) reconcile(params []Parameter) {
	for _, p := range params {
		if p.Kind != "délai" {
			continue
		}
		drop := func(o string) bool { return strings.Contains(o, " "+w.faster()) }
		w.b.Client.Objections = slices.DeleteFunc(w.b.Client.Objections, drop)
		w.b.Buyer.HeldObjections = slices.DeleteFunc(w.b.Buyer.HeldObjections, drop)
	}
}

// parameters draws the changes the commission makes, with their figures.
// A new quantity and a budget are not drawn together: the budget would
// speak of the old one.
func (w *writer) parameters() []Parameter {
	pool := append(w.priceParameters(), w.clientParameters()...)
	n := 2
	if w.o.Difficulty == 3 {
		n = 3
	}
	var out []Parameter
	for _, p := range pickN(w.r, pool, len(pool)) {
		if len(out) == n {
			break
		}
		kinds := func(k string) bool { return slices.ContainsFunc(out, func(x Parameter) bool { return x.Kind == k }) }
		if p.Kind == "quantité" && kinds("budget") || p.Kind == "budget" && (kinds("quantité") || w.noDeal) {
			continue // a budget is the no-deal case's very point: not a change
		}
		out = append(out, p)
	}
	return out
}

// priceParameters change the budget, a competitor's price or the lead time.
func (w *writer) priceParameters() []Parameter {
	b, o, r, p := w.b, w.o, w.r, w.b.Pricing
	unit := w.offer.Unit
	var pool []Parameter
	// A budget: reachable above the floor, or not at difficulty 3.
	if o.Difficulty < 3 {
		u := w.household(clampRound(p.Floor+(b.Buyer.Ceiling-p.Floor)/2, p.Floor, b.Buyer.Ceiling), p.Floor, b.Buyer.Ceiling)
		pool = append(pool, Parameter{Kind: "budget", Price: u,
			Change:   w.budget(u),
			Expected: fmt.Sprintf("Accord possible au-dessus du prix plancher (%s HT par %s), à condition d'obtenir une contrepartie.", p.Floor, unit),
		})
	} else {
		u := w.household(clampRound(p.Floor-pct(p.Floor, 3+float64(r.IntN(5))), 1, p.Floor-1), 1, p.Floor-1)
		pool = append(pool, Parameter{Kind: "budget", Price: u,
			Change:   w.budget(u),
			Expected: fmt.Sprintf("Ce budget est sous le prix plancher (%s HT par %s) : le candidat refuse de s'aligner et propose une autre solution (quantité, services, échéancier).", p.Floor, unit),
		})
	}
	// A competitor's price.
	cp := w.rivalPrice()
	exp := "Sous le prix plancher : le candidat ne s'aligne pas et valorise la différence (services, délais, garanties)."
	if cp >= p.Floor {
		exp = fmt.Sprintf("Alignement possible (plancher : %s HT) mais coûteux : le candidat chiffre la marge restante et demande une contrepartie.", p.Floor)
	}
	pool = append(pool, Parameter{Kind: "concurrent", Price: cp, Change: fmt.Sprintf("L'acheteur cite une offre %s à %s par %s.", de(b.Client.Competitor), w.money(cp), unit), Expected: exp})
	// Lead time.
	pool = append(pool, Parameter{Kind: "délai",
		Change:   fmt.Sprintf("Le client exige une livraison sous %s, au lieu de %d à %d semaines.", w.faster(), w.offer.Lead[0], w.offer.Lead[1]),
		Expected: "Le candidat vérifie la faisabilité avant de s'engager et propose une solution (livraison partielle, matériel de prêt).",
	})
	return pool
}

// clientParameters are the changes a kind of client brings: payment,
// retraction, a newcomer, a distributor's demands, quantities.
func (w *writer) clientParameters() []Parameter {
	b, o, r, p := w.b, w.o, w.r, w.b.Pricing
	unit, q := w.offer.Unit, p.Quantity
	var pool []Parameter
	client := o.Client
	if b.Client.Public {
		client = "public"
	}
	switch client {
	case ClientParticulier:
		if w.instalments() {
			pool = append(pool, Parameter{Kind: "paiement",
				Change:   fmt.Sprintf("Le client demande à payer en 3 fois sans frais (net à payer : %s TTC).", p.TotalTTC),
				Expected: fmt.Sprintf("Mensualités : %s, puis 2 × %s ; le candidat présente le financement comme un argument.", p.Instalment, p.Instalment2),
			})
		}
		if place := b.Client.Place; place != "à son domicile" {
			pool = append(pool, Parameter{Kind: "rétractation",
				Change:   "Le client demande s'il pourra changer d'avis après avoir signé.",
				Expected: fmt.Sprintf("Vente conclue %s : pas de droit légal de rétractation sur l'achat (un geste commercial reste possible), mais 14 jours pour renoncer à un crédit affecté qui le finance ; le candidat le dit clairement.", place),
			})
		}
		pool = append(pool, Parameter{Kind: "participant",
			Change:   w.spouseJoins(),
			Expected: "Le candidat reformule les besoins du foyer pour le nouveau venu et adapte son argumentation.",
		})
	case ClientDistributeur:
		ask := w.coopCap + 1 + r.IntN(3)
		pool = append(pool, Parameter{Kind: "coopération",
			Change: fmt.Sprintf("L'acheteur exige une coopération commerciale de %d %% des achats de l'année pour une tête de gondole pendant deux semaines.", ask),
			Expected: fmt.Sprintf("Au-delà du plafond de %d %% de la fiche vendeur : le candidat ne l'accorde pas en l'état ; il propose au plus %d %% contre des engagements écrits (durée, emplacement, quantités), ou une animation.",
				w.coopCap, w.coopCap),
		})
		pool = append(pool, Parameter{Kind: "référencement",
			Change:   "L'acheteur menace de ne pas référencer la gamme si le délai de réapprovisionnement dépasse " + w.faster() + ".",
			Expected: "Le candidat rassure avec des engagements de service (stock dédié, réassort) sans promettre l'impossible.",
		})
	case "public":
		pool = append(pool, Parameter{Kind: "procédure",
			Change:   "L'acheteur rappelle que la commande doit passer par la procédure de la collectivité (devis détaillé, bon de commande signé) et demande si le prix tient jusqu'au vote du budget.",
			Expected: "Le candidat fixe une durée de validité de l'offre, détaille le devis et propose un calendrier compatible avec la décision publique.",
		})
	default:
		days := 60
		exp := "Délai légal (60 jours à compter de la date d'émission de la facture) : le candidat peut l'accepter contre une contrepartie"
		if p.Escompte > 0 {
			exp += ", ou rappeler l'escompte pour paiement comptant"
		}
		exp += "."
		if k := b.Seller.Risk; k != nil && k.Level != "faible" {
			exp = fmt.Sprintf("Risque client %s : le candidat n'allonge pas le délai ; il explique les conditions que le risque impose (%s).", k.Level, k.Advice)
		}
		if o.Difficulty == 3 {
			days = 90
			exp = "Délai illégal : le délai de paiement entre professionnels ne peut dépasser 60 jours à compter de la date d'émission de la facture (ou 45 jours fin de mois) ; le candidat le rappelle avec tact."
		}
		// 60 days asked of a seller who already gives them is no change.
		if days == 90 || !strings.HasPrefix(w.terms, "60") {
			pool = append(pool, Parameter{Kind: "paiement", Change: fmt.Sprintf("L'acheteur demande un paiement à %d jours.", days), Expected: exp})
		}
		if len(b.Client.Others) > 0 {
			x := b.Client.Others[0]
			pool = append(pool, Parameter{Kind: "participant",
				Change:   fmt.Sprintf("%s (%s) rejoint l'entretien en cours de négociation.", x, x.Job),
				Expected: fmt.Sprintf("Le candidat identifie son rôle (%s) et reformule pour %s l'essentiel.", x.Role, x.pronoun()),
			})
		}
		q2 := q * 2
		pool = append(pool, Parameter{Kind: "quantité",
			Change:   fmt.Sprintf("La quantité passe de %d à %d %s.", q, q2, plural(unit, q2)),
			Expected: fmt.Sprintf("Le candidat recalcule le total ; la remise totale reste sous %s.", pctStr(p.MaxDiscount)),
		})
	}
	return pool
}

func (w *writer) observe() []string {
	o := w.o
	if w.b.Prepared() {
		// No one plays the buyer: the presentation of a preparation.
		return []string{
			"Analyse du contexte technico-commercial, du risque client et du risque affaire ; objectifs et stratégie de négociation justifiés.",
			"Outils de négociation préparés (argumentaire, réponses aux objections, calculs, concessions et contreparties).",
			"Clarté de la présentation et précision des réponses aux questions de la commission.",
		}
	}
	var out []string
	switch o.Focus {
	case StageDecouverte:
		out = append(out, "Types de questions (ouvertes, fermées, alternatives), écoute, reformulation et hiérarchisation des besoins.")
	case StageArgumentation:
		out = append(out, "Arguments reliés aux besoins exprimés (caractéristique, avantage, preuve), démonstration, supports.")
	case StageObjections:
		out = append(out, "Accueil, reformulation, traitement et vérification de chaque objection ; défense du prix.")
	case StageConclusion:
		out = append(out, "Signaux d'achat repérés, concessions échangées contre des contreparties, accord formalisé.")
	default:
		out = append(out, "L'entretien complet : prise de contact, découverte, argumentation, objections, conclusion, prise de congé.")
	}
	for _, p := range personalities {
		if p.Style == w.b.Client.Personality || p.StyleF == w.b.Client.Personality {
			out = append(out, "Face à un acheteur au style "+p.Style+" : "+lowerFirst(p.Signal))
		}
	}
	return out
}

// questions are what the commission may ask after the presentation of a
// prepared negotiation (CCST situation 1: C1.1 and C1.3).
func (w *writer) questions() []string {
	c := w.b.Client
	more := pickN(w.r, []string{
		"Quels objectifs vous fixez-vous (objectif principal, objectif de repli) et pourquoi ?",
		"Jusqu'où pouvez-vous descendre et que demanderez-vous en contrepartie de chaque concession ?",
		"Quels outils d'aide à la négociation avez-vous préparés ?",
		"Quel besoin du client vous paraît prioritaire, et sur quoi vous fondez-vous ?",
		"Quelle solution technique proposez-vous, et pourquoi celle-là plutôt qu'une autre ?",
		"Quels risques de l'affaire (technique, délai, paiement) avez-vous repérés, et comment les limitez-vous ?",
		"Comment assurerez-vous le suivi de ce client après la signature ?",
	}, 3)
	return append([]string{
		fmt.Sprintf("Qui compose le centre d'achat %s et quel est le rôle %s ?", de(c.Organisation), de(c.Buyer.String())),
		"Comment avez-vous évalué le risque client ? Quelles conditions de paiement proposez-vous ?",
		fmt.Sprintf("Quels arguments techniques opposez-vous à l'offre %s ?", de(c.Competitor)),
	}, more...)
}

// key is the answer key of the seller's exercises.
func (w *writer) key() []KeyLine {
	p := w.b.Pricing
	q := p.Quantity
	k := []KeyLine{{"Prix net commercial unitaire HT", w.netSteps()}}
	if p.Escompte > 0 {
		k = append(k, KeyLine{"Net financier unitaire HT", fmt.Sprintf("%s − %s = %s", p.NetCommercial, pctStr(p.Escompte), p.NetFinancial)})
	}
	k = append(k,
		KeyLine{"Montant HT", fmt.Sprintf("%s × %d = %s", p.NetFinancial, q, p.TotalHT)},
		KeyLine{"TVA (" + pctStr(p.TVA) + ")", p.TotalTVA.String()},
		KeyLine{"Net à payer TTC", p.TotalTTC.String()},
		KeyLine{"Taux de marge", fmt.Sprintf("(%s − %s) / %s = %s", p.NetCommercial, p.UnitCost, p.UnitCost, pctStr(p.MarginRate))},
		KeyLine{"Taux de marque", fmt.Sprintf("(%s − %s) / %s = %s", p.NetCommercial, p.UnitCost, p.NetCommercial, pctStr(p.MarkupRate))},
		KeyLine{"Coefficient multiplicateur", fmt.Sprintf("%s TTC / %s = %s", p.UnitTTC(), p.UnitCost, decimal(p.Multiplier, 4))},
		KeyLine{"Prix plancher unitaire HT", fmt.Sprintf("%s × (1 + %s) = %s", p.UnitCost, pctStr(p.MinMarginRate), p.Floor)},
		KeyLine{"Remise totale maximale", pctStr(p.MaxDiscount)},
	)
	if !w.b.Prepared() {
		ceil := fmt.Sprintf("%s par %s", w.money(w.b.Buyer.Ceiling), w.offer.Unit)
		if w.noDeal {
			ceil += " : sous le prix plancher, pas d'accord possible à ce prix"
		}
		k = append(k, KeyLine{"Plafond de l'acheteur", ceil})
	}
	if p.Escompte > 0 {
		k = append(k, KeyLine{"Remarque", "les taux de marge et de marque se calculent au prix net commercial : l'escompte est une réduction financière"})
		// Paid at the usual terms, no escompte.
		ht := p.NetCommercial * Cents(q)
		k = append(k, KeyLine{"Sans escompte (paiement à terme)", fmt.Sprintf("%s × %d = %s HT, soit %s TTC", p.NetCommercial, q, ht, ht+pct(ht, p.TVA))})
	}
	if w.instalments() {
		k = append(k, KeyLine{"Paiement en 3 fois", fmt.Sprintf("%s puis 2 × %s", p.Instalment, p.Instalment2)})
	}
	if p.RetailHT > 0 {
		k = append(k, KeyLine{"Marque du distributeur", fmt.Sprintf("prix conseillé %s TTC, soit %s HT : (%s − %s) / %s = %s", p.RetailTTC, p.RetailHT, p.RetailHT, p.NetCommercial, p.RetailHT, pctStr(p.RetailMarkup))})
	}
	switch k2 := w.b.Seller.Risk; {
	case k2 != nil && k2.Public:
		k = append(k, KeyLine{"Risque client", "risque " + k2.Level + " ; " + k2.Advice})
	case k2 != nil:
		k = append(k, KeyLine{"Risque client", fmt.Sprintf("commande de %s du chiffre d'affaires (HT), paiement à %d jours, %s : risque %s ; %s", k2.Share, k2.PaymentDays, quantity(k2.Incidents, "incident de paiement"), k2.Level, k2.Advice)})
	}
	if p.Franco > 0 {
		k = append(k, KeyLine{"Frais de port", fmt.Sprintf("offerts : le montant HT (%s) atteint le franco (%s)", p.TotalHT, p.Franco)})
	}
	if p.Quantity > 1 {
		k = append(k, KeyLine{"Convention", "remises appliquées au prix unitaire, arrondies au centime, puis multipliées par la quantité"})
	}
	return k
}

func (w *writer) netSteps() string {
	p := w.b.Pricing
	s := fmt.Sprintf("%s − %s", p.ListPrice, pctStr(p.VolumeRebate))
	if p.LoyaltyRebate > 0 {
		s += fmt.Sprintf(" − %s", pctStr(p.LoyaltyRebate))
	}
	return s + " = " + p.NetCommercial.String()
}
