package scenario

// What teachers' own fiches have besides the role sheets: a grading grid
// with points, a timing plan, the candidate's preparation sheet, the
// documents of the negotiation and a debrief guide.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Kit is the teacher's material around the simulation.
type Kit struct {
	Grid        []GridRow `json:"grid"`        // the épreuve's criteria, with points out of GridTotal
	Plan        []string  `json:"plan"`        // preparation, phases and the minutes the events come
	Prepare     []string  `json:"prepare"`     // what the candidate prepares
	Bring       []string  `json:"bring"`       // what the candidate brings
	Concessions []string  `json:"concessions"` // what each concession is traded for
	PriceList   []string  `json:"price_list"`  // the seller's tariff
	OrderForm   []string  `json:"order_form"`  // the bon de commande to fill in
	RivalQuote  []string  `json:"rival_quote"` // the competitor's quote the buyer holds
	Debrief     []string  `json:"debrief"`     // questions for the interview after
	Self        []string  `json:"self"`        // the candidate's self-assessment
}

// GridRow is a criterion of the épreuve, quoted, and its points.
type GridRow struct {
	Criterion Quote `json:"criterion"`
	Points    int   `json:"points"`
}

// GridTotal is what the grid is marked out of.
const GridTotal = 20

// grid shares GridTotal points among the épreuve's criteria, as evenly as
// whole points allow (the first ones get the remainder).
func (w *writer) grid() []GridRow {
	crit := w.b.Jury.Criteria
	if len(crit) == 0 {
		return nil
	}
	rows := make([]GridRow, len(crit))
	for i, q := range crit {
		rows[i] = GridRow{Criterion: q, Points: GridTotal / len(crit)}
		if i < GridTotal%len(crit) {
			rows[i].Points++
		}
	}
	return rows
}

// reSimulation finds the length of the simulation the text states ("20
// minutes de simulation"); the NRC's "seconde partie (30 minutes au
// maximum)" holds the simulation and the interview, and gives none.
var reSimulation = regexp.MustCompile(`(\d+) minutes de simulation`)

// plan is the timing: the preparation, when the candidate receives the
// situation as the commission modified it (both texts: the modified
// situation « est proposée au candidat lors de la période de
// préparation »), and the oral as the text states it.
func (w *writer) plan() []string {
	b, e := w.b, w.gr.exam.Epreuve
	if len(w.gr.exam.Situations) > 0 {
		return w.situationPlan()
	}
	var out []string
	if e.Preparation != "" {
		got := "la fiche vendeur et les documents"
		if len(b.Jury.Parameters) > 0 {
			got += ", et la situation modifiée par la commission"
		}
		out = append(out, fmt.Sprintf("Préparation : %s (le candidat reçoit %s).", e.Preparation, got))
	}
	out = append(out, w.modifiedPlan()...)
	if e.Duration != "" {
		out = append(out, fmt.Sprintf("Épreuve orale : %s au total.", e.Duration))
	}
	for _, q := range b.Jury.TimingRefs {
		if strings.Contains(q.Text, "partie") {
			out = append(out, capFirst(strings.TrimSuffix(q.Text, " :"))+".")
		}
	}
	return append(out, w.negotiationPlan(0), "Fin : conclusion et prise de congé, puis entretien avec la commission (guide de débriefing).")
}

func (w *writer) modifiedPlan() []string {
	var out []string
	for _, p := range w.b.Jury.Parameters {
		out = append(out, "Situation modifiée, remise au candidat avec sa fiche : "+lowerFirst(p.Change))
	}
	return out
}

func (w *writer) negotiationPlan(minutes int) string {
	long := ""
	if minutes > 0 {
		long = fmt.Sprintf(" (%d minutes)", minutes)
	}
	return "Négociation" + long + " : prise de contact, découverte, argumentation ; la personne qui joue le client fait vivre la situation modifiée (fiche acheteur), la commission observe sans intervenir."
}

var (
	reExpose    = regexp.MustCompile(`(\d+) minutes maximales d'exposé`)
	reInterview = regexp.MustCompile(`(\d+) minutes d'entretien`)
)

// situationPlan is the timing of one situation of a text that splits the
// épreuve in two (the CCST): the text times the situations only in the
// ponctuelle form's two parts, the first for the presentation of the
// preparation, the second for the simulation; the plan takes the part of
// the situation and says so. The ponctuelle form's hour of preparation is
// for its second part; in CCF, the first situation presents a dossier
// prepared beforehand and the second's preparation is the commission's
// choice.
func (w *writer) situationPlan() []string {
	b, e := w.b, w.gr.exam.Epreuve
	part, talk, interview, sim := "", 0, 0, 0
	for _, q := range b.Jury.TimingRefs {
		if m := reExpose.FindStringSubmatch(q.Text); m != nil {
			talk, _ = strconv.Atoi(m[1])
		}
		if m := reSimulation.FindStringSubmatch(q.Text); m != nil {
			sim, _ = strconv.Atoi(m[1])
		}
		if m := reInterview.FindStringSubmatch(q.Text); m != nil {
			interview, _ = strconv.Atoi(m[1])
			part = strings.SplitN(q.Text, " (", 2)[0]
		}
	}
	inter := "Entretien avec la commission"
	if interview > 0 {
		inter += fmt.Sprintf(" (%d minutes)", interview)
	}
	from := ""
	if part != "" {
		from = fmt.Sprintf(" Durées de la %s de l'épreuve ponctuelle : le texte ne minute pas les situations du CCF.", part)
	}
	if b.Prepared() {
		pres := "Présentation orale de la préparation"
		if talk > 0 {
			pres += fmt.Sprintf(" (%d minutes au plus)", talk)
		}
		return []string{
			"Avant l'épreuve : le candidat prépare la négociation à partir de la fiche vendeur, du dossier client et des documents (en CCF, sa fiche descriptive est constituée au préalable).",
			pres + " : contexte, risque client et risque affaire, objectifs, stratégie et outils de négociation." + from,
			inter + " : questions de la fiche jury, pour approfondir l'analyse de la situation présentée.",
		}
	}
	prep := "Préparation : durée laissée à la discrétion de la commission"
	if e.Preparation != "" {
		prep += fmt.Sprintf(" (forme ponctuelle : %s)", e.Preparation)
	}
	out := []string{prep + " ; le candidat reçoit la fiche vendeur, les documents et la situation modifiée par la commission."}
	out = append(out, w.modifiedPlan()...)
	return append(out, w.negotiationPlan(sim)+from,
		inter+" : la valeur ajoutée apportée (conseils, prescription) et les actions à envisager à la suite (guide de débriefing).")
}

// kit assembles the teacher's material once the sheets are written.
func (w *writer) kit() {
	b, p := w.b, w.b.Pricing
	k := &b.Kit
	k.Grid = w.grid()
	k.Plan = w.plan()
	k.Prepare = []string{"Les calculs de la fiche vendeur (« À calculer avant l'entretien »), posés et vérifiés."}
	k.Prepare = append(k.Prepare,
		"Pour chaque besoin probable, un argument : caractéristique, avantage pour ce client, preuve.",
		"Une réponse à chaque objection probable (prix, concurrent, délai, décision).",
		"Vos concessions et ce que vous demandez en échange de chacune (tableau ci-dessous).")
	k.Bring = []string{"La fiche vendeur et les documents ci-dessous (tarif, bon de commande).", "Une calculatrice et vos calculs préparés."}
	if b.Seller.Risk != nil {
		k.Bring = append(k.Bring, "Votre analyse du risque client et les conditions de paiement que vous proposez.")
	}
	k.Concessions = w.concessions()
	k.PriceList = w.priceList()
	k.OrderForm = w.orderForm()
	k.RivalQuote = []string{
		fmt.Sprintf("Devis %s : %s.", de(b.Client.Competitor), w.offer.Name),
		fmt.Sprintf("Prix : %s par %s, pour %s.", w.money(w.rivalPrice()), w.offer.Unit, quantity(p.Quantity, w.offer.Unit)),
		pick(w.r, []string{"Services associés : aucun.", "Services associés : aucun, le prix seul.", "Aucun service associé, rien au-delà de l'offre de base."}),
		fmt.Sprintf("Délai : %d à %d semaines.", w.offer.Lead[0]+1, w.offer.Lead[1]+2),
	}
	if b.Prepared() {
		// A preparation presented: what it rests on, not an interview.
		k.Debrief = []string{
			"Qu'est-ce qui, dans le contexte du client, a guidé vos objectifs ?",
			"Comment avez-vous mesuré le risque client, et quelles conditions en tirez-vous ?",
			"Quel outil préparé vous semble le plus utile face à ce client, et pourquoi ?",
			"Quelles concessions avez-vous prévues, et contre quoi ?",
			"Que changeriez-vous à votre préparation ?",
		}
	} else {
		w.interviewDebrief()
	}
	for _, r := range k.Grid {
		k.Self = append(k.Self, "☐ "+r.Criterion.Text)
	}
}

// interviewDebrief are the questions after a simulated interview.
func (w *writer) interviewDebrief() {
	b, k := w.b, &w.b.Kit
	k.Debrief = []string{
		"Quels besoins avez-vous découverts, et comment les avez-vous reformulés ?",
		"Quel argument a le plus porté, et à quel besoin répondait-il ?",
	}
	if len(b.Client.Objections) > 0 {
		k.Debrief = append(k.Debrief, fmt.Sprintf("Comment avez-vous traité l'objection « %s » ?", b.Client.Objections[0]))
	}
	k.Debrief = append(k.Debrief,
		"Quelle concession avez-vous faite, et qu'avez-vous obtenu en échange ?",
		"À quel moment avez-vous proposé de conclure, et pourquoi à ce moment-là ?",
		"Que feriez-vous autrement avec ce client ?")
	if len(w.gr.exam.Situations) > 0 {
		// The CCST's interview after the simulation: what the text asks.
		k.Debrief = append(k.Debrief,
			"Quelle valeur ajoutée, en conseils et en prescription, avez-vous apportée au client pendant la négociation ?",
			"Quelles actions technico-commerciales envisagez-vous à la suite de cette négociation ?")
	}
}

// concessions says what the seller may give and what each is traded for.
func (w *writer) concessions() []string {
	b := w.b
	trade := "une quantité plus grande ou un engagement de commandes sur l'année"
	if b.ClientType == ClientParticulier {
		trade = "la signature aujourd'hui ou la souscription d'un service payant"
	}
	out := []string{
		fmt.Sprintf("Remise supplémentaire (jamais sous votre prix plancher, à calculer) : contre %s.", trade),
		fmt.Sprintf("Service associé offert (%s) : contre la signature aujourd'hui.", strings.Join(w.offer.Services[:min(2, len(w.offer.Services))], " ou ")),
	}
	switch {
	case b.ClientType == ClientParticulier:
		out = append(out, "Date d'installation ou de livraison choisie par le client : contre la signature du bon de commande aujourd'hui.")
	case b.Client.Public:
		out = append(out, "Durée de validité de l'offre prolongée : contre une commande ferme dès le vote du budget.")
	case atLegalMax(w.terms):
		out = append(out, "Facturation échelonnée (une facture par livraison ou par étape, chacune à vos conditions habituelles, déjà au maximum légal) : contre une commande plus importante.")
	case b.Seller.Risk != nil:
		// The candidate analyses the risk: the sheet does not give the answer.
		out = append(out, "Délai de paiement : selon votre analyse du risque client ; un allongement seulement si le risque le permet, et contre une contrepartie.")
	default:
		s := "Délai de paiement (dans la limite légale de 60 jours) : contre une commande plus importante"
		if b.Pricing.Escompte > 0 {
			s += " ; l'escompte récompense au contraire un paiement comptant"
		}
		out = append(out, s+".")
	}
	if b.ClientType == ClientDistributeur {
		out = append(out, "Participation à une animation en magasin : contre un référencement de la gamme et un emplacement en tête de gondole.")
	}
	return out
}

// priceList is the seller's tariff, as the client may see it: prices,
// rebates and conditions, not the cost nor the floor.
func (w *writer) priceList() []string {
	p := w.b.Pricing
	out := []string{fmt.Sprintf("%s — prix catalogue : %s par %s (%s).", capFirst(w.offer.Name), w.money(p.ListPrice), w.offer.Unit, w.tvaLabel())}
	if p.Quantity > 1 {
		out = append(out, fmt.Sprintf("Remise de quantité : %s à partir de %s.", pctStr(p.VolumeRebate), quantity(p.Quantity, w.offer.Unit)))
	} else if p.VolumeRebate > 0 {
		out = append(out, fmt.Sprintf("Remise commerciale : %s.", pctStr(p.VolumeRebate)))
	}
	if p.Escompte > 0 {
		out = append(out, fmt.Sprintf("Escompte pour paiement comptant : %s.", pctStr(p.Escompte)))
	}
	out = append(out,
		fmt.Sprintf("%s : %d à %d semaines.", w.leadLabel(), w.offer.Lead[0], w.offer.Lead[1]),
		fmt.Sprintf("Services associés, en option : %s.", strings.Join(w.offer.Services, ", ")))
	return out
}

// amountLine is the order form's line for the amounts.
func (w *writer) amountLine() string {
	if w.offer.TVAExempt {
		return "Montant : ____ (" + w.tvaLabel() + ") ; net à payer : ____."
	}
	return "Montant HT : ____ ; TVA : ____ ; net à payer TTC : ____."
}

// orderForm is the bon de commande the deal is written on.
func (w *writer) orderForm() []string {
	b := w.b
	out := []string{
		fmt.Sprintf("Vendeur : %s. Client : %s.", b.Context.Company, w.clientWhere()),
		fmt.Sprintf("Désignation : %s. Quantité : ____ %s.", w.offer.Name, plural(w.offer.Unit, 2)),
		"Prix unitaire HT : ____ ; remise(s) : ____ ; prix net unitaire HT : ____.",
		w.amountLine(),
		"Conditions de paiement : ____ ; " + lowerFirst(w.leadLabel()) + " : ____.",
		"Services associés inclus : ____.",
		"Date, signature du client et du vendeur.",
	}
	if b.ClientType == ClientParticulier && b.Client.Place == "à son domicile" {
		out = append(out, "Joint : le formulaire de rétractation (14 jours) ; aucun paiement avant sept jours.")
	}
	return out
}
