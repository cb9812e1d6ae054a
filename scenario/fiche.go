package scenario

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// A candidate's fiche: the real E4 is built on the situations the candidate
// lived, so a brief can be built on theirs. The fiche is a Markdown (or
// text) file of « clé : valeur » lines, lists separated by « ; », or the
// same keys in JSON; see examples/fiche-candidat.md.

// Fiche is what a candidate's fiche says of the company, the offer and the
// client.
type Fiche struct {
	Diploma     string   `json:"diplome"`
	Company     string   `json:"entreprise"`
	Activity    string   `json:"activite"`
	City        string   `json:"ville"`
	Offer       string   `json:"offre"`
	Unit        string   `json:"unite"`
	Specs       []string `json:"caracteristiques"`
	Services    []string `json:"services"`
	ListPrice   float64  `json:"prix"` // prix catalogue unitaire HT, euros
	Cost        float64  `json:"cout"` // coût d'achat unitaire HT, euros (estimated when absent)
	Quantity    int      `json:"quantite"`
	TVA         float64  `json:"tva"`
	Client      string   `json:"client"` // NRC: particulier, entreprise, distributeur
	Org         string   `json:"organisation"`
	OrgActivity string   `json:"activite_client"`
	ClientCity  string   `json:"ville_client"`
	Buyer       string   `json:"acheteur"` // « Mme Claire Martin, responsable des achats »
	Needs       []string `json:"besoins"`
	Objections  []string `json:"objections"`
	Competitor  string   `json:"concurrent"`
	Lead        [2]int   `json:"delai_semaines"`
}

// maxFiche bounds a fiche, in bytes.
const maxFiche = 32 << 10

// ErrFiche is wrapped by the errors of a fiche that cannot be used; the
// message says what to fix.
var ErrFiche = errors.New("fiche candidat")

// ficheKeys are the keys a fiche may hold, folded, with the field each
// fills.
var ficheKeys = []string{"diplome", "entreprise", "activite", "ville", "offre", "unite", "caracteristiques", "services", "prix", "cout",
	"quantite", "tva", "client", "organisation", "activite client", "ville client", "acheteur", "besoins", "objections", "concurrent", "delai semaines"}

// ParseFiche reads a fiche, Markdown « clé : valeur » lines or JSON, and
// checks it: every error names what is missing or wrong.
func ParseFiche(r io.Reader) (*Fiche, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFiche+1))
	if err != nil {
		return nil, fmt.Errorf("%w : lecture impossible : %v", ErrFiche, err)
	}
	if len(data) > maxFiche {
		return nil, fmt.Errorf("%w : fichier trop long (%d Kio au plus)", ErrFiche, maxFiche>>10)
	}
	f := &Fiche{}
	if trimmed := strings.TrimSpace(string(data)); strings.HasPrefix(trimmed, "{") {
		if err := json.Unmarshal(data, f); err != nil {
			return nil, fmt.Errorf("%w : JSON illisible : %v", ErrFiche, err)
		}
	} else if err := f.readLines(string(data)); err != nil {
		return nil, err
	}
	return f, f.check()
}

// readLines reads « clé : valeur » lines; headings, blank lines and
// comments are skipped.
func (f *Fiche) readLines(text string) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 4096), maxFiche)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimSpace(sc.Text())
		line := strings.TrimSpace(strings.TrimLeft(raw, "-*•"))
		bullet := line != raw
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ">") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		key := strings.Join(strings.Fields(strings.ReplaceAll(tutor.Fold(strings.Trim(k, "* ")), "_", " ")), " ")
		if !bullet && (!ok || !slices.Contains(ficheKeys, key)) {
			continue // a sentence of the template; the fields are « - clé : valeur »
		}
		if !ok {
			return fmt.Errorf("%w, ligne %d : « %s » n'est pas de la forme « clé : valeur »", ErrFiche, n, tutor.Clip(line, 60))
		}
		if !slices.Contains(ficheKeys, key) {
			return fmt.Errorf("%w, ligne %d : clé « %s » inconnue (clés : %s)", ErrFiche, n, tutor.Clip(strings.TrimSpace(k), 30), strings.Join(ficheKeys, ", "))
		}
		if err := f.set(key, strings.TrimSpace(v)); err != nil {
			return fmt.Errorf("%w, ligne %d : %v", ErrFiche, n, err)
		}
	}
	return sc.Err()
}

// set fills the field of a key from its text.
func (f *Fiche) set(key, v string) error {
	list := func() []string {
		var out []string
		for _, x := range strings.Split(v, ";") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	num := func(into *float64) error {
		x, err := strconv.ParseFloat(strings.ReplaceAll(strings.NewReplacer(" ", "", "\u202f", "", "€", "", "%", "").Replace(v), ",", "."), 64)
		if err != nil || x < 0 {
			return fmt.Errorf("« %s » : un nombre positif est attendu (reçu « %s »)", key, tutor.Clip(v, 30))
		}
		*into = x
		return nil
	}
	text := map[string]*string{"entreprise": &f.Company, "activite": &f.Activity, "ville": &f.City, "offre": &f.Offer, "unite": &f.Unit,
		"organisation": &f.Org, "activite client": &f.OrgActivity, "ville client": &f.ClientCity, "acheteur": &f.Buyer, "concurrent": &f.Competitor}
	lists := map[string]*[]string{"caracteristiques": &f.Specs, "services": &f.Services, "besoins": &f.Needs, "objections": &f.Objections}
	nums := map[string]*float64{"prix": &f.ListPrice, "cout": &f.Cost, "tva": &f.TVA}
	switch {
	case text[key] != nil:
		*text[key] = v
	case lists[key] != nil:
		*lists[key] = list()
	case nums[key] != nil:
		return num(nums[key])
	case key == "diplome":
		f.Diploma = strings.ToUpper(v)
	case key == "client":
		f.Client = tutor.Fold(v)
	case key == "quantite":
		q, err := strconv.Atoi(v)
		if err != nil || q < 1 || q > 100000 {
			return fmt.Errorf("« quantite » : un nombre entier de 1 à 100 000 est attendu (reçu « %s »)", tutor.Clip(v, 30))
		}
		f.Quantity = q
	case key == "delai semaines":
		lo, hi, _ := strings.Cut(strings.ReplaceAll(v, " ", ""), "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if hi == "" {
			b, err2 = a, nil
		}
		if err1 != nil || err2 != nil || a < 0 || b < a {
			return fmt.Errorf("« delai semaines » : « 2-4 » ou « 3 » est attendu (reçu « %s »)", tutor.Clip(v, 30))
		}
		f.Lead = [2]int{a, b}
	}
	return nil
}

// check says everything a fiche lacks, at once, and fills the defaults.
func (f *Fiche) check() error {
	var missing []string
	need := func(ok bool, what string) {
		if !ok {
			missing = append(missing, what)
		}
	}
	need(f.Diploma == "NRC" || f.Diploma == "CCST", "diplome (NRC ou CCST)")
	need(f.Company != "", "entreprise")
	need(f.Offer != "", "offre")
	need(f.ListPrice > 0, "prix (prix catalogue unitaire HT, en euros)")
	need(f.Org != "", "organisation (le client)")
	need(len(f.Needs) > 0, "besoins (séparés par « ; »)")
	if f.Diploma == "NRC" {
		need(slices.Contains(ClientTypes, f.Client), "client (particulier, entreprise ou distributeur)")
	}
	if f.Cost > 0 && f.Cost >= f.ListPrice {
		missing = append(missing, "un coût d'achat inférieur au prix catalogue")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w : il manque %s", ErrFiche, strings.Join(missing, ", "))
	}
	if f.Diploma == "CCST" {
		f.Client = ClientEntreprise
	}
	if f.Unit == "" {
		f.Unit = "unité"
	}
	if f.Quantity == 0 {
		f.Quantity = 1
	}
	if len(f.Services) == 0 {
		f.Services = []string{"livraison", "mise en service", "formation à l'utilisation"}
	}
	if f.Lead == [2]int{} {
		f.Lead = [2]int{2, 4}
	}
	return nil
}
