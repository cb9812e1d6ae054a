package scenario

// The writer of one brief: context, client, narrative.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// writer draws one brief.
type writer struct {
	r      *rand.Rand
	o      Options
	gr     *grounded
	sector Sector
	b      *Brief
	offer  Offer
	used   map[string]bool // names already given
	rival  Cents           // the competitor's unit price, once drawn
	terms  string          // the seller's usual payment terms (professionals)
	// coopCap is the most, in percent of the year's purchases, the seller
	// may give a distributor for a promotion (coopération commerciale).
	coopCap int
	named   bool // the client is named by what it is ("la mairie de Niort")
	noDeal  bool // the buyer's ceiling is below the floor
}

// rivalPrice is the competitor's unit price HT, drawn once: the buyer's
// objection and the jury's event quote the same offer.
func (w *writer) rivalPrice() Cents {
	if w.rival == 0 {
		p := w.b.Pricing
		w.rival = clampRound(p.NetCommercial-pct(p.NetCommercial, 4+float64(w.r.IntN(10))), 1, p.NetCommercial)
		if !w.noDeal && w.o.Difficulty > 0 {
			// A buyer who demands alignment on the quote signs at its
			// price: the quote is never above the buyer's ceiling.
			w.rival = min(w.rival, w.ceiling())
		}
	}
	return w.rival
}

// rivalPct is how much cheaper the competitor's offer is, in whole percent
// of the seller's net price.
func (w *writer) rivalPct() int {
	nc := w.b.Pricing.NetCommercial
	return int((200*(nc-w.rivalPrice()) + nc) / (2 * nc))
}

// faster is the lead time a hurried client demands: a week less than the
// shortest offered, or three working days when that is one week.
func (w *writer) faster() string {
	if w.offer.Lead[0] <= 1 {
		return "trois jours ouvrés"
	}
	return quantity(w.offer.Lead[0]-1, "semaine")
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// pickN draws n distinct items, in the drawn order.
func pickN[T any](r *rand.Rand, list []T, n int) []T {
	idx := r.Perm(len(list))
	out := make([]T, 0, n)
	for _, i := range idx[:min(n, len(list))] {
		out = append(out, list[i])
	}
	return out
}

// clientWhere is the client and its city, once: « Hydragroup, Niort »,
// « la mairie de Niort ».
func (w *writer) clientWhere() string {
	c := w.b.Client
	if strings.Contains(c.Organisation, c.City) {
		return c.Organisation
	}
	return c.Organisation + ", " + c.City
}

// variant is the offer as one brief presents it: four of its specifics
// and three of its services, drawn, and a lead time a week longer in a
// busy season; its needs and objections are drawn later, from all of them.
func (o Offer) variant(r *rand.Rand) Offer {
	o.Specs = pickN(r, o.Specs, 4)
	o.Services = pickN(r, o.Services, 3)
	if r.IntN(2) == 0 { // a busy season: a week more
		o.Lead = [2]int{o.Lead[0] + 1, o.Lead[1] + 1}
	}
	return o
}

func (w *writer) companyName() string {
	for {
		c := theCatalogue()
		n := pick(w.r, c.NameStems) + pick(w.r, c.NameEnds)
		if !w.used[n] {
			w.used[n] = true
			return n
		}
	}
}

func (w *writer) person(j job) Person {
	for {
		names := theCatalogue().FirstNames
		i := w.r.IntN(len(names))
		p := Person{Civility: "M.", Job: j.Title, Role: j.Role}
		if i < len(names)/2 {
			p.Civility, p.Job = "Mme", j.TitleF
		}
		p.Name = names[i] + " " + pick(w.r, theCatalogue().LastNames)
		if !w.used[p.Name] {
			w.used[p.Name] = true
			return p
		}
	}
}

func (w *writer) write() *Brief {
	o, r := w.o, w.r
	w.used = map[string]bool{}
	w.offer = pick(r, w.sector.Offers)
	if o.Fiche == nil {
		w.offer = w.offer.variant(r)
	}
	b := &Brief{Options: o, Diploma: o.Diploma, ClientType: o.Client, Sector: w.sector.Name, NarrativeBy: "générateur"}
	w.b = b
	e := w.gr.exam.Epreuve
	b.Epreuve = e.Code + " — " + e.Title
	switch {
	case o.Diploma == "CCST" && o.Situation == 1:
		b.Situation = "Situation d'évaluation n°1 : préparation de la négociation"
	case o.Diploma == "CCST":
		b.Situation = "Situation d'évaluation n°2 : négociation simulée (paramètres modifiés par la commission)"
	default:
		b.Situation = "Seconde partie : simulation d'une situation de négociation construite par la commission"
	}
	w.context()
	w.client()
	if a := b.Client.Activity; o.Client == ClientDistributeur && !strings.Contains(a, "centrale") && !strings.Contains(a, "hypermarché") {
		// A shop orders the smaller quantities; a buying office or a
		// hypermarket the larger.
		w.offer.Quantities = w.offer.Quantities[:max(1, len(w.offer.Quantities)/2)]
	}
	b.Pricing = NewPricing(r, o.Difficulty, w.offer)
	if b.Client.Public && b.Pricing.Escompte > 0 {
		// A public buyer pays by administrative order within 30 days:
		// never cash, so no escompte.
		b.Pricing.Escompte = 0
		b.Pricing.compute()
	}
	if o.Client == ClientDistributeur {
		b.Pricing.SetRetail(1.35 + float64(r.IntN(6))*0.05)
	}
	// One difficult case in four has no deal: the buyer cannot pay the
	// seller's floor.
	w.noDeal = o.Difficulty == 3 && !b.Prepared() && r.IntN(4) == 0
	w.terms = pick(r, paymentTerms)
	w.carriage()
	w.seller()
	w.buyer()
	w.jury()
	w.kit()
	b.Narrative = w.narrative()
	b.Title = fmt.Sprintf("%s : %s pour %s", titleCase(w.offer.Name), b.Context.Company, b.Client.Organisation)
	return b
}

func (w *writer) context() {
	c := &w.b.Context
	c.Company = w.companyName() + " " + pick(w.r, legalForms)
	c.Activity = pick(w.r, w.sector.Sellers)
	if len(w.offer.Sellers) > 0 {
		c.Activity = pick(w.r, w.offer.Sellers)
	}
	c.City = pick(w.r, theCatalogue().Cities)
	if f := w.o.Fiche; f != nil {
		c.Company = f.Company
		if f.City != "" {
			c.City = f.City
		}
		if f.Cost == 0 {
			w.b.Note = fmt.Sprintf("Coût d'achat absent de la fiche : estimé à %.0f %% du prix catalogue pour les calculs.", 100*estimatedCostShare)
		}
	}
	c.Offer, c.Unit = w.offer.Name, w.offer.Unit
	c.Specs = w.offer.Specs
	c.Services = w.offer.Services
}

func (w *writer) client() {
	o, r := w.o, w.r
	c := &w.b.Client
	// The clients that buy this offer; a public buyer's order stays under
	// the formal tender thresholds.
	orgs := slices.DeleteFunc(slices.Clone(w.sector.Clients), func(g Org) bool {
		return o.Fiche == nil && (!g.buys(w.offer) || g.Public && w.offer.Cost[1] > publicCap)
	})
	if len(orgs) == 0 {
		orgs = w.sector.Clients
	}
	org := pick(r, orgs)
	c.Activity, c.Kind, c.Public = org.Activity, org.Kind, org.Public
	c.City = pick(r, theCatalogue().Cities)
	if o.Client == ClientParticulier {
		c.City = w.b.Context.City // a household buys near home
	}
	jobs := staffJobs[org.Staff]
	if jobs == nil && o.Client == ClientEntreprise {
		jobs = staffJobs[w.sector.Staff]
	}
	switch {
	case o.Client == ClientParticulier:
		jobs = householdJobs
		if strings.Contains(c.Activity, "jeune couple") {
			jobs = jobs[:2] // no grown-up child to come along
		}
	case jobs == nil && o.Client == ClientDistributeur:
		jobs = storeJobs
	case jobs == nil:
		jobs = b2bJobs
	}
	buyerJob := jobs[0]
	if o.Client != ClientParticulier {
		// Anyone but the gatekeeper.
		buyerJob = pick(r, slices.DeleteFunc(slices.Clone(jobs), func(j job) bool { return j.Role == "filtre" }))
	}
	c.Buyer = w.person(buyerJob)
	switch o.Client {
	case ClientParticulier:
		c.Organisation = "le foyer " + lastName(c.Buyer.Name)
		c.Place = pick(r, w.sector.Place)
	case ClientDistributeur:
		c.Organisation = w.companyName()
		c.Place = "au bureau de l'acheteur"
		if !strings.Contains(c.Buyer.Job, "centrale") && !strings.Contains(c.Buyer.Job, "achats") && !strings.Contains(c.Buyer.Job, "catégorie") {
			c.Place = "en magasin"
		}
	default:
		c.Organisation = w.companyName() + " " + pick(r, legalForms)
		if org.Named != "" {
			w.named = true
			name := w.companyName()
			c.Organisation = strings.NewReplacer(" de {city}", " "+de(c.City), " de {name}", " "+de(name), "{city}", c.City, "{name}", name).Replace(org.Named)
		}
		c.Place = "dans les locaux du client"
	}
	w.people(c, jobs, buyerJob)
	needs := w.offer.Needs
	if kn := kindNeeds[c.Kind]; len(kn) > 0 {
		// A distributor or an installer buys to resell or to fit: its
		// needs are its trade's, not the user's.
		needs = kn
	}
	c.Needs = pickN(r, org.needs(needs), 2+min(o.Difficulty, 1))
	c.Competitor = w.companyName()
	if f := o.Fiche; f != nil {
		w.fromFiche(c, f)
	}
	w.b.Client = *c
}

// people draws the buyer's character and motivation, and the others of
// the buying centre (a household's are one family).
func (w *writer) people(c *Client, jobs []job, buyerJob job) {
	o, r := w.o, w.r
	// Personality: harder ones at higher difficulty.
	var pool []personality
	for _, p := range personalities {
		if p.Hard <= o.Difficulty+1 && (o.Difficulty < 3 || p.Hard >= 2) {
			pool = append(pool, p)
		}
	}
	p := pick(r, pool)
	c.Personality = p.Style
	if c.Buyer.Civility == "Mme" {
		c.Personality = p.StyleF
	}
	m := pick(r, motivations)
	c.Motivation = m.Name
	// The buying centre: others who weigh on the decision.
	others := o.Difficulty - 1
	if o.Client == ClientParticulier {
		others = min(others, 1)
	}
	for _, j := range pickN(r, jobs, len(jobs)) {
		if len(c.Others) == others {
			break
		}
		if j.Role != buyerJob.Role && j.Title != buyerJob.Title {
			c.Others = append(c.Others, w.person(j))
		}
	}
	if o.Client == ClientParticulier {
		for i := range c.Others { // one family
			c.Others[i].Name = strings.Fields(c.Others[i].Name)[0] + " " + lastName(c.Buyer.Name)
		}
	}
}

// fromFiche puts the candidate's client in place of the one drawn: its
// name, city, buyer, needs and competitor, when the fiche gives them.
func (w *writer) fromFiche(c *Client, f *Fiche) {
	c.Organisation = f.Org
	if f.OrgActivity != "" {
		c.Activity = f.OrgActivity
	}
	if f.ClientCity != "" {
		c.City = f.ClientCity
	}
	if p, ok := parsePerson(f.Buyer); ok {
		p.Role = c.Buyer.Role
		c.Buyer = p
	}
	c.Needs = f.Needs
	if f.Competitor != "" {
		c.Competitor = f.Competitor
	}
}

// parsePerson reads « Mme Claire Martin, responsable des achats ».
func parsePerson(s string) (Person, bool) {
	name, job, _ := strings.Cut(s, ",")
	civ, rest, _ := strings.Cut(strings.TrimSpace(name), " ")
	if civ != "M." && civ != "Mme" || strings.TrimSpace(rest) == "" {
		return Person{}, false
	}
	return Person{Civility: civ, Name: strings.TrimSpace(rest), Job: strings.TrimSpace(job)}, true
}

func lastName(full string) string {
	_, last, _ := strings.Cut(full, " ")
	return last
}

// other names a member of the buying centre with the given job, or a new one.
func (w *writer) other(title string) Person {
	for _, x := range w.b.Client.Others {
		if strings.HasPrefix(x.Job, title) {
			return x
		}
	}
	j := householdJobs[1]
	p := w.person(j)
	p.Name = strings.Fields(p.Name)[0] + " " + lastName(w.b.Client.Buyer.Name)
	return p
}

// instalments reports whether the deal may be paid in three instalments
// without fees: a household's, not for a car (a car is financed by a loan
// or a lease).
func (w *writer) instalments() bool {
	return w.o.Client == ClientParticulier && w.offer.Unit != "véhicule"
}

// householdPayment is what a household pays when: nothing during the seven
// days of a doorstep sale (Code de la consommation, L221-10).
func (w *writer) householdPayment() string {
	s := "Paiement : acompte de 30 % à la commande, solde à la livraison"
	if w.b.Client.Place == "à son domicile" {
		s = "Paiement : aucun acompte ni paiement avant sept jours après la signature (vente hors établissement) ; solde à la livraison"
	}
	if w.instalments() {
		return s + " ; paiement en 3 fois sans frais possible."
	}
	return s + " ; financement possible par crédit affecté ou location avec option d'achat."
}

// spouseJoins is the event of a household's absent spouse joining.
func (w *writer) spouseJoins(x Person) string {
	who, absent := "Le conjoint", "absent"
	if x.female() {
		who, absent = "La conjointe", "absente"
	}
	return fmt.Sprintf("%s (%s), %s jusque-là, rejoint l'entretien et trouve le projet trop cher.", who, x, absent)
}

// narrative is the "mise en situation" read by everyone.
func (w *writer) narrative() string {
	b := w.b
	c := b.Client
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s, %s) propose notamment le produit suivant : %s. ", b.Context.Company, b.Context.Activity, b.Context.City, w.offer.Name)
	switch w.o.Client {
	case ClientParticulier:
		fmt.Fprintf(&s, "Le foyer %s, %s %s, s'intéresse à cette offre : vous recevez %s ; le rendez-vous a lieu %s.", lastName(c.Buyer.Name), c.Activity, to(c.City), c.Buyer, c.Place)
	case ClientDistributeur:
		fmt.Fprintf(&s, "%s, %s %s, pourrait référencer l'offre. Vous rencontrez %s, %s, %s.", capFirst(c.Organisation), c.Activity, to(c.City), c.Buyer, c.Buyer.Job, c.Place)
	default:
		fmt.Fprintf(&s, "%s", capFirst(c.Organisation))
		if !w.named {
			fmt.Fprintf(&s, ", %s", c.Activity)
		}
		if c.Kind != "" {
			fmt.Fprintf(&s, " (client %s)", c.Kind)
		}
		if !strings.Contains(c.Organisation, c.City) {
			// "la mairie de Grenoble" is not "à Grenoble" again.
			fmt.Fprintf(&s, " %s", to(c.City))
		}
		if !w.named {
			// The comma closes the apposition, "…, distributeur à Lyon,".
			s.WriteString(",")
		}
		fmt.Fprintf(&s, " a un projet. Vous rencontrez %s, %s, %s.", c.Buyer, c.Buyer.Job, c.Place)
	}
	fmt.Fprintf(&s, " Quantité en jeu : %s.", quantity(b.Pricing.Quantity, w.offer.Unit))
	return s.String()
}
