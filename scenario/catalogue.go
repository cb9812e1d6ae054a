package scenario

import (
	_ "embed"
	"encoding/json"
	"sync"
)

// catalogueJSON is what briefs are drawn from, as data: CCST sectors named
// exactly as in the référentiel's list of trades (a test holds the two
// together), NRC sectors by client type (savoirs S75 to S77), and the names
// and cities people and companies are given. Editing it changes no code.
//
//go:embed catalogue.json
var catalogueJSON []byte

// catalogue is the parsed catalogue.json; it is read once and never written.
type catalogue struct {
	CCST []Sector            `json:"CCST"`
	NRC  map[string][]Sector `json:"NRC"`
	// FirstNames: the first half are women's names, the second half men's.
	FirstNames []string `json:"first_names"`
	LastNames  []string `json:"last_names"`
	Cities     []string `json:"cities"`
	// Company names are built from a stem and an ending.
	NameStems []string `json:"name_stems"`
	NameEnds  []string `json:"name_ends"`
}

// theCatalogue returns the catalogue. The file is part of the binary and
// checked by the tests, so a parse error is a build defect, not a run-time
// condition.
var theCatalogue = sync.OnceValue(func() catalogue {
	var c catalogue
	if err := json.Unmarshal(catalogueJSON, &c); err != nil {
		panic("scenario: catalogue.json: " + err.Error())
	}
	return c
})
