package scenario

// The seller's sheet.

import (
	"fmt"
	"slices"
	"strings"
)

// objections draws the objections of the interview, the offer's own first.
func (w *writer) objections() []string {
	o, r := w.o, w.r
	n := 2 + o.Difficulty
	if o.Focus == StageObjections {
		n++
	}
	var out []string
	own := w.offer.Objections
	if w.b.Client.Public {
		// A public buyer votes a budget: it waits for no bank.
		own = slices.DeleteFunc(slices.Clone(own), func(s string) bool { return strings.Contains(s, "banque") })
	}
	if len(own) > 0 {
		out = append(out, pickN(r, own, 1+r.IntN(len(own)))...)
	}
	price := false
	for _, c := range pickN(r, commonObjections, len(commonObjections)) {
		if len(out) >= n {
			break
		}
		if o.Client == ClientParticulier && (c.Category == "décision" || c.Category == "concurrence") || c.Category == "prix" && price {
			continue
		}
		price = price || c.Category == "prix"
		t := strings.NewReplacer("{competitor}", w.b.Client.Competitor, "{pct}", fmt.Sprint(w.rivalPct()), "{weeks}", w.faster()).Replace(c.Text)
		out = append(out, t)
	}
	return out
}

func (w *writer) seller() {
	b, o, p := w.b, w.o, w.b.Pricing
	s := &b.Seller
	qty := quantity(p.Quantity, w.offer.Unit)
	s.Role = fmt.Sprintf("Vous êtes %s chez %s, %s %s.", sellerTitle(o), b.Context.Company, b.Context.Activity, to(b.Context.City))
	if o.Diploma == "CCST" && o.Situation == 1 {
		s.Role = fmt.Sprintf("Vous préparez la négociation que vous mènerez comme technico-commercial(e) chez %s, %s %s.", b.Context.Company, b.Context.Activity, to(b.Context.City))
	}
	s.Objectives = []string{
		fmt.Sprintf("Conclure la vente %s — %s — sans descendre sous le prix plancher.", de(qty), w.offer.Name),
		fmt.Sprintf("Vendre au moins un service associé : %s.", strings.Join(w.offer.Services, ", ")),
	}
	sheet := sellerByClient(o.Client)
	s.Objectives = append(s.Objectives, sheet.objective)
	if o.Focus != "" {
		s.Objectives = append(s.Objectives, focusObjective[o.Focus])
	}
	s.Discovery = []string{
		"La situation actuelle : équipement ou fournisseur en place, satisfaction, problèmes rencontrés.",
		"Les besoins et leur priorité, les critères de choix.",
		"Le budget, le mode de financement et le calendrier de décision.",
	}
	s.Discovery = append(s.Discovery, sheet.discovery)
	s.Margin = w.margin(qty)
	s.Exercises = w.exercises(qty)
	if o.Client == ClientParticulier && b.Client.Place == "à son domicile" {
		s.Legal = append(s.Legal, "Vente hors établissement : remettez le contrat et le formulaire de rétractation ; le client dispose de 14 jours pour se rétracter.")
	}
	if o.Diploma == "CCST" {
		s.Risk = w.risk()
	}
}

// margin is the seller's margin of manoeuvre: prices, rebates, payment,
// delivery and services.
func (w *writer) margin(qty string) []string {
	o, p := w.o, w.b.Pricing
	m := []string{
		fmt.Sprintf("Prix catalogue : %s par %s (TVA %s%s).", w.money(p.ListPrice), w.offer.Unit, pctStr(p.TVA), tvaNote(w.offer)),
		fmt.Sprintf("Coût d'achat : %s HT par %s ; taux de marge minimal : %s.", p.UnitCost, w.offer.Unit, pctStr(p.MinMarginRate)),
	}
	if p.Quantity > 1 {
		m = append(m, fmt.Sprintf("Remise de quantité accordée pour %s : %s.", qty, pctStr(p.VolumeRebate)))
	} else {
		m = append(m, fmt.Sprintf("Remise commerciale habituelle : %s.", pctStr(p.VolumeRebate)))
	}
	if p.LoyaltyRebate > 0 {
		what := "Remise de lancement (première commande d'un nouveau client)"
		switch o.Client {
		case ClientParticulier:
			what = "Remise promotionnelle (opération du mois)"
		case ClientDistributeur:
			what = "Remise de référencement (première commande)"
		}
		m = append(m, fmt.Sprintf("%s, après la première remise : %s.", what, pctStr(p.LoyaltyRebate)))
	}
	if p.Escompte > 0 {
		m = append(m, fmt.Sprintf("Escompte pour paiement comptant : %s.", pctStr(p.Escompte)))
	}
	switch {
	case o.Client == ClientParticulier:
		m = append(m, w.householdPayment())
	case w.b.Client.Public:
		m = append(m, "Paiement : par mandat administratif, dans le délai légal de 30 jours de la commande publique.")
	default:
		m = append(m, "Conditions de paiement habituelles : 30 jours fin de mois.")
	}
	m = append(m,
		fmt.Sprintf("Délai de livraison ou d'installation : %d à %d semaines.", w.offer.Lead[0], w.offer.Lead[1]),
		fmt.Sprintf("Services associés que vous pouvez offrir ou vendre en contrepartie : %s.", strings.Join(w.offer.Services, ", ")),
	)
	if p.RetailHT > 0 {
		per := "par " + w.offer.Unit
		if strings.Contains(w.offer.Unit, " de ") {
			per = "pour le contenu d'un " + w.offer.Unit
		}
		m = append(m, fmt.Sprintf("Prix de vente conseillé au consommateur : %s TTC %s.", p.RetailTTC, per))
	}
	return m
}

// exercises are the calculations the seller prepares; the key is on the
// jury's sheet.
func (w *writer) exercises(qty string) []string {
	p := w.b.Pricing
	ex := []string{"Le prix net commercial unitaire après remise(s) ; chaque remise s'applique au prix unitaire et s'arrondit au centime."}
	if p.Escompte > 0 {
		ex = append(ex, "Le net financier unitaire après escompte.")
	}
	ex = append(ex,
		fmt.Sprintf("Le montant HT, la TVA et le net à payer TTC pour %s.", qty),
		"Le taux de marge et le taux de marque au prix net commercial.",
		"Le coefficient multiplicateur (prix de vente TTC / coût d'achat HT).",
		"Le prix plancher unitaire HT et la remise totale maximale sur le prix catalogue.",
	)
	if w.instalments() {
		ex = append(ex, "Le montant des trois mensualités d'un paiement en 3 fois sans frais.")
	}
	if p.RetailHT > 0 {
		ex = append(ex, "Le taux de marque du distributeur s'il vend au prix conseillé.")
	}
	return ex
}

// What a seller aims at and asks about, by kind of client: the differences
// between clients as data.
type clientAims struct{ objective, discovery string }

var sellerAims = map[string]clientAims{
	ClientDistributeur: {"Obtenir le référencement de la gamme et un emplacement visible en magasin.",
		"Les ventes de la catégorie, la place disponible en rayon et les marges attendues par le magasin."},
	ClientParticulier: {"Faire signer le bon de commande en présence de toutes les personnes qui décident.",
		"Qui décide dans le foyer, qui paie, qui utilise."},
	ClientEntreprise: {"Identifier les membres du centre d'achat et obtenir un rendez-vous avec le décideur s'il est absent.",
		"Le processus d'achat : qui prescrit, qui décide, qui paie ; cahier des charges ou appel d'offres."},
}

// sellerByClient is the seller's aims for a client type; a business's when
// the type is another.
func sellerByClient(client string) clientAims {
	if a, ok := sellerAims[client]; ok {
		return a
	}
	return sellerAims[ClientEntreprise]
}

var focusObjective = map[string]string{
	StageDecouverte:    "Étape travaillée : la découverte. Faites exprimer les besoins par des questions ouvertes, reformulez et hiérarchisez-les avant toute proposition.",
	StageArgumentation: "Étape travaillée : l'argumentation. Reliez chaque caractéristique à un besoin exprimé (caractéristique, avantage, preuve) et démontrez.",
	StageObjections:    "Étape travaillée : le traitement des objections. Accueillez, reformulez, répondez et vérifiez que chaque objection est levée ; défendez le prix.",
	StageConclusion:    "Étape travaillée : la conclusion. Repérez les signaux d'achat, ne concédez rien sans contrepartie et formalisez l'accord.",
}

func sellerTitle(o Options) string {
	switch {
	case o.Diploma == "CCST":
		return "technico-commercial(e)"
	case o.Client == ClientDistributeur:
		return "commercial(e) chargé(e) de la grande distribution et des magasins indépendants"
	case o.Client == ClientParticulier:
		return "conseiller(ère) de vente"
	default:
		return "commercial(e) chargé(e) des entreprises"
	}
}
