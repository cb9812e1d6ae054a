package eval

import (
	"context"
	"testing"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/retrieval"
)

// The golden set is the contract: these are the targets for the fused
// ranking. A regression in parsing, retrieval or answers fails here.
func TestGoldenSetTargets(t *testing.T) {
	items, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	refuse := 0
	for _, it := range items {
		if it.Refuse {
			refuse++
		}
	}
	if len(items) < 100 || refuse < 10 {
		t.Fatalf("golden set: %d items, %d to refuse; want ≥ 100 and ≥ 10", len(items), refuse)
	}
	c, err := corpus.Load()
	if err != nil {
		t.Fatal(err)
	}
	e, err := answer.New(context.Background(), c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), e, items)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep.Table())
	f := rep.Scores[0]
	if f.Mode != retrieval.Fused {
		t.Fatalf("first row is %s", f.Mode)
	}
	check := func(name string, got, min float64) {
		if got < min {
			t.Errorf("%s = %.3f, want ≥ %.2f", name, got, min)
		}
	}
	check("hit@5", f.Hit5, 0.95)
	check("MRR", f.MRR, 0.85)
	check("fact accuracy", f.FactAccuracy, 0.90)
	check("abstention recall", f.AbstainRecall, 0.9)
	if f.AnswerableRefused > 0.05 {
		t.Errorf("%.3f of answerable questions refused, want ≤ 0.05", f.AnswerableRefused)
	}
	if t.Failed() {
		for _, l := range rep.Failures {
			t.Log(l)
		}
	}
}

func TestLoadRejectsBadSets(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty.jsonl":   "",
		"broken.jsonl":  "{not json",
		"nogold.jsonl":  `{"id":"a","q":"coef e4"}`,
		"missing.jsonl": "",
	} {
		path := dir + "/" + name
		if name != "missing.jsonl" {
			writeFile(t, path, content)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}
