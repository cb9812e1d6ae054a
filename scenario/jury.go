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
		j.TimingRefs = situationPhases(x.Phases, o.Situation)
		j.Criteria, j.CriteriaNote = w.situationCriteria(o.Situation)
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
		w.reconcile(j.Parameters)
		w.briefBuyer(j.Parameters)
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

// situationPhases keeps the part of the ponctuelle form that times a
// situation: the first (the presentation) for situation 1, the second
// (the simulation) for situation 2.
func situationPhases(phases []Quote, situation int) []Quote {
	var out []Quote
	for _, q := range phases {
		l := strings.ToLower(q.Text)
		first := strings.HasPrefix(l, "1") || strings.HasPrefix(l, "premi")
		if first == (situation == 1) {
			out = append(out, q)
		}
	}
	return out
}

// preparatory reports whether a criterion is about the preparation of a
// negotiation (the CCST's situation 1, compétences C1.1 and C1.3): its
// participle says something identified, taken into account, defined or
// prepared; the others (implemented, proposed, mobilised, formalised,
// carried out) are seen in the interview.
func preparatory(criterion string) bool {
	for _, p := range []string{"identifiés", "pris en compte", "définis", "préparés"} {
		if strings.Contains(criterion, p) {
			return true
		}
	}
	return false
}

// situationCriteria are the criteria one situation mobilises, with the
// text's sentence that allows not mobilising them all: the text lists the
// épreuve's criteria once, and ties the compétences, not the criteria, to
// each situation.
func (w *writer) situationCriteria(situation int) ([]Quote, *Quote) {
	var out []Quote
	for _, q := range w.gr.exam.Criteria {
		if preparatory(q.Text) == (situation == 1) {
			out = append(out, q)
		}
	}
	if len(out) == 0 {
		return w.gr.exam.Criteria, nil
	}
	note, ok := w.gr.text.sentenceWith(w.gr.exam.Epreuve.DefLines, "critères d'évaluation ne sont pas nécessairement mobilisés")
	if !ok {
		return out, nil
	}
	return out, &note
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

// briefBuyer tells whoever plays the client what the commission changed,
// and writes the sheet of a person who joins the interview.
func (w *writer) briefBuyer(params []Parameter) {
	bu := &w.b.Buyer
	for _, p := range params {
		bu.Changes = append(bu.Changes, p.Play)
		if p.who != nil {
			bu.Joiner = w.joiner(*p.who)
		}
		if p.qty > 0 {
			bu.WalkAway = fmt.Sprintf("Au-delà de %s par %s (soit %s pour %d), vous ne signez pas aujourd'hui.", w.money(bu.Ceiling), w.offer.Unit, w.money(bu.Ceiling*Cents(p.qty)), p.qty)
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
			Play:     fmt.Sprintf("Dès que le prix est évoqué, vous annoncez ce budget (%s par %s) ; vous le dépassez, sans aller au-delà de votre plafond, seulement contre une contrepartie.", w.money(u), unit),
		})
	} else {
		u := w.household(clampRound(p.Floor-pct(p.Floor, 3+float64(r.IntN(5))), 1, p.Floor-1), 1, p.Floor-1)
		pool = append(pool, Parameter{Kind: "budget", Price: u,
			Change:   w.budget(u),
			Expected: fmt.Sprintf("Ce budget est sous le prix plancher (%s HT par %s) : le candidat refuse de s'aligner et propose une autre solution (quantité, services, échéancier).", p.Floor, unit),
			Play: fmt.Sprintf("Dès que le prix est évoqué, vous annoncez ce budget (%s par %s). C'est un bluff : votre plafond reste %s ; vous le lâchez si le vendeur tient son prix en le justifiant.",
				w.money(u), unit, w.money(b.Buyer.Ceiling)),
		})
	}
	// A competitor's price.
	cp := w.rivalPrice()
	exp := "Sous le prix plancher : le candidat ne s'aligne pas et valorise la différence (services, délais, garanties)."
	if cp >= p.Floor {
		exp = fmt.Sprintf("Alignement possible (plancher : %s HT) mais coûteux : le candidat chiffre la marge restante et demande une contrepartie.", p.Floor)
	}
	pool = append(pool, Parameter{Kind: "concurrent", Price: cp,
		Change:   fmt.Sprintf("L'acheteur exige l'alignement sur le devis %s (%s par %s).", de(b.Client.Competitor), w.money(cp), unit),
		Expected: exp,
		Play:     fmt.Sprintf("Vous posez le devis %s sur la table et exigez que le vendeur s'aligne sur %s par %s ; vous n'admettez ce qui lui manque (services, délai) que si le vendeur le montre.", de(b.Client.Competitor), w.money(cp), unit),
	})
	// Lead time.
	pool = append(pool, Parameter{Kind: "délai",
		Change:   fmt.Sprintf("Le client exige %s sous %s, au lieu de %d à %d semaines.", w.leadNoun(), w.faster(), w.offer.Lead[0], w.offer.Lead[1]),
		Expected: fmt.Sprintf("Le candidat vérifie la faisabilité avant de s'engager et propose une solution (%s).", w.leadRemedy()),
		Play:     fmt.Sprintf("Vous exigez %s sous %s : une contrainte de votre calendrier. Une solution concrète vous convient ; une promesse vague, non.", w.leadNoun(), w.faster()),
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
				Change:   fmt.Sprintf("Le client demande à étaler le paiement sur 10 mois sans frais (net à payer : %s TTC).", p.TotalTTC),
				Expected: fmt.Sprintf("Le tarif ne prévoit que 3 fois sans frais : %s, puis 2 × %s ; au-delà, un crédit affecté (payant, 14 jours pour y renoncer). Le candidat présente le financement comme un argument.", p.Instalment, p.Instalment2),
				Play:     "Vous demandez à payer en 10 fois sans frais ; le paiement en 3 fois vous convient si le vendeur vous le présente clairement, avec les montants.",
			})
		}
		if place := b.Client.Place; place != "à son domicile" {
			pool = append(pool, Parameter{Kind: "rétractation",
				Change:   "Le client demande s'il pourra changer d'avis après avoir signé.",
				Expected: fmt.Sprintf("Vente conclue %s : pas de droit légal de rétractation sur l'achat (un geste commercial reste possible), mais 14 jours pour renoncer à un crédit affecté qui le finance ; le candidat le dit clairement.", place),
				Play:     "Une fois d'accord sur le prix, vous demandez si vous pourrez changer d'avis après avoir signé.",
			})
		}
		x := w.other("conjoint")
		pool = append(pool, Parameter{Kind: "participant",
			Change:   w.spouseJoins(x),
			Expected: "Le candidat reformule les besoins du foyer pour le nouveau venu et adapte son argumentation.",
			Play:     fmt.Sprintf("Vers le milieu de l'entretien, %s vous rejoint (voir sa fiche) ; vous lui laissez poser ses questions.", x),
			who:      &x,
		})
	case ClientDistributeur:
		ask := w.coopCap + 1 + r.IntN(3)
		pool = append(pool, Parameter{Kind: "coopération",
			Change: fmt.Sprintf("L'acheteur exige une coopération commerciale de %d %% des achats de l'année pour une tête de gondole pendant deux semaines.", ask),
			Expected: fmt.Sprintf("Au-delà du plafond de %d %% de la fiche vendeur : le candidat ne l'accorde pas en l'état ; il propose au plus %d %% contre des engagements écrits (durée, emplacement, quantités), ou une animation.",
				w.coopCap, w.coopCap),
			Play: fmt.Sprintf("Vous exigez %d %% de coopération commerciale pour la tête de gondole ; vous acceptez moins contre des engagements écrits si le vendeur tient bon.", ask),
		})
		pool = append(pool, Parameter{Kind: "référencement",
			Change:   "L'acheteur menace de ne pas référencer la gamme si le délai de réapprovisionnement dépasse " + w.faster() + ".",
			Expected: "Le candidat rassure avec des engagements de service (stock dédié, réassort) sans promettre l'impossible.",
			Play:     "Vous menacez de ne pas référencer la gamme si le réassort dépasse " + w.faster() + " ; un engagement concret (stock dédié, réassort) vous rassure.",
		})
	case "public":
		pool = append(pool, Parameter{Kind: "procédure",
			Change:   "L'acheteur rappelle que la commande doit passer par la procédure de la collectivité (devis détaillé, bon de commande signé) et demande si le prix tient jusqu'au vote du budget.",
			Expected: "Le candidat fixe une durée de validité de l'offre, détaille le devis et propose un calendrier compatible avec la décision publique.",
			Play:     "Avant de parler prix, vous rappelez la procédure de la collectivité (devis détaillé, bon de commande signé) et demandez si le prix tiendra jusqu'au vote du budget.",
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
			pool = append(pool, Parameter{Kind: "paiement", Change: fmt.Sprintf("L'acheteur demande un paiement à %d jours.", days), Expected: exp,
				Play: fmt.Sprintf("Au moment de conclure, vous demandez un paiement à %d jours ; vous y renoncez si le vendeur vous explique pourquoi il ne le peut pas.", days)})
		}
		if len(b.Client.Others) > 0 {
			x := b.Client.Others[0]
			pool = append(pool, Parameter{Kind: "participant",
				Change:   fmt.Sprintf("%s (%s) rejoint l'entretien en cours de négociation.", x, x.Job),
				Expected: fmt.Sprintf("Le candidat identifie son rôle (%s) et reformule pour %s l'essentiel.", x.Role, x.pronoun()),
				Play:     fmt.Sprintf("Vers le milieu de l'entretien, %s vous rejoint (voir sa fiche) ; vous lui laissez poser ses questions.", x),
				who:      &x,
			})
		}
		q2 := q * 2
		pool = append(pool, Parameter{Kind: "quantité",
			Change:   fmt.Sprintf("La quantité passe de %d à %d %s.", q, q2, plural(unit, q2)),
			Expected: fmt.Sprintf("Le candidat recalcule le montant (la remise de quantité du tarif reste la même) ; il peut accorder une remise supplémentaire en échange de la quantité, la remise totale restant sous %s.", pctStr(p.MaxDiscount)),
			Play:     fmt.Sprintf("Vous annoncez que vous prendrez %d %s au lieu de %d, et demandez en échange un meilleur prix.", q2, plural(unit, q2), q),
			qty:      q2,
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
		KeyLine{"TVA (" + pctStr(p.TVA) + ")", p.TotalTVA.String() + w.exemptNote()},
		KeyLine{w.payLabel(), p.TotalTTC.String()},
		KeyLine{"Taux de marge", fmt.Sprintf("(%s − %s) / %s = %s", p.NetCommercial, p.UnitCost, p.UnitCost, pctStr(p.MarginRate))},
		KeyLine{"Taux de marque", fmt.Sprintf("(%s − %s) / %s = %s", p.NetCommercial, p.UnitCost, p.NetCommercial, pctStr(p.MarkupRate))},
		KeyLine{"Coefficient multiplicateur", fmt.Sprintf("%s %s / %s = %s", p.UnitTTC(), w.ttc(), p.UnitCost, decimal(p.Multiplier, 4))},
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
	for _, par := range w.b.Jury.Parameters {
		if par.qty > 0 {
			ht := p.NetFinancial * Cents(par.qty)
			v := fmt.Sprintf("%s × %d = %s HT, soit %s TTC", p.NetFinancial, par.qty, ht, ht+pct(ht, p.TVA))
			if k2 := w.b.Seller.Risk; k2 != nil && !k2.Public {
				share, level, _ := w.riskLevel(ht, k2)
				v += fmt.Sprintf(" ; commande de %s du chiffre d'affaires : risque %s", share, level)
			}
			k = append(k, KeyLine{fmt.Sprintf("Avec %s (paramètre modifié)", quantity(par.qty, w.offer.Unit)), v})
		}
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

// concerns are what a member of the buying centre cares about, by role.
var concerns = map[string]string{
	"décideur":     "la rentabilité de l'achat et l'engagement du fournisseur dans la durée",
	"acheteur":     "le prix net, les conditions de paiement et les pénalités en cas de retard",
	"prescripteur": "la conformité technique aux exigences et les références du fournisseur",
	"utilisateur":  "la facilité d'utilisation au quotidien, la formation et l'assistance en cas de panne",
	"conseiller":   "la comparaison avec les autres offres et l'avis d'autres clients",
	"payeur":       "le montant total et l'échéancier de paiement",
	"influenceur":  "le prix total et l'utilité réelle de l'achat",
	"filtre":       "le temps que l'achat prendra à l'équipe et la simplicité de la mise en place",
}

// joiner is the sheet of a person who joins the interview: who they are,
// when they come in, what they care about and ask.
func (w *writer) joiner(x Person) []string {
	c := w.b.Client
	care, ok := concerns[x.Role]
	if !ok {
		care = concerns["décideur"]
	}
	who := fmt.Sprintf("Vous êtes %s, %s", x, x.Job)
	if w.o.Client != ClientParticulier {
		who += " " + de(c.Organisation)
	}
	out := []string{
		fmt.Sprintf("%s ; dans la décision, votre rôle est celui %s.", who, de(x.Role)),
		"Vous entrez vers le milieu de l'entretien et demandez au vendeur de vous résumer sa proposition en deux phrases.",
		fmt.Sprintf("Ce qui vous préoccupe : %s. Posez une question précise à ce sujet.", care),
	}
	if w.o.Client == ClientParticulier {
		out = append(out, "Vous trouvez le projet trop cher : vous le dites, puis vous écoutez la réponse.")
	}
	return append(out, fmt.Sprintf("Si la réponse vous convainc, vous soutenez l'achat ; sinon, vous conseillez à %s de réfléchir encore.", c.Buyer))
}
