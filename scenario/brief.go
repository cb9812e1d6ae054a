// Package scenario writes negotiation simulation briefs for teachers: a
// context, a client, the seller's, buyer's and jury's sheets, for the oral
// épreuve E4 of the BTS CCST (technico-commercial negotiation, situation 1 or
// 2) and of the BTS NRC (particulier, entreprise or distributeur, savoirs
// S75–S77).
//
// The generator is deterministic: the same options and seed give the same
// brief. Figures come from the pricing arithmetic (exact, in cents), the
// épreuve's timings, compétences and criteria from the référentiel itself,
// quoted with their lines.
package scenario

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

// Stages of the sale a brief may focus on.
const (
	StageDecouverte    = "découverte"
	StageArgumentation = "argumentation"
	StageObjections    = "objections"
	StageConclusion    = "conclusion"
)

// Stages lists the stages in the order of a sale.
var Stages = []string{StageDecouverte, StageArgumentation, StageObjections, StageConclusion}

// Options choose a brief. Zero values are drawn from the seed.
type Options struct {
	Diploma    string `json:"diploma"`    // NRC or CCST
	Situation  int    `json:"situation"`  // CCST: 1 (préparation) or 2 (simulation, default)
	Sector     string `json:"sector"`     // a sector of the catalogue (accents and case ignored)
	Client     string `json:"client"`     // NRC: particulier, entreprise, distributeur
	Difficulty int    `json:"difficulty"` // 1–3, default 2
	Focus      string `json:"focus"`      // a stage; "" for the whole interview
	Seed       uint64 `json:"seed"`
}

// ErrOption is wrapped by every error due to a bad option; its message is
// French and meant for the user.
var ErrOption = errors.New("option invalide")

func badOption(format string, args ...any) error {
	return fmt.Errorf("%w : %s", ErrOption, fmt.Sprintf(format, args...))
}

// Person is someone of the brief.
type Person struct {
	Civility string `json:"civility"` // M. or Mme
	Name     string `json:"name"`
	Job      string `json:"job"`
	Role     string `json:"role"` // role in the buying centre
}

// String is "Mme Camille Martin".
func (p Person) String() string { return p.Civility + " " + p.Name }

// Context is the seller's company and offer.
type Context struct {
	Company  string   `json:"company"`
	Activity string   `json:"activity"`
	City     string   `json:"city"`
	Offer    string   `json:"offer"`
	Unit     string   `json:"unit"`
	Specs    []string `json:"specs"`
	Services []string `json:"services"`
}

// Client is the organisation (or household) and the people the seller meets.
type Client struct {
	Organisation string   `json:"organisation"`
	Activity     string   `json:"activity"`
	Kind         string   `json:"kind,omitempty"` // CCST: intégrateur, utilisateur, distributeur, installateur
	City         string   `json:"city"`
	Place        string   `json:"place"` // where the interview takes place
	Buyer        Person   `json:"buyer"`
	Personality  string   `json:"personality"`
	Motivation   string   `json:"motivation"` // SONCAS
	Others       []Person `json:"others,omitempty"`
	Needs        []string `json:"needs"`
	Objections   []string `json:"objections"`
	Competitor   string   `json:"competitor"`
}

// Risk is the client's financial situation (CCST, compétence C1.3).
type Risk struct {
	Revenue     Cents  `json:"revenue"` // chiffre d'affaires annuel HT
	PaymentDays int    `json:"payment_days"`
	Incidents   int    `json:"incidents"` // payment incidents over 12 months
	Share       string `json:"share"`     // the deal TTC as a share of the revenue
	Level       string `json:"level"`
	Advice      string `json:"advice"`
}

// Seller is the seller's sheet: what the candidate receives.
type Seller struct {
	Role       string   `json:"role"`
	Objectives []string `json:"objectives"`
	Discovery  []string `json:"discovery"`
	Margin     []string `json:"margin"` // margin of manoeuvre
	Exercises  []string `json:"exercises"`
	Legal      []string `json:"legal,omitempty"`
	Risk       *Risk    `json:"risk,omitempty"`
}

// Buyer is the buyer's sheet: for whoever plays the client.
type Buyer struct {
	Play           []string `json:"play"`
	Hidden         []string `json:"hidden"`
	Ceiling        Cents    `json:"ceiling"` // unit price HT above which the buyer walks away
	WalkAway       string   `json:"walk_away"`
	HeldObjections []string `json:"held_objections"`
	SignIf         []string `json:"sign_if"`
}

// Parameter is a change the commission makes, with what it expects.
type Parameter struct {
	Change   string `json:"change"`
	Expected string `json:"expected"`
	// Price is the unit price HT the change names (a budget, a competitor's
	// offer), zero when it names none.
	Price Cents  `json:"price,omitempty"`
	Kind  string `json:"kind"` // budget, concurrent, délai, paiement, participant, quantité, rétractation, coopération, référencement
}

// KeyLine is one line of the answer key.
type KeyLine struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Jury is the jury's sheet.
type Jury struct {
	Parameters  []Parameter `json:"parameters"`
	Modified    *Quote      `json:"modified,omitempty"` // the text that lets the commission modify parameters
	Timing      []string    `json:"timing"`             // from the model
	TimingRefs  []Quote     `json:"timing_refs"`
	Competences []Quote     `json:"competences"`
	Criteria    []Quote     `json:"criteria"`
	Observe     []string    `json:"observe"`
	Questions   []string    `json:"questions,omitempty"` // CCST situation 1: for the interview
	Key         []KeyLine   `json:"key"`
	Grounding   []Quote     `json:"grounding"` // what the brief's setting rests on
}

// Brief is a complete simulation brief.
type Brief struct {
	Options    Options `json:"options"` // as resolved
	Title      string  `json:"title"`
	Diploma    string  `json:"diploma"`
	Epreuve    string  `json:"epreuve"`
	Situation  string  `json:"situation"`
	ClientType string  `json:"client_type"`
	Sector     string  `json:"sector"`
	Narrative  string  `json:"narrative"`
	// NarrativeBy is "générateur" or the language model that rewrote it.
	NarrativeBy string  `json:"narrative_by"`
	Note        string  `json:"note,omitempty"`
	Context     Context `json:"context"`
	Client      Client  `json:"client"`
	Pricing     Pricing `json:"pricing"`
	Seller      Seller  `json:"seller"`
	Buyer       Buyer   `json:"buyer"`
	Jury        Jury    `json:"jury"`
}

// Generator writes briefs from the référentiels of a corpus.
type Generator struct {
	corpus *corpus.Corpus
	exams  map[string]*grounded
}

// grounded is what one diploma's référentiel gives the briefs.
type grounded struct {
	text   *text
	exam   *exam
	trades map[string]Quote   // CCST: sector name → its line in the list of trades
	kinds  Quote              // CCST: the kinds of client organisations
	client map[string][]Quote // NRC: client type → savoir S75/S76/S77
	margin Quote              // NRC S74: what is negotiable
}

// NRC savoirs of each client type.
var clientSavoir = map[string]string{ClientParticulier: "S75", ClientEntreprise: "S76", ClientDistributeur: "S77"}

// NewGenerator reads, in every référentiel of c that describes a negotiation
// épreuve E4 (NRC, CCST), what the briefs quote. It fails when a text lacks
// what the catalogue relies on.
func NewGenerator(c *corpus.Corpus) (*Generator, error) {
	g := &Generator{corpus: c, exams: map[string]*grounded{}}
	for _, d := range c.Docs {
		var sectors []Sector
		switch d.Meta.Diploma {
		case "CCST":
			sectors = ccstSectors
		case "NRC":
		default:
			continue
		}
		t := newText(d)
		x, err := loadExam(t)
		if err != nil {
			return nil, err
		}
		gr := &grounded{text: t, exam: x, trades: map[string]Quote{}, client: map[string][]Quote{}}
		if sectors != nil {
			list := trades(t)
			for _, s := range sectors {
				i := slices.IndexFunc(list, func(q Quote) bool { return q.Text == s.Name })
				if i < 0 {
					return nil, fmt.Errorf("secteur %q absent de la liste des métiers du BTS %s", s.Name, d.Meta.Diploma)
				}
				gr.trades[s.Name] = list[i]
			}
			if q, ok := t.locate(tutor.Lines{1, len(t.lines)}, "La nature de l'activité de l'entreprise cliente (intégrateur, utilisateur, distributeur, installateur)"); ok {
				gr.kinds = q
			}
		} else {
			for ct, code := range clientSavoir {
				qs, err := savoirQuotes(t, code)
				if err != nil {
					return nil, err
				}
				gr.client[ct] = qs
			}
			if s, ok := d.Model.Savoir("S74"); ok {
				gr.margin, _ = t.locate(s.Lines, "Distinguer dans la marge de manœuvre ce qui est négociable de ce qui ne l'est pas")
			}
		}
		g.exams[d.Meta.Diploma] = gr
	}
	if len(g.exams) == 0 {
		return nil, errors.New("aucun référentiel ne décrit d'épreuve de négociation (E4 du BTS NRC ou CCST)")
	}
	return g, nil
}

// Diplomas lists the diplomas briefs can be written for.
func (g *Generator) Diplomas() []string {
	var out []string
	for _, d := range g.corpus.Diplomas() {
		if g.exams[d] != nil {
			out = append(out, d)
		}
	}
	return out
}

// Sectors lists the sector names for a diploma and client type ("" for all).
func (g *Generator) Sectors(diploma, client string) []string {
	var out []string
	for _, s := range sectorsFor(strings.ToUpper(diploma), client) {
		out = append(out, s.Name)
	}
	return out
}

func sectorsFor(diploma, client string) []Sector {
	var out []Sector
	if diploma == "" || diploma == "CCST" {
		out = append(out, ccstSectors...)
	}
	if diploma == "" || diploma == "NRC" {
		for _, ct := range ClientTypes {
			if client == "" || client == ct {
				out = append(out, nrcSectors[ct]...)
			}
		}
	}
	return out
}

// resolve checks the options and fills the ones left to the seed.
func (g *Generator) resolve(o Options, r *rand.Rand) (Options, Sector, error) {
	var sector Sector
	o.Diploma = strings.ToUpper(strings.TrimSpace(o.Diploma))
	ds := g.Diplomas()
	if o.Diploma == "" {
		o.Diploma = ds[r.IntN(len(ds))]
	} else if !slices.Contains(ds, o.Diploma) {
		return o, sector, badOption("diplôme « %s » inconnu (choisissez %s)", tutor.Clip(o.Diploma, 20), strings.Join(ds, " ou "))
	}
	if o.Difficulty == 0 {
		o.Difficulty = 2
	}
	if o.Difficulty < 1 || o.Difficulty > 3 {
		return o, sector, badOption("la difficulté va de 1 à 3")
	}
	if o.Focus != "" {
		f := tutor.Fold(strings.TrimSpace(o.Focus))
		i := slices.IndexFunc(Stages, func(s string) bool { return tutor.Fold(s) == f })
		if i < 0 {
			return o, sector, badOption("étape « %s » inconnue (choisissez %s)", tutor.Clip(o.Focus, 30), strings.Join(Stages, ", "))
		}
		o.Focus = Stages[i]
	}
	client := tutor.Fold(strings.TrimSpace(o.Client))
	switch o.Diploma {
	case "CCST":
		if client != "" && client != ClientEntreprise && client != "professionnel" {
			return o, sector, badOption("en CCST, la négociation est technico-commerciale, avec un client professionnel (B to B) : l'option client ne s'applique pas")
		}
		o.Client = ClientEntreprise
		if o.Situation == 0 {
			o.Situation = 2
		}
		if o.Situation != 1 && o.Situation != 2 {
			return o, sector, badOption("l'épreuve E4 du BTS CCST a deux situations d'évaluation : 1 (préparation) ou 2 (négociation simulée)")
		}
	case "NRC":
		if o.Situation != 0 {
			return o, sector, badOption("l'option situation ne concerne que le BTS CCST")
		}
		if client == "" {
			if o.Sector == "" {
				o.Client = ClientTypes[r.IntN(len(ClientTypes))]
			}
		} else if i := slices.Index(ClientTypes, client); i >= 0 {
			o.Client = ClientTypes[i]
		} else {
			return o, sector, badOption("type de client « %s » inconnu (choisissez %s)", tutor.Clip(o.Client, 30), strings.Join(ClientTypes, ", "))
		}
	}
	if o.Sector != "" {
		want := tutor.Fold(strings.TrimSpace(o.Sector))
		var found []Sector
		for _, ct := range append([]string{""}, ClientTypes...) {
			if o.Diploma == "CCST" && ct != "" || o.Diploma == "NRC" && ct == "" {
				continue
			}
			var list []Sector
			if ct == "" {
				list = ccstSectors
			} else if o.Client == "" || o.Client == ct {
				list = nrcSectors[ct]
			}
			for _, s := range list {
				if strings.Contains(tutor.Fold(s.Name), want) {
					found = append(found, s)
					if o.Diploma == "NRC" {
						o.Client = ct
					}
				}
			}
		}
		if len(found) == 0 {
			return o, sector, badOption("secteur « %s » inconnu en %s (secteurs : %s)", tutor.Clip(o.Sector, 40), o.Diploma, strings.Join(g.Sectors(o.Diploma, o.Client), ", "))
		}
		sector = found[0]
	} else {
		list := sectorsFor(o.Diploma, o.Client)
		sector = list[r.IntN(len(list))]
	}
	o.Sector = sector.Name
	return o, sector, nil
}

// Generate writes the brief the options and seed call for.
func (g *Generator) Generate(o Options) (*Brief, error) {
	r := rand.New(rand.NewPCG(o.Seed, 0x5ce7a210))
	o, sector, err := g.resolve(o, r)
	if err != nil {
		return nil, err
	}
	gr := g.exams[o.Diploma]
	w := &writer{r: r, o: o, gr: gr, sector: sector}
	return w.write(), nil
}

// writer draws one brief.
type writer struct {
	r      *rand.Rand
	o      Options
	gr     *grounded
	sector Sector
	b      *Brief
	offer  Offer
	used   map[string]bool // names already given
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

func (w *writer) companyName() string {
	for {
		n := pick(w.r, nameStems) + pick(w.r, nameEnds)
		if !w.used[n] {
			w.used[n] = true
			return n
		}
	}
}

func (w *writer) person(j job) Person {
	for {
		i := w.r.IntN(len(firstNames))
		p := Person{Civility: "M.", Job: j.Title, Role: j.Role}
		if i < 20 {
			p.Civility, p.Job = "Mme", j.TitleF
		}
		p.Name = firstNames[i] + " " + pick(w.r, lastNames)
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
	b.Pricing = NewPricing(r, o.Difficulty, w.offer)
	if o.Client == ClientDistributeur {
		b.Pricing.SetRetail(1.35 + float64(r.IntN(6))*0.05)
	}
	w.seller()
	w.buyer()
	w.jury()
	b.Narrative = w.narrative()
	b.Title = fmt.Sprintf("%s : %s pour %s", titleCase(w.offer.Name), b.Context.Company, b.Client.Organisation)
	return b
}

func (w *writer) context() {
	c := &w.b.Context
	c.Company = w.companyName() + " " + pick(w.r, legalForms)
	c.Activity = pick(w.r, w.sector.Sellers)
	c.City = pick(w.r, cities)
	c.Offer, c.Unit = w.offer.Name, w.offer.Unit
	c.Specs = w.offer.Specs
	c.Services = w.offer.Services
}

func (w *writer) client() {
	o, r := w.o, w.r
	c := &w.b.Client
	org := pick(r, w.sector.Clients)
	c.Activity, c.Kind = org.Activity, org.Kind
	c.City = pick(r, cities)
	var jobs []job
	switch o.Client {
	case ClientParticulier:
		jobs = householdJobs
	case ClientDistributeur:
		jobs = distributorJobs
	default:
		jobs = b2bJobs
	}
	var buyerJob job
	if o.Client == ClientParticulier {
		buyerJob = jobs[0]
	} else {
		buyerJob = pick(r, jobs[:len(jobs)-1]) // never the gatekeeper
		if o.Client == ClientDistributeur {
			buyerJob = pick(r, jobs)
		}
	}
	c.Buyer = w.person(buyerJob)
	switch o.Client {
	case ClientParticulier:
		c.Organisation = "le foyer " + lastName(c.Buyer.Name)
		c.Place = pick(r, w.sector.Place)
	case ClientDistributeur:
		c.Organisation = w.companyName()
		c.Place = "au bureau de l'acheteur"
		if strings.Contains(c.Buyer.Job, "rayon") || strings.Contains(c.Buyer.Job, "magasin") {
			c.Place = "en magasin"
		}
	default:
		c.Organisation = w.companyName() + " " + pick(r, legalForms)
		if org.Named != "" {
			c.Organisation = strings.NewReplacer("{city}", c.City, "{name}", w.companyName()).Replace(org.Named)
		}
		c.Place = "dans les locaux du client"
	}
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
	c.Needs = pickN(r, w.offer.Needs, 2+min(o.Difficulty, 1))
	c.Competitor = w.companyName()
	w.b.Client = *c
}

func lastName(full string) string {
	_, last, _ := strings.Cut(full, " ")
	return last
}

// objections draws the objections of the interview, the offer's own first.
func (w *writer) objections() []string {
	o, r := w.o, w.r
	n := 2 + o.Difficulty
	if o.Focus == StageObjections {
		n++
	}
	var out []string
	out = append(out, pickN(r, w.offer.Objections, 1+r.IntN(len(w.offer.Objections)))...)
	price := false
	pct := 5 + r.IntN(8)
	weeks := max(w.offer.Lead[0]-1, 1)
	for _, c := range pickN(r, commonObjections, len(commonObjections)) {
		if len(out) >= n {
			break
		}
		if o.Client == ClientParticulier && (c.Category == "décision" || c.Category == "concurrence") || c.Category == "prix" && price {
			continue
		}
		price = price || c.Category == "prix"
		t := strings.NewReplacer("{competitor}", w.b.Client.Competitor, "{pct}", fmt.Sprint(pct), "{weeks}", quantity(weeks, "semaine")).Replace(c.Text)
		out = append(out, t)
	}
	return out
}

func (w *writer) seller() {
	b, o, p := w.b, w.o, w.b.Pricing
	s := &b.Seller
	qty := quantity(p.Quantity, w.offer.Unit)
	s.Role = fmt.Sprintf("Vous êtes %s chez %s, %s à %s.", sellerTitle(o), b.Context.Company, b.Context.Activity, b.Context.City)
	if o.Diploma == "CCST" && o.Situation == 1 {
		s.Role = fmt.Sprintf("Vous préparez la négociation que vous mènerez comme technico-commercial(e) chez %s, %s à %s.", b.Context.Company, b.Context.Activity, b.Context.City)
	}
	s.Objectives = []string{
		fmt.Sprintf("Conclure la vente de %s — %s — sans descendre sous le prix plancher.", qty, w.offer.Name),
		fmt.Sprintf("Vendre au moins un service associé : %s.", strings.Join(w.offer.Services, ", ")),
	}
	switch o.Client {
	case ClientDistributeur:
		s.Objectives = append(s.Objectives, "Obtenir le référencement de la gamme et un emplacement visible en magasin.")
	case ClientParticulier:
		s.Objectives = append(s.Objectives, "Faire signer le bon de commande en présence de toutes les personnes qui décident.")
	default:
		s.Objectives = append(s.Objectives, "Identifier les membres du centre d'achat et obtenir un rendez-vous avec le décideur s'il est absent.")
	}
	if o.Focus != "" {
		s.Objectives = append(s.Objectives, focusObjective[o.Focus])
	}
	s.Discovery = []string{
		"La situation actuelle : équipement ou fournisseur en place, satisfaction, problèmes rencontrés.",
		"Les besoins et leur priorité, les critères de choix.",
		"Le budget, le mode de financement et le calendrier de décision.",
	}
	switch o.Client {
	case ClientParticulier:
		s.Discovery = append(s.Discovery, "Qui décide dans le foyer, qui paie, qui utilise.")
	case ClientDistributeur:
		s.Discovery = append(s.Discovery, "Les ventes de la catégorie, la place disponible en rayon et les marges attendues par le magasin.")
	default:
		s.Discovery = append(s.Discovery, "Le processus d'achat : qui prescrit, qui décide, qui paie ; cahier des charges ou appel d'offres.")
	}
	// Margin of manoeuvre.
	s.Margin = []string{
		fmt.Sprintf("Prix catalogue : %s par %s (TVA %s%s).", w.money(p.ListPrice), w.offer.Unit, pctStr(p.TVA), tvaNote(w.offer)),
		fmt.Sprintf("Coût d'achat : %s HT par %s ; taux de marge minimal : %s.", p.UnitCost, w.offer.Unit, pctStr(p.MinMarginRate)),
	}
	if p.Quantity > 1 {
		s.Margin = append(s.Margin, fmt.Sprintf("Remise de quantité accordée pour %s : %s.", qty, pctStr(p.VolumeRebate)))
	} else {
		s.Margin = append(s.Margin, fmt.Sprintf("Remise commerciale habituelle : %s.", pctStr(p.VolumeRebate)))
	}
	if p.LoyaltyRebate > 0 {
		what := "Remise de lancement (première commande d'un nouveau client)"
		switch o.Client {
		case ClientParticulier:
			what = "Remise promotionnelle (opération du mois)"
		case ClientDistributeur:
			what = "Remise de référencement (première commande)"
		}
		s.Margin = append(s.Margin, fmt.Sprintf("%s, après la première remise : %s.", what, pctStr(p.LoyaltyRebate)))
	}
	if p.Escompte > 0 {
		s.Margin = append(s.Margin, fmt.Sprintf("Escompte pour paiement comptant : %s.", pctStr(p.Escompte)))
	}
	switch o.Client {
	case ClientParticulier:
		s.Margin = append(s.Margin, "Paiement : acompte de 30 % à la commande, solde à la livraison ; paiement en 3 fois sans frais possible.")
	default:
		s.Margin = append(s.Margin, "Conditions de paiement habituelles : 30 jours fin de mois.")
	}
	s.Margin = append(s.Margin,
		fmt.Sprintf("Délai de livraison ou d'installation : %d à %d semaines.", w.offer.Lead[0], w.offer.Lead[1]),
		fmt.Sprintf("Services associés que vous pouvez offrir ou vendre en contrepartie : %s.", strings.Join(w.offer.Services, ", ")),
	)
	if p.RetailHT > 0 {
		per := "par " + w.offer.Unit
		if strings.Contains(w.offer.Unit, " de ") {
			per = "pour le contenu d'un " + w.offer.Unit
		}
		s.Margin = append(s.Margin, fmt.Sprintf("Prix de vente conseillé au consommateur : %s TTC %s.", p.RetailTTC, per))
	}
	// Exercises (the key is on the jury's sheet).
	s.Exercises = []string{"Le prix net commercial unitaire après remise(s)."}
	if p.Escompte > 0 {
		s.Exercises = append(s.Exercises, "Le net financier unitaire après escompte.")
	}
	s.Exercises = append(s.Exercises,
		fmt.Sprintf("Le montant HT, la TVA et le net à payer TTC pour %s.", qty),
		"Le taux de marge et le taux de marque au prix net commercial.",
		"Le coefficient multiplicateur (prix de vente TTC / coût d'achat HT).",
		"Le prix plancher unitaire HT et la remise totale maximale sur le prix catalogue.",
	)
	if o.Client == ClientParticulier {
		s.Exercises = append(s.Exercises, "Le montant des trois mensualités d'un paiement en 3 fois sans frais.")
	}
	if p.RetailHT > 0 {
		s.Exercises = append(s.Exercises, "Le taux de marque du distributeur s'il vend au prix conseillé.")
	}
	if o.Client == ClientParticulier && b.Client.Place == "à son domicile" {
		s.Legal = append(s.Legal, "Vente hors établissement : remettez le contrat et le formulaire de rétractation ; le client dispose de 14 jours pour se rétracter.")
	}
	if o.Diploma == "CCST" {
		s.Risk = w.risk()
	}
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

func (w *writer) risk() *Risk {
	r, p := w.r, w.b.Pricing
	k := &Risk{PaymentDays: 35 + 5*r.IntN(13), Incidents: max(0, r.IntN(5)-2)}
	k.Revenue = p.TotalTTC * Cents(8+r.IntN(150)) / 100 * 100
	share := 100 * float64(p.TotalTTC) / float64(k.Revenue)
	k.Share = pctStr(round2(share))
	switch {
	case k.Incidents > 0 || k.PaymentDays > 75 || share > 10:
		k.Level = "élevé"
		k.Advice = "acompte de 30 % à la commande, solde à 30 jours fin de mois, et accord de l'assurance-crédit avant la livraison"
	case k.PaymentDays > 60 || share > 4:
		k.Level = "modéré"
		k.Advice = "vérifier la cotation du client et limiter le délai de paiement à 30 jours fin de mois"
	default:
		k.Level = "faible"
		k.Advice = "conditions habituelles (30 jours fin de mois)"
	}
	return k
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
	// The walk-away: between the floor and the net price, tighter when harder.
	frac := []float64{0.8, 0.5, 0.2}[o.Difficulty-1]
	bs.Ceiling = clampRound(p.Floor+Cents(frac*float64(p.NetCommercial-p.Floor)), p.Floor, p.NetCommercial)
	if o.Client == ClientParticulier { // a household's limit is a round sum, tax included
		for ttc := (bs.Ceiling + pct(bs.Ceiling, p.TVA)) / 1000 * 1000; ttc > 0; ttc -= 100 {
			h, ok := htFor(ttc, p.TVA)
			if h < p.Floor {
				break
			}
			if ok && h <= p.NetCommercial {
				bs.Ceiling = h
				break
			}
		}
	}
	bs.WalkAway = fmt.Sprintf("Au-delà de %s par %s, vous ne signez pas aujourd'hui.", w.money(bs.Ceiling), w.offer.Unit)
	if p.Quantity > 1 {
		bs.WalkAway = fmt.Sprintf("Au-delà de %s par %s (soit %s pour %d), vous ne signez pas aujourd'hui.", w.money(bs.Ceiling), w.offer.Unit, w.money(bs.Ceiling*Cents(p.Quantity)), p.Quantity)
	}
	ask := int(p.MaxDiscount) + 3 + r.IntN(6)
	bs.Hidden = []string{
		fmt.Sprintf("Vos besoins réels, par ordre d'importance : %s.", strings.Join(c.Needs, " ; ")),
		fmt.Sprintf("Vous avez déjà un devis de %s, mais sans les services associés.", c.Competitor),
		fmt.Sprintf("Vous ouvrez en demandant %d %% de remise sur le prix catalogue.", ask),
	}
	if len(c.Others) > 0 {
		var names []string
		for _, x := range c.Others {
			names = append(names, fmt.Sprintf("%s (%s, rôle de %s)", x, x.Job, x.Role))
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
		fmt.Sprintf("Un service associé offert (%s) peut compenser un prix supérieur à votre objectif, sans dépasser votre plafond.", pick(r, w.offer.Services)),
	}
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
		t := fmt.Sprintf("Forme ponctuelle : épreuve orale de %s", e.Duration)
		if e.Preparation != "" {
			t += fmt.Sprintf(", préparation de %s", e.Preparation)
		}
		j.Timing = append(j.Timing, t+fmt.Sprintf(" (règlement d'examen, BTS %s, %s).", o.Diploma, e.Lines))
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
	} else {
		j.Parameters = nil
	}
	j.Observe = w.observe()
	if o.Diploma == "CCST" && o.Situation == 1 {
		j.Questions = w.questions()
	}
	j.Key = w.key()
}

// parameters draws the changes the commission makes, with their figures.
func (w *writer) parameters() []Parameter {
	b, o, r, p := w.b, w.o, w.r, w.b.Pricing
	unit, q := w.offer.Unit, p.Quantity
	var pool []Parameter
	// A budget: reachable above the floor, or not at difficulty 3.
	if o.Difficulty < 3 {
		u := clampRound(p.Floor+(b.Buyer.Ceiling-p.Floor)/2, p.Floor, b.Buyer.Ceiling)
		pool = append(pool, Parameter{Kind: "budget", Price: u,
			Change:   w.budget(u),
			Expected: fmt.Sprintf("Accord possible au-dessus du prix plancher (%s HT par %s), à condition d'obtenir une contrepartie.", p.Floor, unit),
		})
	} else {
		u := clampRound(p.Floor-pct(p.Floor, 3+float64(r.IntN(5))), 1, p.Floor-1)
		pool = append(pool, Parameter{Kind: "budget", Price: u,
			Change:   w.budget(u),
			Expected: fmt.Sprintf("Ce budget est sous le prix plancher (%s HT par %s) : le candidat refuse de s'aligner et propose une autre solution (quantité, services, échéancier).", p.Floor, unit),
		})
	}
	// A competitor's price.
	cp := clampRound(p.NetCommercial-pct(p.NetCommercial, 4+float64(r.IntN(10))), 1, p.NetCommercial)
	exp := "Sous le prix plancher : le candidat ne s'aligne pas et valorise la différence (services, délais, garanties)."
	if cp >= p.Floor {
		exp = fmt.Sprintf("Alignement possible (plancher : %s HT) mais coûteux : le candidat chiffre la marge restante et demande une contrepartie.", p.Floor)
	}
	pool = append(pool, Parameter{Kind: "concurrent", Price: cp, Change: fmt.Sprintf("L'acheteur cite une offre de %s à %s par %s.", b.Client.Competitor, w.money(cp), unit), Expected: exp})
	// Lead time.
	pool = append(pool, Parameter{Kind: "délai",
		Change:   fmt.Sprintf("Le client exige une livraison sous %s, au lieu de %d à %d.", quantity(max(w.offer.Lead[0]-1, 1), "semaine"), w.offer.Lead[0], w.offer.Lead[1]),
		Expected: "Le candidat vérifie la faisabilité avant de s'engager et propose une solution (livraison partielle, matériel de prêt).",
	})
	switch o.Client {
	case ClientParticulier:
		pool = append(pool, Parameter{Kind: "paiement",
			Change:   fmt.Sprintf("Le client demande à payer en 3 fois sans frais (net à payer : %s TTC).", p.TotalTTC),
			Expected: fmt.Sprintf("Mensualités : %s, puis 2 × %s ; le candidat présente le financement comme un argument.", p.Instalment, p.Instalment2),
		})
		if place := b.Client.Place; place != "à son domicile" {
			pool = append(pool, Parameter{Kind: "rétractation",
				Change:   "Le client demande s'il pourra changer d'avis après avoir signé.",
				Expected: fmt.Sprintf("Vente conclue %s : pas de droit légal de rétractation (un geste commercial reste possible) ; le candidat le dit clairement.", place),
			})
		}
		pool = append(pool, Parameter{Kind: "participant",
			Change:   fmt.Sprintf("Le conjoint (%s), absent jusque-là, rejoint l'entretien et trouve le projet trop cher.", w.other("conjoint")),
			Expected: "Le candidat reformule les besoins du foyer pour le nouveau venu et adapte son argumentation.",
		})
	case ClientDistributeur:
		coop := pct(p.TotalHT, 3+float64(r.IntN(4)))
		pool = append(pool, Parameter{Kind: "coopération",
			Change:   fmt.Sprintf("L'acheteur exige un budget de coopération commerciale de %s pour une tête de gondole pendant deux semaines.", clampRound(coop, 1, coop+100)),
			Expected: "Le candidat accepte une participation chiffrée en échange d'engagements écrits (durée, emplacement, quantités), ou propose une animation.",
		})
		pool = append(pool, Parameter{Kind: "référencement",
			Change:   "L'acheteur menace de ne pas référencer la gamme si le délai de réapprovisionnement dépasse une semaine.",
			Expected: "Le candidat rassure avec des engagements de service (stock dédié, réassort) sans promettre l'impossible.",
		})
	default:
		days := 60
		exp := "Délai légal (60 jours à compter de la date d'émission de la facture) : le candidat peut l'accepter contre une contrepartie ou proposer l'escompte pour paiement comptant."
		if o.Difficulty == 3 {
			days = 90
			exp = "Délai illégal : le délai de paiement entre professionnels ne peut dépasser 60 jours à compter de la date d'émission de la facture (ou 45 jours fin de mois) ; le candidat le rappelle avec tact."
		}
		pool = append(pool, Parameter{Kind: "paiement", Change: fmt.Sprintf("L'acheteur demande un paiement à %d jours.", days), Expected: exp})
		if len(b.Client.Others) > 0 {
			x := b.Client.Others[0]
			pool = append(pool, Parameter{Kind: "participant",
				Change:   fmt.Sprintf("%s (%s) rejoint l'entretien au bout de dix minutes.", x, x.Job),
				Expected: fmt.Sprintf("Le candidat identifie son rôle (%s) et reformule pour lui l'essentiel.", x.Role),
			})
		}
		q2 := q * 2
		pool = append(pool, Parameter{Kind: "quantité",
			Change:   fmt.Sprintf("La quantité passe de %d à %d %s.", q, q2, plural(unit, q2)),
			Expected: fmt.Sprintf("Le candidat recalcule le total ; la remise totale reste sous %s.", pctStr(p.MaxDiscount)),
		})
	}
	n := 2
	if o.Difficulty == 3 {
		n = 3
	}
	return pickN(r, pool, n)
}

// money shows a unit price: HT for professionals, TTC first for households.
func (w *writer) money(ht Cents) string {
	if w.o.Client == ClientParticulier {
		return fmt.Sprintf("%s TTC (%s HT)", ht+pct(ht, w.b.Pricing.TVA), ht)
	}
	return ht.String() + " HT"
}

// budget is the parameter where the buyer announces a budget of u per unit.
func (w *writer) budget(u Cents) string {
	q, unit := w.b.Pricing.Quantity, w.offer.Unit
	if q == 1 {
		return fmt.Sprintf("L'acheteur annonce un budget de %s.", w.money(u))
	}
	return fmt.Sprintf("L'acheteur annonce un budget de %s pour %s (%s par %s).", w.money(u*Cents(q)), quantity(q, unit), w.money(u), unit)
}

// quantity is "20 robinets", "1 borne", "0 incident de paiement".
func quantity(n int, unit string) string { return fmt.Sprintf("%d %s", n, plural(unit, n)) }

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

func (w *writer) observe() []string {
	o := w.o
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
	if o.Diploma == "CCST" && o.Situation == 1 {
		out = append(out, "Analyse du contexte technico-commercial, du risque client et du risque affaire ; objectifs et stratégie de négociation justifiés.")
	}
	for _, p := range personalities {
		if p.Style == w.b.Client.Personality || p.StyleF == w.b.Client.Personality {
			out = append(out, "Face à un acheteur au style "+p.Style+" : "+p.Signal)
		}
	}
	return out
}

// questions are what the commission may ask after the presentation of a
// prepared negotiation (CCST situation 1: C1.1 and C1.3).
func (w *writer) questions() []string {
	c := w.b.Client
	return []string{
		fmt.Sprintf("Qui compose le centre d'achat de %s et quel est le rôle de %s ?", c.Organisation, c.Buyer),
		"Quels objectifs vous fixez-vous (objectif principal, objectif de repli) et pourquoi ?",
		"Comment avez-vous évalué le risque client ? Quelles conditions de paiement proposez-vous ?",
		fmt.Sprintf("Quels arguments techniques opposez-vous à l'offre de %s ?", c.Competitor),
		"Jusqu'où pouvez-vous descendre et que demanderez-vous en contrepartie de chaque concession ?",
		"Quels outils d'aide à la négociation avez-vous préparés ?",
	}
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
		KeyLine{"Coefficient multiplicateur", fmt.Sprintf("%s TTC / %s = %s", pct(p.NetCommercial, 100+p.TVA), p.UnitCost, decimal(p.Multiplier, 4))},
		KeyLine{"Prix plancher unitaire HT", fmt.Sprintf("%s × (1 + %s) = %s", p.UnitCost, pctStr(p.MinMarginRate), p.Floor)},
		KeyLine{"Remise totale maximale", pctStr(p.MaxDiscount)},
		KeyLine{"Plafond de l'acheteur", fmt.Sprintf("%s par %s", w.money(w.b.Buyer.Ceiling), w.offer.Unit)},
	)
	if p.Escompte > 0 {
		k = append(k, KeyLine{"Remarque", "les taux de marge et de marque se calculent au prix net commercial : l'escompte est une réduction financière"})
	}
	if w.o.Client == ClientParticulier {
		k = append(k, KeyLine{"Paiement en 3 fois", fmt.Sprintf("%s puis 2 × %s", p.Instalment, p.Instalment2)})
	}
	if p.RetailHT > 0 {
		k = append(k, KeyLine{"Marque du distributeur", fmt.Sprintf("prix conseillé %s TTC, soit %s HT : (%s − %s) / %s = %s", p.RetailTTC, p.RetailHT, p.RetailHT, p.NetCommercial, p.RetailHT, pctStr(p.RetailMarkup))})
	}
	if k2 := w.b.Seller.Risk; k2 != nil {
		k = append(k, KeyLine{"Risque client", fmt.Sprintf("commande de %s du chiffre d'affaires, paiement à %d jours, %s : risque %s ; %s", k2.Share, k2.PaymentDays, quantity(k2.Incidents, "incident de paiement"), k2.Level, k2.Advice)})
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

// narrative is the "mise en situation" read by everyone.
func (w *writer) narrative() string {
	b := w.b
	c := b.Client
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s, %s) propose notamment : %s. ", b.Context.Company, b.Context.Activity, b.Context.City, w.offer.Name)
	switch w.o.Client {
	case ClientParticulier:
		fmt.Fprintf(&s, "Le foyer %s, %s à %s, s'intéresse à cette offre : vous recevez %s ; le rendez-vous a lieu %s.", lastName(c.Buyer.Name), c.Activity, c.City, c.Buyer, c.Place)
	case ClientDistributeur:
		fmt.Fprintf(&s, "%s, %s à %s, pourrait référencer l'offre. Vous rencontrez %s, %s, %s.", c.Organisation, c.Activity, c.City, c.Buyer, c.Buyer.Job, c.Place)
	default:
		fmt.Fprintf(&s, "%s, %s", c.Organisation, c.Activity)
		if c.Kind != "" {
			fmt.Fprintf(&s, " (client %s)", c.Kind)
		}
		fmt.Fprintf(&s, " à %s, a un projet. Vous rencontrez %s, %s, %s.", c.City, c.Buyer, c.Buyer.Job, c.Place)
	}
	fmt.Fprintf(&s, " Quantité en jeu : %s.", quantity(b.Pricing.Quantity, w.offer.Unit))
	return s.String()
}

// plural puts a unit in the plural for n > 1 ("borne" → "bornes",
// "lot de 10 outils" → "lots de 10 outils"): the first word takes the mark.
func plural(unit string, n int) string {
	if n <= 1 || unit == "m³" {
		return unit
	}
	first, rest, _ := strings.Cut(unit, " ")
	switch {
	case strings.HasSuffix(first, "s") || strings.HasSuffix(first, "x"):
	case strings.HasSuffix(first, "eau"):
		first += "x"
	default:
		first += "s"
	}
	if rest != "" {
		return first + " " + rest
	}
	return first
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// pctStr formats a percentage the French way: "12,5 %".
func pctStr(v float64) string { return decimal(v, 2) + " %" }

// decimal formats v with at most n decimals and a comma.
func decimal(v float64, n int) string {
	s := fmt.Sprintf("%.*f", n, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", ",", 1)
}

func tvaNote(o Offer) string {
	if o.TVANote == "" {
		return ""
	}
	return " : " + o.TVANote
}
