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
		// The vectors received before a failure are kept: the next start
		// asks only for the rest.
		vs, err := opts.EmbedBatch(ctx, batch)
		for k, i := range missing {
			if k < len(vs) && len(vs[k]) > 0 {
				out[i] = vs[k]
				cache.Vectors[cacheKey(opts.EmbedModel, texts[i])] = vs[k]
			}
		}
		if err != nil {
			if serr := cache.save(opts.CacheDir, opts.EmbedModel); serr != nil {
				err = fmt.Errorf("%w (et cache : %v)", err, serr)
			}
			return nil, err
		}
	}
	dim := 0
	for _, v := range out {
		if len(v) == 0 || dim != 0 && len(v) != dim {
			// Vectors of two sizes: the model behind the name changed.
			// The cache is emptied so that the next start asks again.
			cache.Vectors = map[string][]float32{}
			cache.save(opts.CacheDir, opts.EmbedModel)
			return nil, errors.New("les vecteurs du modèle d'embeddings n'ont pas tous la même taille (cache vidé)")
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
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	// Another process may have saved vectors since this one read the
	// file: they are kept (same model, same key: the same vector).
	if len(c.Vectors) > 0 {
		for k, v := range loadCache(dir, model).Vectors {
			if _, ok := c.Vectors[k]; !ok {
				c.Vectors[k] = v
			}
		}
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
