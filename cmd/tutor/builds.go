package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// Builds memoises the parsed texts and the local-embedder engine for the
// Mains that share it, keyed by the added référentiels' folder as it is on
// disk: a file added or changed there builds anew. Neither is modified once
// built, so they are shared as they are.
type Builds struct {
	mu      sync.Mutex
	key     string
	texts   *corpus.Corpus
	engines *answer.Engine
}

func (b *Builds) corpus(dir string, pdf corpus.PDFReader) (*corpus.Corpus, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.corpusLocked(dir, pdf)
}

func (b *Builds) corpusLocked(dir string, pdf corpus.PDFReader) (*corpus.Corpus, error) {
	key := folderKey(dir)
	if b.texts != nil && b.key == key {
		return b.texts, nil
	}
	c, err := corpus.LoadWith(pdf, dir)
	if err != nil {
		return nil, err
	}
	b.key, b.texts, b.engines = key, c, nil
	return c, nil
}

func (b *Builds) engine(ctx context.Context, dir string, pdf corpus.PDFReader) (*answer.Engine, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, err := b.corpusLocked(dir, pdf)
	if err != nil {
		return nil, err
	}
	if b.engines == nil {
		if b.engines, err = answer.New(ctx, c, retrieval.Options{}); err != nil {
			return nil, err
		}
	}
	return b.engines, nil
}

// folderKey names a folder's content: its files with their sizes and times.
func folderKey(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return "" // nothing added: the embedded texts alone
	}
	var sb strings.Builder
	sb.WriteString(dir + "\n")
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue
		}
		fmt.Fprintf(&sb, "%s|%d|%d;", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return sb.String()
}
