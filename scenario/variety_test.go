package scenario

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sentenceEnd splits a line into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?] +`)

// caseSentences are the sentences of the case a brief makes up — the
// story, the seller's, buyer's and jury's sheets, the client file —
// without the référentiel's quotations (the same for every brief of an
// épreuve, by design), the headings, and the kit: the candidate's
// preparation sheet with its blank documents, the grid, the timing and
// the debrief, the épreuve's frame. whole keeps the kit.
func caseSentences(b *Brief, whole bool) map[string]bool {
	out := map[string]bool{}
	kit := false
	for _, line := range strings.Split(b.Markdown(), "\n") {
		if strings.HasPrefix(line, "## ") {
			kit = !whole && (strings.HasPrefix(line, "## Préparation") || strings.HasPrefix(line, "## Grille"))
		}
		if kit {
			continue
		}
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "**") && strings.HasSuffix(line, "**") ||
			strings.HasPrefix(line, "*BTS") || strings.Contains(line, "» (") || strings.HasPrefix(line, ">") || strings.HasPrefix(line, "☐") {
			continue
		}
		for _, s := range sentenceEnd.Split(line, -1) {
			if s = strings.TrimSpace(s); len(s) > 12 {
				out[s] = true
			}
		}
	}
	return out
}

// shared is the share of a's sentences that b has too.
func shared(a, b map[string]bool) float64 {
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(max(len(a), 1))
}

// sameProductShare draws briefs with the options of seeds 1..n, pairs
// each with the previous brief on the same product (same offer, diploma and
// client type), whatever the other options, and returns the mean and
// worst share of shared sentences.
func sameProductShare(t *testing.T, n uint64, whole bool) (mean, worst float64, pairs, products int) {
	g := generator(t)
	last := map[string]map[string]bool{}
	var sum float64
	for seed := uint64(1); seed <= n; seed++ {
		b, err := g.Generate(optionsFor(seed))
		if err != nil {
			t.Fatal(err)
		}
		key := b.Diploma + "|" + b.ClientType + "|" + b.Context.Offer
		s := caseSentences(b, whole)
		if prev, ok := last[key]; ok {
			x := shared(prev, s)
			sum += x
			worst = max(worst, x)
			pairs++
		}
		last[key] = s
	}
	return sum / float64(max(pairs, 1)), worst, pairs, len(last)
}

// TestVariety: two briefs on the same product share at most 30 % of the
// sentences of their case on average, and the catalogue offers at least
// 150 products.
func TestVariety(t *testing.T) {
	var offers []string
	for _, s := range sectorsFor("", "") {
		for _, o := range s.Offers {
			offers = append(offers, s.Name+"/"+o.Name)
		}
	}
	slices.Sort(offers)
	n := uint64(1500)
	if raceEnabled {
		n = 300
	}
	mean, worst, pairs, products := sameProductShare(t, n, false)
	all, _, _, _ := sameProductShare(t, n, true)
	t.Logf("%d products in the catalogue; %d briefs on %d products: %d same-product pairs share %.1f %% of the sentences of their case (worst pair %.1f %%), %.1f %% with the kit",
		len(offers), n, products, pairs, 100*mean, 100*worst, 100*all)
	if len(offers) < 150 {
		t.Errorf("%d products, want at least 150", len(offers))
	}
	if mean > 0.30 {
		t.Errorf("same-product briefs share %.1f %% of their sentences, want at most 30 %%", 100*mean)
	}
}
