package tutor

import (
	"iter"
	"slices"
	"sort"
)

// Referentiel is the structured model of one diploma's référentiel, extracted
// from its text. Every item keeps the source lines it was read from so that
// answers built from it can cite the passage.
type Referentiel struct {
	Document    Document     `json:"document"`
	Competences []Competence `json:"competences"`
	Epreuves    []Epreuve    `json:"epreuves"`
	Savoirs     []Savoir     `json:"savoirs"`
	Activites   []Activite   `json:"activites"`
}

// Competence is a compétence (or a group of them: C1 in the NRC, a bloc in the
// CCST carries its critères on the group).
type Competence struct {
	Code        string   `json:"code"`
	Title       string   `json:"title"`
	Parent      string   `json:"parent,omitempty"`
	SavoirFaire []string `json:"savoir_faire,omitempty"`
	Conditions  []string `json:"conditions,omitempty"`
	Criteres    []string `json:"criteres,omitempty"`
	Lines       Lines    `json:"lines"`
}

// Route is how one group of candidates sits an épreuve.
type Route struct {
	Name     string `json:"name"`               // e.g. "Voie scolaire …"
	Form     string `json:"form"`               // e.g. "Ponctuelle orale", "CCF 2 situations d'évaluation"
	Duration string `json:"duration,omitempty"` // e.g. "1 h"
}

// Epreuve is one épreuve (or sous-épreuve) of the exam.
type Epreuve struct {
	Code  string   `json:"code"`
	Title string   `json:"title"`
	Units []string `json:"units"`
	Coef  string   `json:"coef"` // as written: "4", "1,5"
	// Ponctuelle form: the written/oral/practical form and its duration.
	Form        string    `json:"form,omitempty"`
	Duration    string    `json:"duration,omitempty"`
	Preparation string    `json:"preparation,omitempty"`
	CCF         string    `json:"ccf,omitempty"` // contrôle en cours de formation, as written
	Routes      []Route   `json:"routes,omitempty"`
	Optional    bool      `json:"optional,omitempty"`
	Parts       []Epreuve `json:"parts,omitempty"`
	Competences []string  `json:"competences,omitempty"`
	Criteres    []string  `json:"criteres,omitempty"`
	Lines       Lines     `json:"lines"`     // row of the règlement d'examen
	DefLines    Lines     `json:"def_lines"` // definition of the épreuve
}

// Savoir is a savoir associé with the limits of what is taught.
type Savoir struct {
	Code          string   `json:"code,omitempty"`
	Title         string   `json:"title"`
	Parent        string   `json:"parent,omitempty"`
	Connaissances []string `json:"connaissances,omitempty"`
	Limites       []string `json:"limites,omitempty"`
	// Shared is set when the text lists this savoir with others in one
	// table cell and their limits together: which of them a limit belongs
	// to is not stated.
	Shared bool  `json:"shared,omitempty"`
	Lines  Lines `json:"lines"`
}

// Activite is an activité or fonction with its tasks.
type Activite struct {
	Code  string   `json:"code"`
	Title string   `json:"title"`
	Tasks []string `json:"tasks,omitempty"`
	Lines Lines    `json:"lines"`
}

// Competence returns the compétence with the canonical code, if any.
func (r *Referentiel) Competence(code string) (*Competence, bool) {
	if code == "" {
		return nil, false
	}
	for i := range r.Competences {
		if r.Competences[i].Code == code {
			return &r.Competences[i], true
		}
	}
	return nil, false
}

// AllEpreuves yields every épreuve of the règlement, each before its parts
// (sous-épreuves, units).
func (r *Referentiel) AllEpreuves() iter.Seq[*Epreuve] {
	return func(yield func(*Epreuve) bool) {
		var walk func([]Epreuve) bool
		walk = func(list []Epreuve) bool {
			for i := range list {
				if !yield(&list[i]) || !walk(list[i].Parts) {
					return false
				}
			}
			return true
		}
		walk(r.Epreuves)
	}
}

// Epreuve returns the épreuve, sous-épreuve or unit with the canonical code.
// A unit code (U4, U61) finds the épreuve that certifies it.
func (r *Referentiel) Epreuve(code string) (*Epreuve, bool) {
	if code == "" {
		return nil, false
	}
	var find func(list []Epreuve) *Epreuve
	find = func(list []Epreuve) *Epreuve {
		for i := range list {
			e := &list[i]
			if e.Code == code {
				return e
			}
			if p := find(e.Parts); p != nil {
				return p
			}
			if len(e.Parts) == 0 && slices.Contains(e.Units, code) {
				return e
			}
		}
		return nil
	}
	e := find(r.Epreuves)
	return e, e != nil
}

// Savoir returns the savoir with the canonical code, if any.
func (r *Referentiel) Savoir(code string) (*Savoir, bool) {
	if code == "" {
		return nil, false // savoirs without a code (the CCST's) are not looked up
	}
	for i := range r.Savoirs {
		if r.Savoirs[i].Code == code {
			return &r.Savoirs[i], true
		}
	}
	return nil, false
}

// Codes lists every code the model defines with the given prefix, sorted.
func (r *Referentiel) Codes(prefix string) []string {
	var out []string
	add := func(c string) {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	switch prefix {
	case "C":
		for _, c := range r.Competences {
			add(c.Code)
		}
	case "E", "EF", "U", "UF":
		var walk func([]Epreuve)
		walk = func(list []Epreuve) {
			for _, e := range list {
				if prefix == "E" || prefix == "EF" {
					add(e.Code)
				} else {
					for _, u := range e.Units {
						add(u)
					}
				}
				walk(e.Parts)
			}
		}
		walk(r.Epreuves)
	case "S":
		for _, s := range r.Savoirs {
			add(s.Code)
		}
	case "A", "F":
		for _, a := range r.Activites {
			add(a.Code)
		}
	}
	filtered := out[:0]
	for _, c := range out {
		if len(c) >= len(prefix) && c[:len(prefix)] == prefix || (prefix == "E" && len(c) > 1 && c[:2] == "EF") {
			filtered = append(filtered, c)
		}
	}
	sort.Strings(filtered)
	return filtered
}

// HasCode reports whether the model defines the canonical code.
func (r *Referentiel) HasCode(code string) bool {
	for _, p := range []string{"C", "E", "U", "S", "A", "F"} {
		if slices.Contains(r.Codes(p), code) {
			return true
		}
	}
	return false
}
