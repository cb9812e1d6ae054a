package retrieval

import "math"

// bm25 is an inverted index ranked with Okapi BM25.
type bm25 struct {
	k1, b    float64
	postings map[string][]posting
	docLen   []int
	avgLen   float64
}

type posting struct {
	doc int
	tf  int
}

func newBM25(docs [][]string) *bm25 {
	x := &bm25{k1: 1.2, b: 0.5, postings: map[string][]posting{}, docLen: make([]int, len(docs))}
	total := 0
	for i, terms := range docs {
		tf := map[string]int{}
		for _, t := range terms {
			tf[t]++
		}
		for t, n := range tf {
			x.postings[t] = append(x.postings[t], posting{i, n})
		}
		x.docLen[i] = len(terms)
		total += len(terms)
	}
	if len(docs) > 0 {
		x.avgLen = float64(total) / float64(len(docs))
	}
	return x
}

// idf of a term; 0 for an unknown term.
func (x *bm25) idf(term string) float64 {
	df := len(x.postings[term])
	if df == 0 {
		return 0
	}
	n := float64(len(x.docLen))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// scores returns the BM25 score of every document that matches a term.
func (x *bm25) scores(terms []string, keep func(doc int) bool) map[int]float64 {
	out := map[int]float64{}
	seen := map[string]bool{}
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		idf := x.idf(t)
		for _, p := range x.postings[t] {
			if !keep(p.doc) {
				continue
			}
			tf := float64(p.tf)
			norm := tf * (x.k1 + 1) / (tf + x.k1*(1-x.b+x.b*float64(x.docLen[p.doc])/x.avgLen))
			out[p.doc] += idf * norm
		}
	}
	return out
}

// has reports whether a term occurs in the corpus.
func (x *bm25) has(term string) bool { return len(x.postings[term]) > 0 }
