package scenario

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
	List       Cents    `json:"-"`                   // a list price given (a candidate's fiche), else drawn
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

// associationJobs are the buyers of an association or a works council:
// elected officers and their staff, no workshop nor finance department.
var associationJobs = []job{
	{"président", "présidente", "décideur"},
	{"trésorier", "trésorière", "payeur"},
	{"directeur", "directrice", "acheteur"},
	{"secrétaire", "secrétaire", "filtre"},
}

var distributorJobs = []job{
	{"acheteur en centrale d'achat", "acheteuse en centrale d'achat", "acheteur"},
	{"chef de rayon", "cheffe de rayon", "utilisateur"},
	{"directeur du magasin", "directrice du magasin", "décideur"},
	{"responsable de catégorie", "responsable de catégorie", "prescripteur"},
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
