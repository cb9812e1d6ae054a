// Package eval measures the tutor on sets of student questions written from
// the référentiels: retrieval (hit@k, MRR), answers (facts present, a passage
// that proves them cited) and refusals, overall and by kind of question.
//
// It reads two formats of JSONL: the golden set shipped with the code
// (golden.jsonl: "facts" all required, "refuse", a "split" into a part to tune
// on and a part to report) and the development sets written by people who
// never saw the code ("facts" as groups of alternatives, "abstain"). Both are
// scored by the same rules as the shared scorer (score.go).
package eval

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

//go:embed golden.jsonl
var goldenJSONL []byte

// Splits of the golden set.
const (
	SplitTune   = "tune"   // what the code may be tuned on
	SplitReport = "report" // what is reported, never tuned on
)

// Item is one question of a set.
type Item struct {
	ID       string
	Question string
	// Diploma is the référentiel that holds the answer, given to the tutor
	// as the default diploma ("" for comparisons and some refusals).
	Diploma string
	// Gold are short excerpts of the texts that prove the answer: a passage
	// holding one of them (or covering its lines) is a hit.
	Gold []string
	// Facts are groups of alternatives: a correct answer holds one string of
	// every group.
	Facts  [][]string
	Refuse bool // the tutor must refuse
	Kind   string
	Split  string // golden set only
}

// rawItem reads both formats.
type rawItem struct {
	ID      string          `json:"id"`
	Q       string          `json:"q"`
	Diploma string          `json:"diploma"`
	Gold    []string        `json:"gold"`
	Facts   json.RawMessage `json:"facts"`
	Refuse  bool            `json:"refuse"`
	Abstain bool            `json:"abstain"`
	Kind    string          `json:"kind"`
	Split   string          `json:"split"`
}

// Load reads a set in JSONL; path "" is the golden set shipped with the code.
// It fails on a file it cannot read, a malformed line, or an answerable
// question without the text that proves it.
func Load(path string) ([]Item, error) {
	data := goldenJSONL
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("jeu d'évaluation illisible : %w", err)
		}
		data = b
	}
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var r rawItem
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, fmt.Errorf("ligne %d : %w", n, err)
		}
		it := Item{ID: r.ID, Question: r.Q, Diploma: r.Diploma, Gold: r.Gold, Refuse: r.Refuse || r.Abstain, Kind: r.Kind, Split: r.Split}
		if it.Diploma == "*" {
			it.Diploma = ""
		}
		facts, err := readFacts(r.Facts)
		if err != nil {
			return nil, fmt.Errorf("ligne %d : %w", n, err)
		}
		it.Facts = facts
		if it.Question == "" || (!it.Refuse && len(it.Gold) == 0) {
			return nil, fmt.Errorf("ligne %d : question et passage de référence requis", n)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, errors.New("jeu d'évaluation vide")
	}
	return items, nil
}

// readFacts accepts ["a", "b"] (each required) and [["a", "a'"], ["b"]]
// (one of each group required).
func readFacts(raw json.RawMessage) ([][]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var groups [][]string
	if err := json.Unmarshal(raw, &groups); err == nil {
		return groups, nil
	}
	var flat []string
	if err := json.Unmarshal(raw, &flat); err != nil {
		return nil, fmt.Errorf("faits illisibles : %w", err)
	}
	groups = nil // a failed decoding may leave a part behind
	for _, f := range flat {
		groups = append(groups, []string{f})
	}
	return groups, nil
}

// Only keeps the items of one split ("" keeps all).
func Only(items []Item, split string) []Item {
	if split == "" {
		return items
	}
	var out []Item
	for _, it := range items {
		if it.Split == split {
			out = append(out, it)
		}
	}
	return out
}
