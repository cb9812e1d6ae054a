package scenario

import (
	"slices"
	"strings"
)

// The catalogues the generator draws from. CCST sectors are named exactly as
// in the référentiel's list of trades (a test holds the two together); NRC
// sectors are grouped by the three client types of savoirs S75–S77.

// Offer is what the seller sells, with what a deal on it needs.
type Offer struct {
	Name       string   `json:"name"`
	Unit       string   `json:"unit"`     // what one item of the quantity is
	Specs      []string `json:"specs"`    // technical and commercial specifics
	Services   []string `json:"services"` // associated services the seller may trade
	Cost       [2]int   `json:"cost"`     // unit cost range, euros HT
	Quantities []int    `json:"quantities"`
	Lead       [2]int   `json:"lead_weeks"`          // delivery or installation lead time, weeks
	TVA        float64  `json:"tva,omitempty"`       // percent; 0 means 20
	TVANote    string   `json:"tva_note,omitempty"`  // why a reduced rate applies
	RoundTTC   bool     `json:"round_ttc,omitempty"` // the list price is round tax included (households)
	// TVAExempt is an offer outside TVA (continuing vocational training,
	// CGI art. 261-4-4° a); TVANote says why.
	TVAExempt  bool     `json:"tva_exempt,omitempty"`
	List       Cents    `json:"-"` // a list price given (a candidate's fiche), else drawn
	Needs      []string `json:"needs"`
	Objections []string `json:"objections"` // specific to the offer
	// Sellers, when set, are the companies that sell this offer, in place
	// of the sector's.
	Sellers []string `json:"sellers,omitempty"`
	// Service is an intangible offer (software, subscription, training):
	// nothing is shipped nor leased.
	Service bool `json:"service,omitempty"`
	// Margin, when set, is the trade's own margins, in percent: the least
	// the seller may take, and the room the list price leaves above it
	// (a car dealer's are thin). Else they are drawn by difficulty.
	Margin [2]float64 `json:"margin,omitempty"`
}

// Sector groups offers with the organisations that sell and buy them.
type Sector struct {
	Name    string   `json:"name"`
	Sellers []string `json:"sellers"` // what the seller's company is
	Clients []Org    `json:"clients"`
	Offers  []Offer  `json:"offers"`
	Place   []string `json:"place,omitempty"` // where the meeting takes place (particuliers: S75)
	// Staff, when set, is whom a firm without staff of its own (see
	// Org.Staff) deals with the sector's offers: an industrial SME buys
	// its software through its offices, not its workshop.
	Staff string `json:"staff,omitempty"`
}

// Org is a kind of client organisation.
type Org struct {
	Kind     string `json:"kind,omitempty"` // CCST: intégrateur, utilisateur, distributeur, installateur
	Activity string `json:"activity"`
	// Named, when set, is how the organisation is named instead of a
	// company name and legal form: {city} and {name} are filled in.
	Named string `json:"named,omitempty"`
	// Public buyers (a town hall, a lycée) pay within the legal 30 days of
	// public procurement, by administrative order: no revenue to analyse,
	// no bank loan to wait for.
	Public bool `json:"public,omitempty"`
	// Buys, when set, are the offers this client buys (words of their
	// names, lower case); else all of the sector's.
	Buys []string `json:"buys,omitempty"`
	// Avoid are words of needs this client cannot have (retired people do
	// not ride to work).
	Avoid []string `json:"avoid,omitempty"`
	// Staff names who works there (a key of staffJobs); else the client
	// type's.
	Staff string `json:"staff,omitempty"`
}

// buys reports whether the organisation buys the offer.
func (o Org) buys(x Offer) bool {
	if len(o.Buys) == 0 {
		return true
	}
	for _, w := range o.Buys {
		if strings.Contains(x.Name, w) {
			return true
		}
	}
	return false
}

// needs keeps the needs this client may have.
func (o Org) needs(needs []string) []string {
	return slices.DeleteFunc(slices.Clone(needs), func(n string) bool {
		return slices.ContainsFunc(o.Avoid, func(w string) bool { return strings.Contains(n, w) })
	})
}

// Client types.
const (
	ClientParticulier  = "particulier"
	ClientEntreprise   = "entreprise"
	ClientDistributeur = "distributeur"
)

// ClientTypes lists the NRC client types in order.
var ClientTypes = []string{ClientParticulier, ClientEntreprise, ClientDistributeur}

// Buyers' jobs (masculine and feminine forms) and their role in the buying
// centre (centre d'achat).
type job struct {
	Title, TitleF string
	Role          string // décideur, acheteur, prescripteur, utilisateur, conseiller, payeur, influenceur, filtre
}

var b2bJobs = []job{
	{"responsable des achats", "responsable des achats", "acheteur"},
	{"directeur technique", "directrice technique", "prescripteur"},
	{"responsable de la maintenance", "responsable de la maintenance", "utilisateur"},
	{"directeur général", "directrice générale", "décideur"},
	{"responsable qualité, sécurité, environnement", "responsable qualité, sécurité, environnement", "prescripteur"},
	{"directeur administratif et financier", "directrice administrative et financière", "payeur"},
	{"chef d'atelier", "cheffe d'atelier", "utilisateur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

// officeJobs are the staff of a service firm or an office: no workshop.
var officeJobs = []job{
	{"responsable des services généraux", "responsable des services généraux", "acheteur"},
	{"gérant", "gérante", "décideur"},
	{"directeur administratif et financier", "directrice administrative et financière", "payeur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

// trainingJobs are the office staff who buy training: human resources
// prescribe it.
var trainingJobs = append(slices.Clone(officeJobs), job{"responsable des ressources humaines", "responsable des ressources humaines", "prescripteur"})

// siteJobs are the staff of a firm that works on building sites.
var siteJobs = []job{
	{"responsable des achats", "responsable des achats", "acheteur"},
	{"gérant", "gérante", "décideur"},
	{"conducteur de travaux", "conductrice de travaux", "prescripteur"},
	{"chef de chantier", "cheffe de chantier", "utilisateur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

// publicJobs are the staff of a town, a community of communes or a
// public facility.
var publicJobs = []job{
	{"responsable de la commande publique", "responsable de la commande publique", "acheteur"},
	{"directeur général des services", "directrice générale des services", "décideur"},
	{"responsable des services techniques", "responsable des services techniques", "prescripteur"},
	{"responsable des ressources humaines", "responsable des ressources humaines", "utilisateur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

// schoolJobs are the staff of a lycée.
var schoolJobs = []job{
	{"adjoint gestionnaire", "adjointe gestionnaire", "acheteur"},
	{"proviseur", "proviseure", "décideur"},
	{"directeur délégué aux formations", "directrice déléguée aux formations", "prescripteur"},
	{"professeur d'atelier", "professeure d'atelier", "utilisateur"},
	{"secrétaire de direction", "secrétaire de direction", "filtre"},
}

// careJobs are the staff of a clinic or a home for the elderly.
var careJobs = []job{
	{"responsable des achats", "responsable des achats", "acheteur"},
	{"directeur de l'établissement", "directrice de l'établissement", "décideur"},
	{"responsable des services techniques", "responsable des services techniques", "prescripteur"},
	{"cadre de santé", "cadre de santé", "utilisateur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

// associationJobs are the buyers of an association or a works council:
// elected officers and their staff, no workshop nor finance department.
var associationJobs = []job{
	{"président", "présidente", "décideur"},
	{"trésorier", "trésorière", "payeur"},
	{"directeur", "directrice", "acheteur"},
	{"secrétaire", "secrétaire", "filtre"},
}

// Distributors: a buying office, a large store, a shop.
var (
	officeBuyerJobs = []job{
		{"acheteur en centrale d'achat", "acheteuse en centrale d'achat", "acheteur"},
		{"directeur des achats", "directrice des achats", "décideur"},
		{"responsable de catégorie", "responsable de catégorie", "prescripteur"},
	}
	storeJobs = []job{
		{"chef de rayon", "cheffe de rayon", "utilisateur"},
		{"directeur du magasin", "directrice du magasin", "décideur"},
	}
	hyperJobs = append(slices.Clone(storeJobs), job{"responsable de catégorie", "responsable de catégorie", "prescripteur"})
	shopJobs  = []job{
		{"gérant du magasin", "gérante du magasin", "décideur"},
		{"responsable adjoint du magasin", "responsable adjointe du magasin", "utilisateur"},
	}
)

// staffJobs are the job sets an organisation's Staff names.
var staffJobs = map[string][]job{
	"industrie":   b2bJobs,
	"bureau":      officeJobs,
	"formation":   trainingJobs,
	"chantier":    siteJobs,
	"public":      publicJobs,
	"lycée":       schoolJobs,
	"soins":       careJobs,
	"association": associationJobs,
	"centrale":    officeBuyerJobs,
	"magasin":     storeJobs,
	"hypermarché": hyperJobs,
	"boutique":    shopJobs,
}

var householdJobs = []job{
	{"client", "cliente", "décideur"},
	{"conjoint", "conjointe", "influenceur"},
	{"fils qui accompagne", "fille qui accompagne", "conseiller"},
}

// personality is a communication style with how to play it.
type personality struct {
	Style  string
	StyleF string
	Play   string // for the buyer
	Signal string // what the jury watches for
	Hard   int    // 1–3: how hard it is to face
}

var personalities = []personality{
	{"analytique", "analytique", "Vous demandez des chiffres, des preuves et des documents ; vous prenez des notes et ne décidez pas dans l'émotion.", "Le candidat apporte-t-il des preuves chiffrées et des documents ?", 2},
	{"directif", "directive", "Vous allez droit au but, coupez la parole si le vendeur s'étend et exigez une proposition rapide.", "Le candidat reste-t-il structuré et concis sous la pression ?", 3},
	{"expressif", "expressive", "Vous parlez beaucoup, racontez des anecdotes, vous enthousiasmez puis changez de sujet.", "Le candidat recentre-t-il l'entretien sans froisser ?", 2},
	{"aimable", "aimable", "Vous entretenez une relation cordiale, évitez de dire non et repoussez la décision pour ne froisser personne.", "Le candidat obtient-il un engagement clair ?", 1},
	{"méfiant", "méfiante", "Un fournisseur vous a déjà fait faux bond : vous doutez de chaque promesse et demandez des garanties.", "Le candidat rassure-t-il par des garanties et des références ?", 3},
	{"pressé", "pressée", "Vous n'avez que quelques minutes : vous regardez votre montre et voulez l'essentiel.", "Le candidat hiérarchise-t-il ses arguments ?", 2},
}

// motivation is a buying motive (SONCAS) with what it takes to sign.
type motivation struct {
	Letter, Name string
	Sign         string // what makes the buyer sign
}

var motivations = []motivation{
	{"S", "sécurité", "vous obtenez des garanties écrites, des références de clients comparables et un service après-vente réactif"},
	{"O", "orgueil", "le vendeur vous traite en client important et vous permet de présenter cet achat comme une réussite personnelle"},
	{"N", "nouveauté", "l'offre vous apporte une innovation visible, que vous serez parmi les premiers à adopter"},
	{"C", "confort", "tout est pris en charge : livraison, installation et formation"},
	{"A", "argent", "le vendeur chiffre votre gain (économies, retour sur investissement) et fait un effort sur le prix"},
	{"S", "sympathie", "le vendeur vous écoute sincèrement et vous inspire confiance"},
}

// Objections every deal may meet, by category; {competitor}, {pct} and
// {weeks} are filled in.
var commonObjections = []struct{ Category, Text string }{
	{"prix", "C'est trop cher pour nous."},
	{"prix", "{competitor} nous propose une offre équivalente {pct} % moins chère."},
	{"délai", "Il nous faudrait une livraison en {weeks}, pas plus."},
	{"confiance", "Je ne vous connais pas : qu'est-ce qui me garantit votre sérieux ?"},
	{"besoin", "Je ne vois pas pourquoi nous en aurions besoin maintenant."},
	{"décision", "Je dois en parler à ma direction avant de m'engager."},
	{"concurrence", "Nous travaillons avec {competitor} depuis des années et nous en sommes satisfaits."},
	{"prix", "Votre tarif dépasse le budget que nous nous étions fixé."},
	{"délai", "Si vous ne pouvez pas livrer en {weeks}, ce n'est pas la peine d'aller plus loin."},
	{"confiance", "Votre entreprise est-elle assez solide pour nous suivre plusieurs années ?"},
	{"confiance", "On m'a parlé de retards de livraison chez vous."},
	{"besoin", "Notre solution actuelle fait l'affaire, même si elle n'est pas parfaite."},
	{"besoin", "Nous avons d'autres priorités cette année."},
	{"décision", "Envoyez-moi une documentation, je vous rappellerai."},
	{"décision", "Je dois comparer avec d'autres devis avant de décider."},
}

var legalForms = []string{"SAS", "SARL", "SA"}
