package scenario

import (
	_ "embed"
	"encoding/json"
	"sync"
)

// sectorsJSON is the catalogue as data: CCST sectors named exactly as in the
// référentiel's list of trades (a test holds the two together), NRC sectors
// by client type (savoirs S75 to S77). Editing it changes no code.
//
//go:embed sectors.json
var sectorsJSON []byte

// catalogue is the parsed sectors.json; it is read once and never written.
type catalogue struct {
	CCST []Sector            `json:"CCST"`
	NRC  map[string][]Sector `json:"NRC"`
}

// sectorCatalogue returns the catalogue. The file is part of the binary and checked
// by the tests, so a parse error is a build defect, not a run-time condition.
var sectorCatalogue = sync.OnceValue(func() catalogue {
	var c catalogue
	if err := json.Unmarshal(sectorsJSON, &c); err != nil {
		panic("scenario: sectors.json: " + err.Error())
	}
	return c
})
