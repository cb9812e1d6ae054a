package retrieval

import (
	"context"
	"hash/fnv"
	"math"

	"github.com/philippgille/chromem-go"
)

// LocalDims is the size of the local embedder's vectors.
const LocalDims = 2048

// LocalEmbedder is a deterministic, offline embedder: hashed TF-IDF over the
// analyser's terms plus character trigrams of each word (so that typos and
// missing accents still land near the right passage), L2-normalised.
// It needs no model and no network. Fit it on the corpus before use.
type LocalEmbedder struct {
	an  Analyzer
	idf map[uint32]float32
	// idf of a feature never seen in the corpus.
	unseen float32
}

// features returns the hashed features of a text with their raw weights.
func (e *LocalEmbedder) features(text, style string) map[uint32]float32 {
	return featuresOf(e.an.Terms(text, style), text)
}

// featuresOf are the features of a text whose terms are already known.
func featuresOf(terms []string, text string) map[uint32]float32 {
	f := map[uint32]float32{}
	for _, t := range terms {
		f[hash("t:"+t)] += 1
	}
	for _, w := range Words(text) {
		if len(w) < 4 || stopWords[w] {
			continue
		}
		g := "^" + w + "$"
		for i := 0; i+3 <= len(g); i++ {
			f[hash("g:"+g[i:i+3])] += 0.4
		}
	}
	return f
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// Fit computes inverse document frequencies over the corpus texts.
func (e *LocalEmbedder) Fit(texts []string, styles []string) {
	e.FitVectors(texts, styles, nil)
}

// FitVectors is Fit, returning the texts' vectors: each text is read once.
// terms, when not nil, are the texts' terms already computed.
func (e *LocalEmbedder) FitVectors(texts, styles []string, terms [][]string) [][]float32 {
	feats := make([]map[uint32]float32, len(texts))
	df := map[uint32]int{}
	for i, t := range texts {
		if terms != nil {
			feats[i] = featuresOf(terms[i], t)
		} else {
			feats[i] = e.features(t, styles[i])
		}
		for k := range feats[i] {
			df[k]++
		}
	}
	n := float64(len(texts))
	e.idf = make(map[uint32]float32, len(df))
	for k, d := range df {
		e.idf[k] = float32(math.Log(1 + n/float64(d)))
	}
	e.unseen = float32(math.Log(1 + n))
	out := make([][]float32, len(texts))
	for i, f := range feats {
		out[i] = e.vectorOf(f)
	}
	return out
}

// Vector embeds a text whose codes are written in style ("" for a query).
func (e *LocalEmbedder) Vector(text, style string) []float32 {
	return e.vectorOf(e.features(text, style))
}

// vectorOf weighs a text's features and folds them into LocalDims.
func (e *LocalEmbedder) vectorOf(f map[uint32]float32) []float32 {
	v := make([]float32, LocalDims)
	for k, w := range f {
		idf, ok := e.idf[k]
		if !ok {
			idf = e.unseen
		}
		x := (1 + float32(math.Log(float64(1+w)))) * idf
		if k&(1<<31) != 0 {
			x = -x
		}
		v[k%LocalDims] += x
	}
	return normalize(v)
}

// Func adapts the embedder to chromem-go, for queries.
func (e *LocalEmbedder) Func() chromem.EmbeddingFunc {
	return func(_ context.Context, text string) ([]float32, error) {
		return e.Vector(text, ""), nil
	}
}

func normalize(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return v
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i] *= inv
	}
	return v
}

// Normalized wraps a remote embedding function so that its vectors are unit
// length, as chromem-go's cosine search assumes.
func Normalized(f chromem.EmbeddingFunc) chromem.EmbeddingFunc {
	return func(ctx context.Context, text string) ([]float32, error) {
		v, err := f(ctx, text)
		if err != nil {
			return nil, err
		}
		return normalize(append([]float32(nil), v...)), nil
	}
}
