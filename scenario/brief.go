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
	// Fiche, when set, is the candidate's own situation: the company, the
	// offer and the client come from it, not from the catalogue.
	Fiche *Fiche `json:"fiche,omitempty"`
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

// female reports whether the person is a woman, by civility.
func (p Person) female() bool { return p.Civility == "Mme" }

// pronoun is "elle" or "lui", after a preposition.
func (p Person) pronoun() string {
	if p.female() {
		return "elle"
	}
	return "lui"
}

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
	Public       bool     `json:"public,omitempty"` // a public buyer (see Org)
}

// Risk is the client's financial situation (CCST, compétence C1.3).
type Risk struct {
	Public      bool   `json:"public,omitempty"` // a public buyer: no revenue, 30 days by law
	Revenue     Cents  `json:"revenue"`          // chiffre d'affaires annuel HT
	PaymentDays int    `json:"payment_days"`
	Incidents   int    `json:"incidents"` // payment incidents over 12 months
	Share       string `json:"share"`     // the deal HT as a share of the revenue
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
	Target         Cents    `json:"target"`  // the unit price HT the buyer aims at
	WalkAway       string   `json:"walk_away"`
	HeldObjections []string `json:"held_objections"`
	SignIf         []string `json:"sign_if"`
	// Changes are the commission's modified parameters, as the buyer
	// plays them; Joiner is the sheet of a person who joins the interview
	// (played by a second student or a member of the commission).
	Changes []string `json:"changes,omitempty"`
	Joiner  []string `json:"joiner,omitempty"`
	// NoDeal is set when the ceiling is below the seller's floor: no deal
	// is possible at this price, and the case trains the seller to say so.
	NoDeal bool `json:"no_deal,omitempty"`
}

// Parameter is a change the commission makes, with what it expects.
type Parameter struct {
	Change   string `json:"change"`
	Expected string `json:"expected"`
	// Price is the unit price HT the change names (a budget, a competitor's
	// offer), zero when it names none.
	Price Cents  `json:"price,omitempty"`
	Kind  string `json:"kind"` // budget, concurrent, délai, paiement, participant, quantité, rétractation, coopération, référencement, procédure
	// Play is what whoever plays the client is told to do with the change.
	Play string  `json:"play"`
	who  *Person // the person a "participant" change brings in
	qty  int     // the quantity a "quantité" change brings
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
	// CriteriaNote is the text's leave to mobilise only some criteria,
	// when the brief's situation does.
	CriteriaNote *Quote    `json:"criteria_note,omitempty"`
	Observe      []string  `json:"observe"`
	Questions    []string  `json:"questions,omitempty"` // CCST situation 1: for the interview
	Key          []KeyLine `json:"key"`
	Grounding    []Quote   `json:"grounding"` // what the brief's setting rests on
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
	Kit         Kit     `json:"kit"`
}
