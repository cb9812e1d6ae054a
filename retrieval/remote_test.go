package retrieval

import (
	"context"
	"errors"
	"testing"
)

// Vectors received before a failure are kept, and two processes saving the
// same cache keep each other's vectors.
func TestRemoteCacheKeepsWhatItGot(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	opts := Options{EmbedModel: "m", CacheDir: dir, EmbedBatch: func(_ context.Context, texts []string) ([][]float32, error) {
		calls++
		out := make([][]float32, 0, len(texts))
		for range texts[:len(texts)/2] {
			out = append(out, []float32{1, 0})
		}
		return out, errors.New("429")
	}}
	texts := []string{"a", "b", "c", "d"}
	if _, err := remoteVectors(context.Background(), texts, opts); err == nil {
		t.Fatal("a failing API succeeded")
	}
	if n := len(loadCache(dir, "m").Vectors); n != 2 {
		t.Fatalf("%d vectors kept, want the 2 received", n)
	}
	// Another process saves other vectors; a save here keeps them.
	other := loadCache(dir, "m")
	other.Vectors = map[string][]float32{cacheKey("m", "z"): {0, 1}}
	if err := other.save(dir, "m"); err != nil {
		t.Fatal(err)
	}
	if n := len(loadCache(dir, "m").Vectors); n != 3 {
		t.Errorf("%d vectors after a second writer, want 3", n)
	}
	// Vectors of two sizes empty the cache.
	opts.EmbedBatch = func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i := range out {
			out[i] = []float32{1, 0, 0}
		}
		return out, nil
	}
	if _, err := remoteVectors(context.Background(), texts, opts); err == nil {
		t.Error("vectors of two sizes accepted")
	}
	if n := len(loadCache(dir, "m").Vectors); n != 0 {
		t.Errorf("%d vectors left after a size change", n)
	}
}
