package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/btstutor/tutor/internal/openaitest"
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
	srv := openaitest.New(t)
	env := dataEnv(t)
	env["TUTOR_LLM_BASE_URL"] = srv.URL
	env["TUTOR_LLM_MODEL"] = "m"
	env["TUTOR_EMBED_MODEL"] = "nomic-embed-text"
	code, out, errs := run(t, "", env, "ask", "--no-llm", "coef e4 ccst")
	if code != 0 || !strings.Contains(out, "coefficient de 6") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	embeds := 0
	for _, r := range srv.Received() {
		if r.Path == "/v1/embeddings" {
			embeds++
		}
	}
	if embeds < 100 {
		t.Errorf("only %d embedding requests: the index did not use the remote model", embeds)
	}
}
