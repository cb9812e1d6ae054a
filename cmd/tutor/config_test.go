package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/btstutor/tutor/llm"
)

func TestReadConfigLLM(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env       map[string]string
		model     string // "" with no error: no model configured
		errSubstr string
	}{
		{map[string]string{}, "", ""},
		{map[string]string{"OPENAI_API_KEY": "sk"}, "", ""},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk"}, llm.DefaultOpenAI, ""},
		{map[string]string{"TUTOR_LLM_MODEL": "gpt-4o", "OPENAI_API_KEY": "sk"}, "gpt-4o", ""},
		{map[string]string{"TUTOR_LLM_BASE_URL": "http://localhost:11434/v1", "TUTOR_LLM_MODEL": "mistral"}, "mistral", ""},
		{map[string]string{"TUTOR_LLM_BASE_URL": "http://localhost:11434/v1"}, "", "TUTOR_LLM_MODEL manquant"},
		{map[string]string{"TUTOR_LLM_BASE_URL": "localhost:11434", "TUTOR_LLM_MODEL": "m"}, "", "TUTOR_LLM_BASE_URL invalide"},
		{map[string]string{"TUTOR_LLM_MODEL": "x"}, "", "ni TUTOR_LLM_BASE_URL"},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_TIMEOUT": "vite"}, "", "TUTOR_LLM_TIMEOUT invalide"},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_MAX_TOKENS": "-3"}, "", "TUTOR_LLM_MAX_TOKENS invalide"},
		{map[string]string{"TUTOR_LLM_USER_DAILY_TOKENS": "-1"}, "", "TUTOR_LLM_USER_DAILY_TOKENS invalide"},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_RETRIES": "11"}, "", "TUTOR_LLM_RETRIES invalide"},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_RETRIES": "deux"}, "", "TUTOR_LLM_RETRIES invalide"},
		{map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_RETRIES": "0"}, llm.DefaultOpenAI, ""},
		{map[string]string{"TUTOR_RATE_LIMIT": "0"}, "", "TUTOR_RATE_LIMIT invalide"},
	}
	// No retries is said to the client as -1 (its 0 is the default, 3).
	if c, err := readConfig(func(k string) string {
		return map[string]string{"TUTOR_LLM_API_KEY": "sk", "TUTOR_LLM_RETRIES": "0"}[k]
	}); err != nil || c.LLM == nil || c.LLM.Retries != -1 {
		t.Errorf("TUTOR_LLM_RETRIES=0: %v %+v", err, c.LLM)
	}
	for _, tc := range tests {
		c, err := readConfig(func(k string) string { return tc.env[k] })
		if tc.errSubstr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errSubstr) {
				t.Errorf("%v: err %v, want %q", tc.env, err, tc.errSubstr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.env, err)
			continue
		}
		switch {
		case tc.model == "" && c.LLM != nil:
			t.Errorf("%v: a model configured: %+v", tc.env, *c.LLM)
		case tc.model != "" && (c.LLM == nil || c.LLM.Model != tc.model):
			t.Errorf("%v: %+v, want model %q", tc.env, c.LLM, tc.model)
		}
	}
}

func TestReadConfigDefaults(t *testing.T) {
	t.Parallel()
	c, err := readConfig(func(k string) string { return map[string]string{"HOME": "/home/prof"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/home/prof/.local/share/tutor" || c.UserDailyTokens != defaultUserBudget || c.GuildDailyTokens != defaultGuildBudget || c.RateLimit != 0 || c.LLM != nil {
		t.Errorf("defaults: %+v", c)
	}
}

// tutor config lists every variable read, masks secrets and says whether
// the configuration holds.
func TestConfigCommand(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DISCORD_TOKEN": "secret-token", "TUTOR_RATE_LIMIT": "10"}
	code, out, errs := run(t, "", env, "config")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range settings {
		if !strings.Contains(out, s.name) {
			t.Errorf("%s missing from tutor config", s.name)
		}
	}
	if strings.Contains(out, "secret-token") || !strings.Contains(out, "TUTOR_RATE_LIMIT = 10") || !strings.Contains(out, "Configuration valide") {
		t.Errorf("tutor config:\n%s", out)
	}
	env["TUTOR_RATE_LIMIT"] = "beaucoup"
	code, _, errs = run(t, "", env, "config")
	if code != exitUsage || !strings.Contains(errs, "TUTOR_RATE_LIMIT invalide") {
		t.Errorf("bad setting: exit %d, %s", code, errs)
	}
	var help bytes.Buffer
	help.WriteString(environmentHelp())
	for _, s := range settings {
		if !strings.Contains(help.String(), s.name) {
			t.Errorf("%s missing from the usage text", s.name)
		}
	}
}
