package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
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

// Weights of the ranking. The lexical score is scaled to 1 for the best
// passage; the rest are added to it.
const (
	vectorWeight  = 0.5  // the vector ranking, scaled to [0, 1] over the candidates
	extraWeight   = 0.35 // a word the question stands for, beside its own words
	bigramWeight  = 0.5  // two words of the question side by side in the passage
	boostDefines  = 0.5  // a passage that defines a code asked for
	boostMentions = 0.08 // a passage that mentions it
	boostKind     = 0.12 // a passage of the kind the question is about
	boostWithin   = 0.3  // a passage inside the part of the text the question names
	boostNumbered = 0.3  // a passage whose heading names the numbered part asked ("situation 1")
	vectorDepth   = 60   // candidates taken from the vector ranking
)

// Index holds every section of the corpus, ranked lexically and by vector.
type Index struct {
	sections  []tutor.Section
	styles    map[string]string // diploma → code style
	an        Analyzer
	lex       *bm25f
	terms     []map[string]bool // each section's terms, both fields
	heads     []map[string]bool // the terms of each section's heading path, numbered parts included ("situation:1")
	col       *chromem.Collection
	embed     chromem.EmbeddingFunc
	local     *LocalEmbedder
	dim       int    // size of the remote vectors
	cacheFile string // where they are kept, "" if nowhere
	logf      func(format string, args ...any)
	perDip    map[string]int
	vocab     map[string]int // folded corpus words → occurrences
	byID      map[string]int
}

// Options configure an index.
type Options struct {
	// Embedder embeds texts through a remote API. Nil uses the local,
	// offline embedder.
	Embedder chromem.EmbeddingFunc
	// EmbedBatch embeds many texts in few requests (the passages at
	// start); EmbedModel names the model, CacheDir keeps its vectors on
	// disk so that a restart asks for none it has.
	EmbedBatch func(ctx context.Context, texts []string) ([][]float32, error)
	EmbedModel string
	CacheDir   string
	// Logf reports a remote embedder that fails: the index then searches
	// with the local embedder (at start) or by words alone (for a query).
	Logf func(format string, args ...any)
}

// Span is a range of lines of one diploma's text; with a Code, only the
// passages of that range that define or mention the code (several
// compétences may share a table row).
type Span struct {
	Diploma string
	Lines   tutor.Lines
	Code    string
}

// Query is one search.
type Query struct {
	// Text is the question, or keywords.
	Text string
	// Extra are words of the texts that the question stands for ("jury" →
	// "commission"); they weigh less than the question's own words.
	Extra []string
	// Codes are canonical codes asked about: passages that define them rise.
	Codes []string
	// Kinds are the kinds of passage the question is about (stage, horaire…).
	Kinds []tutor.Kind
	// Within are the parts of the texts the question names (an épreuve's
	// definition): passages inside them rise.
	Within []Span
	// Only keeps the passages inside Within, when there are some.
	Only bool
	// Headed are words a passage's heading should hold (a table's row
	// label, "TOTAL"): those passages rise.
	Headed []string
	K      int // results wanted (default 5)
	// Diploma keeps one diploma's passages ("" for every diploma).
	Diploma string
	Mode    Mode // default Fused
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
		return nil, errors.New("retrieval : aucun passage à indexer")
	}
	x := &Index{an: NewAnalyzer(), sections: sections, styles: styles, perDip: map[string]int{}, vocab: map[string]int{}, byID: map[string]int{},
		logf: opts.Logf}
	if x.logf == nil {
		x.logf = func(string, ...any) {}
	}
	texts := make([]string, len(sections))
	st := make([]string, len(sections))
	docs := make([][nFields][]string, len(sections))
	all := make([][]string, len(sections)) // a passage's terms, heading first
	x.terms = make([]map[string]bool, len(sections))
	x.heads = make([]map[string]bool, len(sections))
	for i := range sections {
		s := &sections[i]
		texts[i] = s.Path() + "\n" + s.Text
		st[i] = styles[s.Diploma]
		head := x.an.Terms(s.Path(), st[i])
		x.heads[i] = map[string]bool{}
		for _, t := range head {
			x.heads[i][t] = true
		}
		for _, c := range s.Defines {
			// A defined code is what the passage is about.
			head = append(head, CodeTerm(c))
		}
		body := x.an.Terms(s.Text, st[i])
		all[i] = append(append([]string(nil), head[:len(head)-len(s.Defines)]...), body...)
		docs[i] = [nFields][]string{
			fieldHead: append(head, Bigrams(head)...),
			fieldBody: append(body, Bigrams(body)...),
		}
		set := map[string]bool{}
		for _, f := range docs[i] {
			for _, t := range f {
				set[t] = true
			}
		}
		x.terms[i] = set
		x.perDip[s.Diploma]++
		x.byID[s.ID] = i
		for _, w := range Tokens(texts[i]) {
			x.vocab[w]++
		}
	}
	x.lex = newBM25F(docs)

	db := chromem.NewDB()
	var embeddings [][]float32
	if opts.Embedder != nil && opts.EmbedBatch != nil {
		vs, err := remoteVectors(ctx, texts, opts)
		switch {
		case err != nil && vs == nil:
			x.logf("embeddings distants indisponibles (%v) : recherche avec l'embedder local", err)
		case err != nil:
			x.logf("%v", err) // the vectors are good, only the cache failed
			fallthrough
		default:
			embeddings, x.embed, x.dim = vs, Normalized(opts.Embedder), len(vs[0])
			if opts.CacheDir != "" {
				x.cacheFile = cacheFile(opts.CacheDir, opts.EmbedModel)
			}
		}
	} else if opts.Embedder != nil {
		x.embed = Normalized(opts.Embedder)
	}
	if x.embed == nil {
		x.local = &LocalEmbedder{an: x.an}
		embeddings = x.local.FitVectors(texts, st, all)
		x.embed = x.local.Func()
	}
	col, err := db.GetOrCreateCollection("sections", nil, x.embed)
	if err != nil {
		return nil, fmt.Errorf("retrieval : %w", err)
	}
	ids := make([]string, len(sections))
	metas := make([]map[string]string, len(sections))
	for i := range sections {
		ids[i] = strconv.Itoa(i)
		metas[i] = map[string]string{"diploma": sections[i].Diploma}
	}
	if err := col.AddConcurrently(ctx, ids, embeddings, metas, texts, runtime.NumCPU()); err != nil {
		return nil, fmt.Errorf("retrieval : vectorisation des passages : %w", err)
	}
	x.col = col
	return x, nil
}

// Sections returns the indexed sections.
func (x *Index) Sections() []tutor.Section { return x.sections }

// Vocabulary returns the corpus's folded words and their counts (shared:
// callers must not change it).
func (x *Index) Vocabulary() map[string]int { return x.vocab }

// Terms analyses a question's text the way the index reads passages.
func (x *Index) Terms(text string) []string { return x.an.Terms(text, "") }

// IDF is the inverse document frequency of an index term; 0 for a term the
// corpus does not hold.
func (x *Index) IDF(term string) float64 { return x.lex.idf(term) }

// Holds reports whether a section's heading path or text holds an index term.
func (x *Index) Holds(s *tutor.Section, term string) bool {
	i, ok := x.byID[s.ID]
	return ok && x.terms[i][term]
}

// Search ranks the sections for a query. It fails when the query is empty
// or the remote embedder fails.
func (x *Index) Search(ctx context.Context, q Query) ([]Result, error) {
	if strings.TrimSpace(q.Text) == "" && len(q.Codes) == 0 {
		return nil, errors.New("retrieval : requête vide")
	}
	if q.K <= 0 {
		q.K = 5
	}
	if q.Mode == "" {
		q.Mode = Fused
	}
	keep := func(i int) bool {
		s := &x.sections[i]
		if q.Diploma != "" && !strings.EqualFold(s.Diploma, q.Diploma) {
			return false
		}
		return !q.Only || len(q.Within) == 0 || inside(s, q.Within)
	}
	scores := map[int]float64{}
	if q.Mode != Vector {
		lex := x.lex.scores(x.queryTerms(q), keep)
		top := 0.0
		for _, s := range lex {
			top = max(top, s)
		}
		for id, s := range lex {
			scores[id] = s / top
		}
	}
	if q.Mode != Lexical {
		vec, err := x.vectorScores(ctx, q)
		if err != nil {
			return nil, err
		}
		w := vectorWeight
		if q.Mode == Vector {
			w = 1
		}
		for id, s := range vec {
			scores[id] += w * s
		}
	}
	if q.Mode == Fused {
		x.boost(scores, q, keep)
	}
	ids := rankOf(scores)
	if len(ids) > q.K {
		ids = ids[:q.K]
	}
	out := make([]Result, len(ids))
	for i, id := range ids {
		out[i] = Result{Section: &x.sections[id], Score: scores[id], Rank: i + 1}
	}
	return out, nil
}

// queryTerms weighs the terms of a query: its own words and codes, the
// pairs of adjacent words, the words it stands for.
func (x *Index) queryTerms(q Query) []weighted {
	var out []weighted
	seen := map[string]bool{}
	add := func(t string, w float64) {
		if !seen[t] {
			seen[t] = true
			out = append(out, weighted{t, w})
		}
	}
	own := x.an.Terms(q.Text, "")
	for _, t := range own {
		add(t, 1)
	}
	for _, c := range q.Codes {
		add(CodeTerm(c), 1)
	}
	for _, t := range Bigrams(own) {
		add(t, bigramWeight)
	}
	for _, t := range x.an.Terms(strings.Join(q.Extra, " "), "") {
		add(t, extraWeight)
	}
	return out
}

// vectorScores returns the cosine similarity of the nearest sections,
// scaled to [0, 1] over the candidates.
func (x *Index) vectorScores(ctx context.Context, q Query) (map[int]float64, error) {
	text := strings.TrimSpace(q.Text + " " + strings.Join(q.Codes, " ") + " " + strings.Join(q.Extra, " "))
	var qv []float32
	if x.local != nil {
		qv = x.local.Vector(text, "")
	} else {
		v, err := x.embed(ctx, text)
		if err == nil && x.dim != 0 && len(v) != x.dim {
			err = fmt.Errorf("vecteur de taille %d au lieu de %d", len(v), x.dim)
			// The model behind the name changed: the cached vectors are
			// dropped so that the next start embeds the passages again.
			if x.cacheFile != "" {
				os.Remove(x.cacheFile)
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// The question is answered from its words alone.
			x.logf("embedding de la question impossible (%v) : recherche par les mots seuls", err)
			return nil, nil
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
	n = min(n, max(vectorDepth, q.K*4))
	if n == 0 {
		return nil, nil
	}
	res, err := x.col.QueryEmbedding(ctx, qv, n, where, nil)
	if err != nil {
		return nil, fmt.Errorf("retrieval : recherche vectorielle : %w", err)
	}
	out := make(map[int]float64, len(res))
	if len(res) == 0 {
		return out, nil
	}
	hi, lo := float64(res[0].Similarity), float64(res[len(res)-1].Similarity)
	for _, r := range res {
		id, _ := strconv.Atoi(r.ID)
		s := 1.0
		if hi > lo {
			s = (float64(r.Similarity) - lo) / (hi - lo)
		}
		out[id] = s
	}
	return out, nil
}

// boost lifts the sections that define or mention a code of the query, those
// of the kinds it is about and those inside the parts it names.
func (x *Index) boost(scores map[int]float64, q Query, keep func(int) bool) {
	codes := append([]string(nil), q.Codes...)
	for _, t := range x.an.Terms(q.Text, "") {
		if strings.HasPrefix(t, codeTermPrefix) {
			codes = append(codes, strings.ToUpper(strings.TrimPrefix(t, codeTermPrefix)))
		}
	}
	// Numbered parts the question names ("deuxième situation") and the
	// words it wants in a heading rise in the passages whose heading holds
	// them.
	var numbered []string
	for _, t := range x.an.Terms(q.Text, "") {
		if isNumbered(t) {
			numbered = append(numbered, t)
		}
	}
	numbered = append(numbered, x.an.Terms(strings.Join(q.Headed, " "), "")...)
	if len(codes) == 0 && len(q.Kinds) == 0 && len(q.Within) == 0 && len(numbered) == 0 {
		return
	}
	for i := range x.sections {
		if !keep(i) {
			continue
		}
		s := &x.sections[i]
		b := 0.0
		for _, c := range dedupe(codes) {
			switch {
			case s.DefinesCode(c):
				b += boostDefines
			case s.HasCode(c):
				b += boostMentions
			}
		}
		for _, k := range q.Kinds {
			if s.Kind == k {
				b += boostKind
				break
			}
		}
		if inside(s, q.Within) {
			b += boostWithin
		}
		for _, t := range numbered {
			if x.heads[i][t] {
				b += boostNumbered
				break
			}
		}
		if b == 0 {
			continue
		}
		if _, ok := scores[i]; ok || b >= boostWithin {
			scores[i] += b
		}
	}
}

// isNumbered reports whether an index term is a numbered part ("bloc:4").
func isNumbered(t string) bool {
	return strings.Contains(t, ":") && !strings.HasPrefix(t, bigramPrefix) && !strings.HasPrefix(t, codeTermPrefix)
}

// inside reports whether a section starts inside one of the spans.
func inside(s *tutor.Section, spans []Span) bool {
	for _, w := range spans {
		if !strings.EqualFold(w.Diploma, s.Diploma) {
			continue
		}
		if w.Code != "" && s.DefinesCode(w.Code) {
			return true
		}
		if s.Lines[0] >= w.Lines[0] && s.Lines[0] <= w.Lines[1] && (w.Code == "" || s.HasCode(w.Code)) {
			return true
		}
	}
	return false
}

func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
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
