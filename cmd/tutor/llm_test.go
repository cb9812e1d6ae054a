package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/btstutor/tutor/internal/openaitest"
	"github.com/btstutor/tutor/llm"
)

func TestAskWithLLM(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	env := dataEnv(t)
	env["TUTOR_LLM_BASE_URL"] = srv.URL
	env["TUTOR_LLM_API_KEY"] = "sk-cli-secret"
	env["TUTOR_LLM_MODEL"] = "local-model"
	srv.Push(openaitest.Reply{Text: "Au BTS CCST, l'épreuve E4 a un coefficient de 6 [1][9]."})
	code, out, errs := run(t, "", env, "ask", "--json", "coef e4 ccst")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Mode             string `json:"mode"`
		Verified         bool   `json:"verified"`
		RemovedCitations int    `json:"removed_citations"`
		Answer           string `json:"answer"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Mode != "llm" || !r.Verified || r.RemovedCitations != 1 || strings.Contains(r.Answer, "[9]") {
		t.Errorf("%+v", r)
	}
	// --no-llm forces the extractive answer, without asking the model.
	n := len(srv.Received())
	code, out, _ = run(t, "", env, "ask", "--no-llm", "--json", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, `"mode": "extractive"`) || len(srv.Received()) != n {
		t.Errorf("--no-llm: exit %d, %s, %d requests", code, out, len(srv.Received())-n)
	}
	// The model down: the extractive answer, a note, exit 0.
	srv.Push(openaitest.Reply{Status: 401})
	code, out, errs = run(t, "", env, "ask", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, "coefficient de 6") || !strings.Contains(out, "indisponible") {
		t.Errorf("model down: exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out+errs, "sk-cli-secret") {
		t.Error("API key printed")
	}
	// Half a configuration is refused clearly.
	code, _, errs = run(t, "", map[string]string{"TUTOR_DATA_DIR": t.TempDir(), "TUTOR_LLM_BASE_URL": srv.URL}, "ask", "coef")
	if code != exitUsage || !strings.Contains(errs, "TUTOR_LLM_MODEL manquant") {
		t.Errorf("half config: exit %d %s", code, errs)
	}
}

func TestRemoteEmbeddings(t *testing.T) {
	t.Parallel()
	srv, env := embeddingEnv(t)
	embeds := func() (requests, inputs int) {
		for _, r := range srv.Received() {
			if r.Path == "/v1/embeddings" {
				requests++
				in, _ := r.Body["input"].([]any)
				inputs += len(in)
			}
		}
		return
	}
	// --no-llm calls no API at all.
	if code, out, errs := run(t, "", env, "ask", "--no-llm", "coef e4 ccst"); code != 0 || !strings.Contains(out, "coefficient de 6") {
		t.Fatalf("--no-llm: exit %d: %s %s", code, out, errs)
	}
	if n := len(srv.Received()); n != 0 {
		t.Fatalf("--no-llm sent %d requests", n)
	}
	// The first start embeds the passages in batches.
	srv.Respond(func(openaitest.ChatRequest) openaitest.Reply { return openaitest.Reply{Text: "Coefficient de 6 [1]."} })
	if code, out, errs := run(t, "", env, "ask", "coef e4 ccst"); code != 0 || !strings.Contains(out, "6") {
		t.Fatalf("first start: exit %d: %s %s", code, out, errs)
	}
	requests, inputs := embeds()
	t.Logf("first start: %d texts in %d embedding requests", inputs, requests)
	if inputs < 100 || requests > inputs/llm.EmbedBatchSize+3 {
		t.Errorf("first start: %d texts in %d requests, want batches of %d", inputs, requests, llm.EmbedBatchSize)
	}
	// The second embeds nothing new: only the question.
	if code, _, errs := run(t, "", env, "ask", "coef e4 ccst"); code != 0 {
		t.Fatalf("second start: exit %d: %s", code, errs)
	}
	if r2, _ := embeds(); r2 != requests+1 {
		t.Errorf("second start: %d embedding requests, want 1 (the question)", r2-requests)
	}
}

// embeddingEnv is a data folder and a loopback server for a chat model and
// a remote embedding model.
func embeddingEnv(t *testing.T) (*openaitest.Server, map[string]string) {
	srv := openaitest.New(t)
	env := dataEnv(t)
	env["TUTOR_LLM_BASE_URL"] = srv.URL
	env["TUTOR_LLM_MODEL"] = "m"
	env["TUTOR_EMBED_MODEL"] = "nomic-embed-text"
	return srv, env
}

// TestRemoteEmbeddingsFailing: a failing API, at start or for a question,
// degrades to local search with a warning, never to an error for the
// student. Each case builds an index: under -race it is skipped, and make
// test runs it in its second pass.
func TestRemoteEmbeddingsFailing(t *testing.T) {
	if raceEnabled {
		t.Skip("run without -race by make test")
	}
	t.Parallel()
	srv, env := embeddingEnv(t)
	env["TUTOR_LLM_RETRIES"] = "0" // the retries are the llm package's tests
	srv.Respond(func(openaitest.ChatRequest) openaitest.Reply { return openaitest.Reply{Text: "Coefficient de 6 [1]."} })
	if code, _, errs := run(t, "", env, "ask", "coef e4 ccst"); code != 0 { // fills the cache
		t.Fatalf("exit %d: %s", code, errs)
	}
	srv.Embeddings(500, 0)
	if code, out, errs := run(t, "", env, "ask", "--no-llm", "coef e4 ccst"); code != 0 || !strings.Contains(out, "coefficient de 6") {
		t.Errorf("failing embeddings, --no-llm: exit %d: %s %s", code, out, errs)
	}
	fresh := dataEnv(t)
	for k, v := range env {
		if k != "TUTOR_DATA_DIR" {
			fresh[k] = v
		}
	}
	code, out, errs := run(t, "", fresh, "ask", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, "6") || !strings.Contains(errs, "embedder local") {
		t.Errorf("failing embeddings at start: exit %d: %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", env, "ask", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, "6") || !strings.Contains(errs, "par les mots seuls") {
		t.Errorf("failing embeddings for a question: exit %d: %s %s", code, out, errs)
	}
	// Vectors of another size: the question is searched by its words.
	srv.Embeddings(0, 8)
	code, out, errs = run(t, "", env, "ask", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, "6") || !strings.Contains(errs, "taille") {
		t.Errorf("wrong dimension: exit %d: %s %s", code, out, errs)
	}
}
