package retrieval

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"

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
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err() // Ctrl-C while a large corpus is read
		}
		s := &sections[i]
		texts[i] = s.Path() + "\n" + s.Text
		st[i] = styles[s.Diploma]
		docs[i], all[i] = x.analyse(i, st[i])
		x.perDip[s.Diploma]++
		x.byID[s.ID] = i
		for _, w := range Tokens(texts[i]) {
			x.vocab[w]++
		}
	}
	x.lex = newBM25F(docs)
	embeddings := x.vectors(ctx, texts, st, all, opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := x.store(ctx, texts, embeddings); err != nil {
		return nil, err
	}
	return x, nil
}

// analyse reads section i's terms into its fields (the heading with the
// codes it defines, the body, each with its bigrams) and returns them with
// the passage's plain terms, heading first.
func (x *Index) analyse(i int, style string) (fields [nFields][]string, all []string) {
	s := &x.sections[i]
	head := x.an.Terms(s.Path(), style)
	x.heads[i] = map[string]bool{}
	for _, t := range head {
		x.heads[i][t] = true
	}
	all = slices.Clone(head)
	for _, c := range s.Defines {
		// A defined code is what the passage is about.
		head = append(head, CodeTerm(c))
	}
	body := x.an.Terms(s.Text, style)
	all = append(all, body...)
	fields = [nFields][]string{
		fieldHead: append(head, Bigrams(head)...),
		fieldBody: append(body, Bigrams(body)...),
	}
	set := map[string]bool{}
	for _, f := range fields {
		for _, t := range f {
			set[t] = true
		}
	}
	x.terms[i] = set
	return fields, all
}

// vectors embeds the passages: with the remote embedder when one is
// configured and answers (its vectors cached), else with the local one.
func (x *Index) vectors(ctx context.Context, texts, styles []string, terms [][]string, opts Options) [][]float32 {
	if opts.Embedder != nil && opts.EmbedBatch != nil {
		vs, err := remoteVectors(ctx, texts, opts)
		switch {
		case err != nil && vs == nil:
			x.logf("embeddings distants indisponibles (%v) : recherche avec l'embedder local", err)
		case err != nil:
			x.logf("%v", err) // the vectors are good, only the cache failed
			fallthrough
		default:
			x.embed, x.dim = Normalized(opts.Embedder), len(vs[0])
			if opts.CacheDir != "" {
				x.cacheFile = cacheFile(opts.CacheDir, opts.EmbedModel)
			}
			return vs
		}
	} else if opts.Embedder != nil {
		x.embed = Normalized(opts.Embedder)
		return nil // the collection embeds the passages itself
	}
	x.local = &LocalEmbedder{an: x.an}
	x.embed = x.local.Func()
	return x.local.FitVectors(texts, styles, terms)
}

// store puts the passages and their vectors in the vector collection.
func (x *Index) store(ctx context.Context, texts []string, embeddings [][]float32) error {
	col, err := chromem.NewDB().GetOrCreateCollection("sections", nil, x.embed)
	if err != nil {
		return fmt.Errorf("retrieval : %w", err)
	}
	ids := make([]string, len(texts))
	metas := make([]map[string]string, len(texts))
	for i := range texts {
		ids[i] = strconv.Itoa(i)
		metas[i] = map[string]string{"diploma": x.sections[i].Diploma}
	}
	if err := col.AddConcurrently(ctx, ids, embeddings, metas, texts, runtime.NumCPU()); err != nil {
		return fmt.Errorf("retrieval : vectorisation des passages : %w", err)
	}
	x.col = col
	return nil
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
