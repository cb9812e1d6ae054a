package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Remote embeddings: the passages are embedded in batches and the vectors
// kept on disk, keyed by model and text, so that a restart embeds nothing
// it already has. Every vector must have the same size; a failure or a
// mismatch is an error New turns into the local embedder, with a log line.

// remoteVectors returns a vector for each text: from the cache when it has
// it, from the API in batches otherwise. It fails when the API does or when
// the vectors do not all have the same size.
func remoteVectors(ctx context.Context, texts []string, opts Options) ([][]float32, error) {
	cache := loadCache(opts.CacheDir, opts.EmbedModel)
	out := make([][]float32, len(texts))
	var missing []int
	for i, t := range texts {
		if v, ok := cache.Vectors[cacheKey(opts.EmbedModel, t)]; ok {
			out[i] = v
		} else {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		batch := make([]string, len(missing))
		for k, i := range missing {
			batch[k] = texts[i]
		}
		vs, err := opts.EmbedBatch(ctx, batch)
		if err != nil {
			return nil, err
		}
		if len(vs) != len(batch) {
			return nil, fmt.Errorf("%d vecteurs pour %d textes", len(vs), len(batch))
		}
		for k, i := range missing {
			out[i] = vs[k]
			cache.Vectors[cacheKey(opts.EmbedModel, texts[i])] = vs[k]
		}
	}
	dim := 0
	for _, v := range out {
		if len(v) == 0 || dim != 0 && len(v) != dim {
			return nil, errors.New("les vecteurs du modèle d'embeddings n'ont pas tous la même taille")
		}
		dim = len(v)
	}
	if len(missing) > 0 {
		if err := cache.save(opts.CacheDir, opts.EmbedModel); err != nil {
			return out, fmt.Errorf("cache des embeddings : %w", err)
		}
	}
	return out, nil
}

// vectorCache is the file of vectors kept for one embedding model.
type vectorCache struct {
	Vectors map[string][]float32
}

func cacheKey(model, text string) string {
	h := sha256.Sum256([]byte(model + "\x00" + text))
	return hex.EncodeToString(h[:16])
}

func cacheFile(dir, model string) string {
	h := sha256.Sum256([]byte(model))
	return filepath.Join(dir, "embeddings-"+hex.EncodeToString(h[:8])+".gob")
}

// loadCache reads the cache of a model; an absent or unreadable file is an
// empty cache (the vectors are fetched again).
func loadCache(dir, model string) *vectorCache {
	c := &vectorCache{Vectors: map[string][]float32{}}
	if dir == "" {
		return c
	}
	f, err := os.Open(cacheFile(dir, model))
	if err != nil {
		return c
	}
	defer f.Close()
	var read vectorCache
	if gob.NewDecoder(f).Decode(&read) == nil && read.Vectors != nil {
		c = &read
	}
	return c
}

// save writes the cache atomically: a new file renamed over the old one.
func (c *vectorCache) save(dir, model string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "embeddings-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := gob.NewEncoder(tmp).Encode(c); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), cacheFile(dir, model))
}
