package scenario

// The generator: options checked, sector drawn, the brief written.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
)

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
			sectors = theCatalogue().CCST
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
		out = append(out, theCatalogue().CCST...)
	}
	if diploma == "" || diploma == "NRC" {
		for _, ct := range ClientTypes {
			if client == "" || client == ct {
				out = append(out, theCatalogue().NRC[ct]...)
			}
		}
	}
	return out
}

// resolve checks the options and fills the ones left to the seed.
func (g *Generator) resolve(o Options, r *rand.Rand) (Options, Sector, error) {
	var sector Sector
	if o.Fiche != nil {
		return g.resolveFiche(o)
	}
	o.Diploma = strings.ToUpper(strings.TrimSpace(o.Diploma))
	ds := g.Diplomas()
	if o.Diploma == "" {
		// The options name the diploma when they belong to one: a
		// situation is the CCST's, a client type the NRC's, a sector the
		// diploma(s) that have it.
		implied := g.implied(o)
		if len(implied) == 0 {
			implied = ds
		}
		o.Diploma = implied[r.IntN(len(implied))]
	} else if !slices.Contains(ds, o.Diploma) {
		return o, sector, badOption("%s", g.notLoaded(o.Diploma))
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
	o, err := resolveClient(o, r)
	if err != nil {
		return o, sector, err
	}
	if o.Sector != "" {
		if sector, err = g.findSector(&o); err != nil {
			return o, sector, err
		}
	} else {
		list := sectorsFor(o.Diploma, o.Client)
		sector = list[r.IntN(len(list))]
	}
	o.Sector = sector.Name
	return o, sector, nil
}

// resolveFiche takes the diploma, the client type and the one offer from a
// candidate's fiche; the other options keep their meaning.
func (g *Generator) resolveFiche(o Options) (Options, Sector, error) {
	f := o.Fiche
	if d := strings.ToUpper(strings.TrimSpace(o.Diploma)); d != "" && d != f.Diploma {
		return o, Sector{}, badOption("la fiche est celle d'un candidat du BTS %s, pas du BTS %s", f.Diploma, d)
	}
	if !slices.Contains(g.Diplomas(), f.Diploma) {
		return o, Sector{}, badOption("%s", g.notLoaded(f.Diploma))
	}
	if o.Sector != "" || o.Client != "" {
		return o, Sector{}, badOption("avec une fiche, le secteur et le client sont ceux de la fiche : retirez les options secteur et client")
	}
	o.Diploma, o.Client = f.Diploma, f.Client
	if o.Difficulty == 0 {
		o.Difficulty = 2
	}
	if o.Difficulty < 1 || o.Difficulty > 3 {
		return o, Sector{}, badOption("la difficulté va de 1 à 3")
	}
	if o.Diploma == "CCST" && o.Situation == 0 {
		o.Situation = 2
	}
	if o.Diploma == "NRC" && o.Situation != 0 || o.Diploma == "CCST" && o.Situation != 1 && o.Situation != 2 {
		return o, Sector{}, badOption("situation %d impossible pour le BTS %s", o.Situation, o.Diploma)
	}
	cost := f.Cost
	if cost == 0 {
		cost = f.ListPrice * estimatedCostShare
	}
	offer := Offer{Name: f.Offer, Unit: f.Unit, Specs: f.Specs, Services: f.Services, Cost: [2]int{int(cost + 0.5), int(cost + 0.5)},
		Quantities: []int{f.Quantity}, Lead: f.Lead, TVA: f.TVA, List: Cents(f.ListPrice*100 + 0.5), Needs: f.Needs, Objections: f.Objections,
		RoundTTC: f.Client == ClientParticulier}
	if len(offer.Specs) == 0 {
		offer.Specs = []string{f.Offer}
	}
	activity := f.Activity
	if activity == "" {
		activity = "entreprise"
	}
	place := []string{"dans les locaux du client"}
	if f.Client == ClientParticulier {
		place = []string{"à son domicile", "en magasin"}
	}
	s := Sector{Name: "fiche du candidat", Sellers: []string{activity}, Clients: []Org{{Activity: f.OrgActivity}}, Offers: []Offer{offer}, Place: place}
	o.Sector = s.Name
	return o, s, nil
}

// estimatedCostShare is the cost assumed, as a share of the list price,
// when a fiche does not give it (the brief says so).
const estimatedCostShare = 0.65

// resolveClient checks the client type and the situation against the
// diploma: CCST negotiates with a professional, in situation 1 or 2; NRC with
// one of its three client types, drawn when the sector does not say.
func resolveClient(o Options, r *rand.Rand) (Options, error) {
	client := tutor.Fold(strings.TrimSpace(o.Client))
	switch o.Diploma {
	case "CCST":
		if client != "" && client != ClientEntreprise && client != "professionnel" {
			return o, badOption("en CCST, la négociation est technico-commerciale, avec un client professionnel (B to B) : l'option client ne s'applique pas")
		}
		o.Client = ClientEntreprise
		if o.Situation == 0 {
			o.Situation = 2
		}
		if o.Situation != 1 && o.Situation != 2 {
			return o, badOption("l'épreuve E4 du BTS CCST a deux situations d'évaluation : 1 (préparation) ou 2 (négociation simulée)")
		}
	case "NRC":
		if o.Situation != 0 {
			return o, badOption("l'option situation ne concerne que le BTS CCST")
		}
		if client == "" {
			if o.Sector == "" {
				o.Client = ClientTypes[r.IntN(len(ClientTypes))]
			}
		} else if i := slices.Index(ClientTypes, client); i >= 0 {
			o.Client = ClientTypes[i]
		} else {
			return o, badOption("type de client « %s » inconnu (choisissez %s)", tutor.Clip(o.Client, 30), strings.Join(ClientTypes, ", "))
		}
	}
	return o, nil
}

// findSector finds the sector a teacher typed among the diploma's (and
// client type's); in NRC it sets the client type of the sector found.
func (g *Generator) findSector(o *Options) (Sector, error) {
	want := tutor.Fold(strings.TrimSpace(o.Sector))
	var found []Sector
	for _, ct := range append([]string{""}, ClientTypes...) {
		if o.Diploma == "CCST" && ct != "" || o.Diploma == "NRC" && ct == "" {
			continue
		}
		var list []Sector
		if ct == "" {
			list = theCatalogue().CCST
		} else if o.Client == "" || o.Client == ct {
			list = theCatalogue().NRC[ct]
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
		return Sector{}, badOption("secteur « %s » inconnu en %s (secteurs : %s)", tutor.Clip(o.Sector, 40), o.Diploma, strings.Join(g.Sectors(o.Diploma, o.Client), ", "))
	}
	// A name typed whole is that sector; a part of several names is none
	// of them until the teacher says which.
	for _, s := range found {
		if tutor.Fold(s.Name) == want {
			found = []Sector{s}
			break
		}
	}
	if len(found) > 1 {
		var names []string
		for _, s := range found {
			names = append(names, s.Name)
		}
		return Sector{}, badOption("« %s » désigne plusieurs secteurs en %s : %s ; précisez lequel", tutor.Clip(o.Sector, 40), o.Diploma, strings.Join(names, ", "))
	}
	for _, ct := range ClientTypes {
		if o.Diploma == "NRC" && slices.ContainsFunc(theCatalogue().NRC[ct], func(s Sector) bool { return s.Name == found[0].Name }) {
			o.Client = ct
		}
	}
	return found[0], nil
}

// implied are the diplomas the options belong to, none when they say
// nothing of it.
func (g *Generator) implied(o Options) []string {
	switch {
	case o.Situation != 0:
		return []string{"CCST"}
	case strings.TrimSpace(o.Client) != "":
		return []string{"NRC"}
	case strings.TrimSpace(o.Sector) != "":
		want := tutor.Fold(strings.TrimSpace(o.Sector))
		var out []string
		for _, d := range g.Diplomas() {
			if slices.ContainsFunc(g.Sectors(d, ""), func(s string) bool { return strings.Contains(tutor.Fold(s), want) }) {
				out = append(out, d)
			}
		}
		return out
	}
	return nil
}

// notLoaded says that a diploma has no référentiel loaded, what is loaded,
// and how to add one; a loaded text that says it was replaced by this
// diploma is named.
func (g *Generator) notLoaded(code string) string {
	var names []string
	for _, d := range g.Diplomas() {
		names = append(names, "BTS "+d)
	}
	msg := fmt.Sprintf("aucun référentiel du BTS %s n'est chargé (référentiels chargés : %s)", tutor.Clip(code, 20), strings.Join(names, ", "))
	for _, d := range g.corpus.Docs {
		if st := d.Meta.Status; code != "" && strings.Contains(st, "BTS "+code) {
			msg += " ; " + strings.TrimSuffix(st, ".")
		}
	}
	return msg + ". Un enseignant peut ajouter un référentiel avec « tutor ingest »."
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
