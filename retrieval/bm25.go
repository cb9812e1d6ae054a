package retrieval

import "math"

// bm25f is an inverted index over two fields, the heading path and the body,
// ranked with BM25F: each field's term frequency is normalised by that
// field's length before they are summed, so that a word of a short heading
// weighs as much as it should beside a long body.
type bm25f struct {
	k1       float64
	fields   [nFields]fieldParams
	postings map[string][]posting
	lens     [][nFields]int
	avg      [nFields]float64
}

const (
	fieldHead = iota
	fieldBody
	nFields
)

type fieldParams struct {
	weight, b float64
}

type posting struct {
	doc int
	tf  [nFields]int
}

// newBM25F indexes documents given as their terms per field.
func newBM25F(docs [][nFields][]string) *bm25f {
	x := &bm25f{
		k1:       1.2,
		fields:   [nFields]fieldParams{fieldHead: {weight: 0.8, b: 0.5}, fieldBody: {weight: 1, b: 0.6}},
		postings: map[string][]posting{},
		lens:     make([][nFields]int, len(docs)),
	}
	var total [nFields]int
	for i, fields := range docs {
		tf := map[string]*posting{}
		var order []string
		for f, terms := range fields {
			for _, t := range terms {
				p := tf[t]
				if p == nil {
					p = &posting{doc: i}
					tf[t] = p
					order = append(order, t)
				}
				p.tf[f]++
			}
			x.lens[i][f] = len(terms)
			total[f] += len(terms)
		}
		for _, t := range order {
			x.postings[t] = append(x.postings[t], *tf[t])
		}
	}
	for f := range total {
		if len(docs) > 0 {
			x.avg[f] = math.Max(1, float64(total[f])/float64(len(docs)))
		}
	}
	return x
}

// idf of a term; 0 for a term the corpus does not hold.
func (x *bm25f) idf(term string) float64 {
	df := len(x.postings[term])
	if df == 0 {
		return 0
	}
	n := float64(len(x.lens))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// weighted is a query term with its weight (words of the question weigh 1,
// words they stand for less).
type weighted struct {
	term   string
	weight float64
}

// scores returns the BM25F score of every document that matches a term.
func (x *bm25f) scores(terms []weighted, keep func(doc int) bool) map[int]float64 {
	out := map[int]float64{}
	for _, wt := range terms {
		idf := x.idf(wt.term)
		if idf == 0 {
			continue
		}
		for _, p := range x.postings[wt.term] {
			if !keep(p.doc) {
				continue
			}
			tf := 0.0
			for f, fp := range x.fields {
				if p.tf[f] == 0 {
					continue
				}
				norm := 1 - fp.b + fp.b*float64(x.lens[p.doc][f])/x.avg[f]
				tf += fp.weight * float64(p.tf[f]) / norm
			}
			out[p.doc] += wt.weight * idf * tf * (x.k1 + 1) / (tf + x.k1)
		}
	}
	return out
}

// has reports whether a term occurs in the corpus.
func (x *bm25f) has(term string) bool { return len(x.postings[term]) > 0 }

// df is the number of documents holding a term.
func (x *bm25f) df(term string) int { return len(x.postings[term]) }
