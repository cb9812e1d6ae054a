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
	said := map[string]bool{} // one objection of each category
	for _, c := range pickN(r, commonObjections, len(commonObjections)) {
		if len(out) >= n {
			break
		}
		if o.Client == ClientParticulier && (c.Category == "décision" || c.Category == "concurrence") || said[c.Category] {
			continue
		}
		said[c.Category] = true
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
	aims := sheet.objectives
	if b.Client.Buyer.Role == "décideur" {
		// The one who decides is met: no one else to reach.
		aims = slices.DeleteFunc(slices.Clone(aims), func(a string) bool { return strings.Contains(a, "décideur") })
	}
	s.Objectives = append(s.Objectives, pick(w.r, aims))
	switch {
	case o.Focus != "" && b.Prepared():
		s.Objectives = append(s.Objectives, focusPrepared[o.Focus])
	case o.Focus != "":
		s.Objectives = append(s.Objectives, focusObjective[o.Focus])
	}
	pool := discoveryPool
	if o.Client == ClientDistributeur {
		// A shop resells: it neither uses nor installs.
		pool = slices.DeleteFunc(slices.Clone(pool), func(d string) bool {
			return strings.HasPrefix(d, "L'usage") || strings.HasPrefix(d, "Les contraintes d'installation")
		})
	}
	s.Discovery = append(pickN(w.r, pool, 3), pick(w.r, sheet.discovery))
	s.Margin = w.margin(qty)
	s.Exercises = w.exercises(qty)
	if o.Client == ClientParticulier && b.Client.Place == "à son domicile" {
		s.Legal = append(s.Legal, "Vente hors établissement : remettez le contrat et le formulaire de rétractation ; le client dispose de 14 jours pour se rétracter.")
	}
	if o.Client == ClientDistributeur {
		s.Legal = append(s.Legal, "Avec un distributeur, remises, ristournes et coopération commerciale sont fixées dans la convention annuelle écrite (Code de commerce, L441-3).")
	}
	if o.Client == ClientParticulier && (b.Client.Place == "en salle d'exposition" || b.Client.Place == "sur une unité de vente") {
		s.Legal = append(s.Legal, "Vente conclue dans vos locaux : pas de droit légal de rétractation (un geste commercial reste possible) ; un crédit affecté qui finance l'achat reste rétractable pendant 14 jours.")
	}
	if o.Client == ClientParticulier && b.Client.Place == "en salon" {
		s.Legal = append(s.Legal, "Vente sur une foire ou un salon : pas de droit de rétractation ; vous devez le dire au client avant la signature, et le contrat l'indique dans un encadré (un crédit affecté reste, lui, rétractable pendant 14 jours).")
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
		fmt.Sprintf("Prix catalogue : %s par %s (%s).", w.money(p.ListPrice), w.offer.Unit, w.tvaLabel()),
		fmt.Sprintf("%s : %s HT par %s ; taux de marge minimal : %s.", w.costLabel(), p.UnitCost, w.offer.Unit, pctStr(p.MinMarginRate)),
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
		m = append(m, fmt.Sprintf("Conditions de paiement habituelles : %s.", w.terms))
	}
	m = append(m,
		fmt.Sprintf("%s : %d à %d semaines.", w.leadLabel(), w.offer.Lead[0], w.offer.Lead[1]),
		fmt.Sprintf("Services associés que vous pouvez offrir ou vendre en contrepartie : %s.", strings.Join(w.offer.Services, ", ")),
	)
	m = append(m, w.toolbox()...)
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
	total := fmt.Sprintf("Le montant HT, la TVA et le net à payer TTC pour %s.", qty)
	if w.offer.TVAExempt {
		total = fmt.Sprintf("Le montant net à payer pour %s (sans TVA).", qty)
	}
	ex = append(ex, total,
		"Le taux de marge et le taux de marque au prix net commercial.",
		fmt.Sprintf("Le coefficient multiplicateur (prix de vente %s / %s HT).", w.ttc(), lowerFirst(w.costLabel())),
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
// between clients as data. One objective and one point to discover are
// drawn for each brief.
type clientAims struct{ objectives, discovery []string }

var sellerAims = map[string]clientAims{
	ClientDistributeur: {
		[]string{"Obtenir le référencement de la gamme et un emplacement visible en magasin.",
			"Faire entrer au moins deux références de la gamme dès la première commande.",
			"Obtenir une opération de mise en avant (tête de gondole, animation) dans les trois mois."},
		[]string{"Les ventes de la catégorie, la place disponible en rayon et les marges attendues par le magasin.",
			"Les fournisseurs déjà référencés et les conditions qu'ils accordent (remises, ristournes, coopération commerciale).",
			"Les temps forts commerciaux du magasin : saisons, foires, opérations promotionnelles."}},
	ClientParticulier: {
		[]string{"Faire signer le bon de commande en présence de toutes les personnes qui décident.",
			"Faire signer aujourd'hui, ou fixer un second rendez-vous daté avec toutes les personnes qui décident.",
			"Vendre la solution qui répond au besoin principal du foyer, pas la plus chère."},
		[]string{"Qui décide dans le foyer, qui paie, qui utilise.",
			"Le projet du foyer : ce qui a déclenché la démarche et l'échéance souhaitée.",
			"Le financement envisagé : comptant, crédit, aides éventuelles."}},
	ClientEntreprise: {
		[]string{"Identifier les membres du centre d'achat et obtenir un rendez-vous avec le décideur s'il est absent.",
			"Obtenir une commande ferme, ou à défaut un essai daté suivi d'une décision.",
			"Faire de ce client un compte suivi : première commande et rendez-vous de suivi planifié."},
		[]string{"Le processus d'achat : qui prescrit, qui décide, qui paie ; cahier des charges ou appel d'offres.",
			"Les enjeux de l'entreprise : croissance, mise en conformité, coûts, image.",
			"Les indicateurs qui diront au client que l'achat est réussi."}},
}

// discoveryPool is what any seller may set out to discover; three are
// drawn for each brief, with one of the client type's.
var discoveryPool = []string{
	"La situation actuelle : équipement ou fournisseur en place, satisfaction, problèmes rencontrés.",
	"Les besoins et leur priorité, les critères de choix.",
	"Le budget, le mode de financement et le calendrier de décision.",
	"L'usage prévu : qui s'en servira, combien de fois, dans quelles conditions.",
	"Les expériences passées avec des fournisseurs : ce qui a plu, ce qui a déçu.",
	"Les contraintes d'installation, de livraison ou de place.",
	"Ce qui ferait décider maintenant plutôt que dans six mois.",
	"Les solutions déjà étudiées et les offres concurrentes reçues.",
}

// carriage draws the free-carriage threshold (franco de port), below the
// deal's amount, and the flat fee under it: professionals only.
func (w *writer) carriage() {
	w.coopCap = 2 + w.r.IntN(3)
	p := &w.b.Pricing
	if w.b.ClientType == ClientParticulier || w.offer.Service || p.UnitCost >= heavyGoods {
		return // nothing shipped, or delivered by the seller's own means
	}
	share := Cents(3 + w.r.IntN(6)) // tenths of the amount
	p.Franco = roundDown(p.TotalHT*share/10, 50_00)
	if p.Franco == 0 {
		p.Franco = roundDown(p.TotalHT*share/10, 10_00)
	}
	p.Carriage = Cents(pick(w.r, []int{25, 35, 45, 60, 90})) * 100
}

// leadLabel names the lead time as the offer has one: a service is set up,
// goods are delivered or installed.
func (w *writer) leadLabel() string {
	if w.offer.Service {
		return "Délai de mise en place"
	}
	return "Délai de livraison ou d'installation"
}

// leadNoun is what a lead time brings: a service set up, goods delivered.
func (w *writer) leadNoun() string {
	if w.offer.Service {
		return "une mise en place"
	}
	return "une livraison"
}

// leadRemedy is how a seller meets a shorter lead time than its own.
func (w *writer) leadRemedy() string {
	switch {
	case w.offer.Service:
		return "démarrage par étapes, renfort d'équipe, date de lancement ferme"
	case w.o.Client == ClientDistributeur:
		return "livraison partielle du stock de lancement, réassort programmé"
	case w.o.Client == ClientParticulier:
		return "modèle d'exposition ou équivalent en stock, date ferme écrite sur le bon de commande"
	default:
		return "livraison partielle, matériel de prêt, modèle équivalent en stock"
	}
}

// Thresholds of the toolbox: goods this dear are delivered by the seller,
// not shipped; a deal this large may be leased; a public order this dear
// would call for a formal tender.
const (
	heavyGoods = 5_000_00
	leaseMin   = 10_000_00
	publicCap  = 100_000 // euros of unit cost
)

// kindNeeds are the needs of a client that resells (distributeur) or fits
// (installateur) what it buys.
var kindNeeds = map[string][]string{
	"distributeur": {"compléter sa gamme avec un produit qui se vend", "une marge correcte à la revente", "un fournisseur qui livre vite et sans rupture",
		"un soutien technique et commercial pour ses vendeurs", "des conditions annuelles claires (remises, ristourne)"},
	"installateur": {"poser vite et sans retour de chantier", "un fournisseur qui forme ses équipes", "des produits disponibles quand le chantier démarre",
		"une assistance technique au démarrage", "une marge correcte sur la fourniture"},
}

// roundDown rounds c down to a multiple of step.
func roundDown(c, step Cents) Cents { return c / step * step }

// paymentTerms are the usual terms between professionals, all within the
// legal limits (60 days from the invoice, or 45 days end of month).
var paymentTerms = []string{"30 jours fin de mois", "45 jours fin de mois", "30 jours à compter de la date de facture", "60 jours à compter de la date de facture"}

// atLegalMax reports whether usual terms are already the longest the law
// allows: no longer payment can be conceded.
func atLegalMax(terms string) bool {
	return terms == "45 jours fin de mois" || terms == "60 jours à compter de la date de facture"
}

// toolbox is the rest of the seller's commercial levers, by client type:
// carriage paid, year-end rebate and back margin for a distributor, lease
// for a firm, and what a rabais is for.
func (w *writer) toolbox() []string {
	b, r, p := w.b, w.r, w.b.Pricing
	var out []string
	switch {
	case p.Franco > 0:
		out = append(out, fmt.Sprintf("Frais de port : franco de port à partir de %s HT de commande ; en dessous, forfait de %s HT.", p.Franco, p.Carriage))
	case b.ClientType != ClientParticulier && !w.offer.Service:
		out = append(out, "Livraison : transport et déchargement compris dans le prix (matériel livré par nos soins).")
	}
	switch {
	case b.ClientType == ClientDistributeur:
		out = append(out,
			fmt.Sprintf("Ristourne de fin d'année : %d %% des achats de l'année au-delà de %s HT.", 1+r.IntN(3), roundDown(p.TotalHT*Cents(3+r.IntN(4)), 1000_00)),
			fmt.Sprintf("Coopération commerciale (marge arrière) : jusqu'à %d %% des achats de l'année, contre une mise en avant facturée par le magasin (tête de gondole, prospectus).", w.coopCap))
	case b.ClientType == ClientEntreprise && !b.Client.Public && !w.offer.Service && p.TotalHT >= leaseMin:
		out = append(out, pick(r, []string{
			"Financement possible : location financière sur 36 ou 48 mois, loyers calculés par notre partenaire.",
			"Financement possible : crédit-bail sur 3 à 5 ans, avec option d'achat en fin de contrat.",
		}))
	}
	return append(out, "Rabais : seulement pour un défaut constaté ou un retard de livraison, jamais comme argument de vente.")
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

// focusPrepared is a stage to work on in a preparation presented to the
// commission (CCST situation 1): what to prepare for it, not how to lead it.
var focusPrepared = map[string]string{
	StageDecouverte:    "Étape à approfondir dans votre préparation : la découverte. Préparez votre plan de questions (ouvertes, fermées, alternatives) et ce que vous devez apprendre du client avant toute proposition.",
	StageArgumentation: "Étape à approfondir dans votre préparation : l'argumentation. Préparez un argumentaire qui relie chaque caractéristique à un besoin du client (caractéristique, avantage, preuve).",
	StageObjections:    "Étape à approfondir dans votre préparation : les objections. Préparez une réponse argumentée à chaque objection du dossier client, et la défense de votre prix.",
	StageConclusion:    "Étape à approfondir dans votre préparation : la conclusion. Préparez vos concessions et leurs contreparties, votre objectif de repli et la formalisation de l'accord.",
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
