package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/philippgille/chromem-go"
)

// Mode selects the ranking: both fused (the default), or one alone.
type Mode string

// Rankings.
const (
	Fused   Mode = "fused"
	Lexical Mode = "lexical"
	Vector  Mode = "vector"
)

// Fusion parameters.
const (
	rrfK          = 60
	vectorWeight  = 0.5   // the local embedder is the weaker ranker
	boostDefines  = 0.05  // a passage that defines a code asked for
	boostMentions = 0.008 // a passage that mentions it
)

// Index holds every section of the corpus, ranked lexically and by vector.
type Index struct {
	sections []tutor.Section
	styles   map[string]string // diploma → code style
	an       Analyzer
	lex      *bm25
	terms    [][]string
	col      *chromem.Collection
	embed    chromem.EmbeddingFunc
	local    *LocalEmbedder
	perDip   map[string]int
	vocab    map[string][]string // stem → itself, by first letter, for typos
}

// Options configure an index.
type Options struct {
	// Embedder embeds texts through a remote API. Nil uses the local,
	// offline embedder.
	Embedder chromem.EmbeddingFunc
}

// Query is one search.
type Query struct {
	Text    string
	K       int    // results wanted (default 5)
	Diploma string // "" for every diploma
	Mode    Mode   // default Fused
}

// Result is one ranked section.
type Result struct {
	Section *tutor.Section
	Score   float64
	Rank    int
}

// New indexes sections. styles gives each diploma's code style. It fails
// when the remote embedder fails.
func New(ctx context.Context, sections []tutor.Section, styles map[string]string, opts Options) (*Index, error) {
	if len(sections) == 0 {
		return nil, errors.New("retrieval: no sections to index")
	}
	x := &Index{sections: sections, styles: styles, perDip: map[string]int{}, vocab: map[string][]string{}}
	texts := make([]string, len(sections))
	st := make([]string, len(sections))
	x.terms = make([][]string, len(sections))
	for i := range sections {
		s := &sections[i]
		texts[i] = s.Path() + "\n" + s.Text
		st[i] = styles[s.Diploma]
		x.terms[i] = x.an.Terms(texts[i], st[i])
		for _, c := range s.Defines {
			// A defined code weighs twice: it is what the passage is about.
			x.terms[i] = append(x.terms[i], codeTermPrefix+strings.ToLower(c))
		}
		x.perDip[s.Diploma]++
	}
	x.lex = newBM25(x.terms)
	for t := range x.lex.postings {
		if !strings.HasPrefix(t, codeTermPrefix) && len(t) >= 4 {
			x.vocab[t[:1]] = append(x.vocab[t[:1]], t)
		}
	}
	for _, v := range x.vocab {
		sort.Strings(v)
	}

	db := chromem.NewDB()
	var embeddings [][]float32
	if opts.Embedder == nil {
		x.local = &LocalEmbedder{}
		x.local.Fit(texts, st)
		x.embed = x.local.Func()
		embeddings = make([][]float32, len(texts))
		for i := range texts {
			embeddings[i] = x.local.Vector(texts[i], st[i])
		}
	} else {
		x.embed = Normalized(opts.Embedder)
	}
	col, err := db.GetOrCreateCollection("sections", nil, x.embed)
	if err != nil {
		return nil, fmt.Errorf("retrieval: %w", err)
	}
	ids := make([]string, len(sections))
	metas := make([]map[string]string, len(sections))
	for i := range sections {
		ids[i] = strconv.Itoa(i)
		metas[i] = map[string]string{"diploma": sections[i].Diploma}
	}
	if err := col.AddConcurrently(ctx, ids, embeddings, metas, texts, runtime.NumCPU()); err != nil {
		return nil, fmt.Errorf("retrieval: embedding the corpus: %w", err)
	}
	x.col = col
	return x, nil
}

// Sections returns the indexed sections.
func (x *Index) Sections() []tutor.Section { return x.sections }

// queryTerms analyses a query and repairs typos against the vocabulary.
func (x *Index) queryTerms(q string) []string {
	terms := x.an.Terms(q, "")
	for i, t := range terms {
		if strings.HasPrefix(t, codeTermPrefix) || x.lex.has(t) || len(t) < 5 {
			continue
		}
		if fix := x.nearest(t); fix != "" {
			terms[i] = fix
		}
	}
	return terms
}

// nearest finds the most frequent vocabulary stem within a small edit
// distance of t: one edit for short words, two for long ones.
func (x *Index) nearest(t string) string {
	maxDist := 1
	if len(t) >= 9 {
		maxDist = 2
	}
	best, bestDF := "", 0
	for _, first := range []string{t[:1], ""} {
		var cands []string
		if first != "" {
			cands = x.vocab[first]
		} else {
			// The first letter may be the typo: scan everything.
			for _, v := range x.vocab {
				cands = append(cands, v...)
			}
			if best != "" {
				break
			}
		}
		for _, v := range cands {
			if abs(len(v)-len(t)) > maxDist {
				continue
			}
			if d := editDistance(t, v, maxDist); d <= maxDist {
				if df := len(x.lex.postings[v]); df > bestDF || (df == bestDF && v < best) {
					best, bestDF = v, df
				}
			}
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance, cut short past max.
func editDistance(a, b string, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Search ranks the sections for a query. It fails when the query is empty
// or the remote embedder fails.
func (x *Index) Search(ctx context.Context, q Query) ([]Result, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, errors.New("retrieval: empty query")
	}
	if q.K <= 0 {
		q.K = 5
	}
	if q.Mode == "" {
		q.Mode = Fused
	}
	keep := func(i int) bool { return q.Diploma == "" || strings.EqualFold(x.sections[i].Diploma, q.Diploma) }
	terms := x.queryTerms(q.Text)
	fused := map[int]float64{}

	if q.Mode != Vector {
		lex := x.lex.scores(terms, keep)
		for rank, id := range rankOf(lex) {
			if q.Mode == Lexical {
				fused[id] = lex[id]
			} else {
				fused[id] += 1.0 / float64(rrfK+rank+1)
			}
		}
	}
	if q.Mode != Lexical {
		vec, err := x.vectorScores(ctx, q)
		if err != nil {
			return nil, err
		}
		for rank, id := range rankOf(vec) {
			if q.Mode == Vector {
				fused[id] = vec[id]
			} else {
				fused[id] += vectorWeight / float64(rrfK+rank+1)
			}
		}
	}
	if q.Mode == Fused {
		x.boostCodes(fused, terms, keep)
	}
	ids := rankOf(fused)
	if len(ids) > q.K {
		ids = ids[:q.K]
	}
	out := make([]Result, len(ids))
	for i, id := range ids {
		out[i] = Result{Section: &x.sections[id], Score: fused[id], Rank: i + 1}
	}
	return out, nil
}

// vectorScores returns the cosine similarity of the nearest sections.
func (x *Index) vectorScores(ctx context.Context, q Query) (map[int]float64, error) {
	var qv []float32
	if x.local != nil {
		qv = x.local.Vector(q.Text, "")
	} else {
		v, err := x.embed(ctx, q.Text)
		if err != nil {
			return nil, fmt.Errorf("retrieval: embedding the query: %w", err)
		}
		qv = v
	}
	n := len(x.sections)
	var where map[string]string
	if q.Diploma != "" {
		where = map[string]string{"diploma": strings.ToUpper(q.Diploma)}
		n = x.perDip[strings.ToUpper(q.Diploma)]
	}
	// Enough candidates for fusion, never more than the collection holds.
	n = min(n, max(50, q.K*4))
	if n == 0 {
		return nil, nil
	}
	res, err := x.col.QueryEmbedding(ctx, qv, n, where, nil)
	if err != nil {
		return nil, fmt.Errorf("retrieval: vector search: %w", err)
	}
	out := make(map[int]float64, len(res))
	for _, r := range res {
		id, _ := strconv.Atoi(r.ID)
		out[id] = float64(r.Similarity)
	}
	return out, nil
}

// boostCodes lifts the sections that define or mention a code of the query.
func (x *Index) boostCodes(scores map[int]float64, terms []string, keep func(int) bool) {
	var codes []string
	for _, t := range terms {
		if strings.HasPrefix(t, codeTermPrefix) {
			codes = append(codes, strings.ToUpper(strings.TrimPrefix(t, codeTermPrefix)))
		}
	}
	if len(codes) == 0 {
		return
	}
	for i := range x.sections {
		if !keep(i) {
			continue
		}
		s := &x.sections[i]
		for _, c := range codes {
			switch {
			case s.DefinesCode(c):
				scores[i] += boostDefines
			case s.HasCode(c):
				scores[i] += boostMentions
			}
		}
	}
}

// rankOf orders ids by descending score, ties by id.
func rankOf(scores map[int]float64) []int {
	ids := make([]int, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if scores[ids[a]] != scores[ids[b]] {
			return scores[ids[a]] > scores[ids[b]]
		}
		return ids[a] < ids[b]
	})
	return ids
}

// Coverage is the share of the query's topic (IDF-weighted terms) found in a
// section, from 0 to 1. Answers are refused when nothing covers the query.
func (x *Index) Coverage(query string, s *tutor.Section) float64 {
	terms := x.queryTerms(query)
	i := x.indexOf(s)
	if i < 0 || len(terms) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, t := range x.terms[i] {
		in[t] = true
	}
	var total, got float64
	seen := map[string]bool{}
	for _, t := range terms {
		if seen[t] || strings.HasPrefix(t, codeTermPrefix) {
			continue
		}
		seen[t] = true
		w := x.lex.idf(t)
		if w == 0 {
			w = x.unknownWeight()
		}
		total += w
		if in[t] {
			got += w
		}
	}
	if total == 0 {
		return 1 // only codes: the code check decides
	}
	return got / total
}

// unknownWeight weighs a query word the corpus never uses like the rarest
// word it does: such a word is what the question is about.
func (x *Index) unknownWeight() float64 {
	n := float64(len(x.sections))
	return math.Log(1 + (n-0.5)/1.5)
}

func (x *Index) indexOf(s *tutor.Section) int {
	for i := range x.sections {
		if &x.sections[i] == s || x.sections[i].ID == s.ID {
			return i
		}
	}
	return -1
}

// Known reports whether a query term (after analysis) occurs in the corpus;
// used to tell questions about the référentiels from others.
func (x *Index) Known(query string) (known, total int) {
	for _, t := range x.queryTerms(query) {
		if strings.HasPrefix(t, codeTermPrefix) {
			continue
		}
		total++
		if x.lex.has(t) {
			known++
		}
	}
	return known, total
}
