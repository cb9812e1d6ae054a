package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/btstutor/tutor/llm"
)

// Config is the whole configuration, read once from the environment by
// readConfig and passed down; no other package reads environment variables.
type Config struct {
	DataDir string // state (tutor.db) and added référentiels

	DiscordToken string
	GuildID      string // register the commands on one server (development)
	APIBase      string // another address than https://discord.com
	HTTPAddr     string // /healthz and /metrics
	RateLimit    int    // questions a minute and a user; 0: the bot's default, -1: none

	// LLM is the language model; nil when none is configured (extractive
	// answers). Its EmbedModel, when set, embeds the passages.
	LLM              *llm.Config
	UserDailyTokens  int
	GuildDailyTokens int
}

// Daily token budgets of the language model by default: about 25 answers a
// student, 600 a server.
const (
	defaultUserBudget  = 50_000
	defaultGuildBudget = 1_200_000
)

// setting is one environment variable the tutor reads: the table from which
// `tutor config` and the usage text are written.
type setting struct {
	name, def, help string
	secret          bool
}

var settings = []setting{
	{name: "TUTOR_DATA_DIR", def: "$XDG_DATA_HOME/tutor, sinon ~/.local/share/tutor", help: "dossier de données : base tutor.db, référentiels ajoutés dans TUTOR_DATA_DIR/referentiels"},
	{name: "DISCORD_TOKEN", help: "jeton du bot (portail développeur Discord, onglet Bot) ; sans lui, la console locale", secret: true},
	{name: "DISCORD_GUILD_ID", help: "enregistrer les commandes sur un seul serveur (développement)"},
	{name: "DISCORD_API_BASE", def: "https://discord.com", help: "autre adresse de l'API Discord (proxy de limitation)"},
	{name: "TUTOR_HTTP_ADDR", help: "adresse de /healthz et /metrics (ex. :8080)"},
	{name: "TUTOR_RATE_LIMIT", def: "6", help: "questions par minute et par utilisateur (-1 : sans limite)"},
	{name: "TUTOR_LLM_BASE_URL", def: "https://api.openai.com/v1", help: "serveur compatible OpenAI (Mistral, Ollama, vLLM, llama.cpp)"},
	{name: "TUTOR_LLM_API_KEY", help: "clé de l'API du modèle (ou OPENAI_API_KEY)", secret: true},
	{name: "OPENAI_API_KEY", help: "clé lue si TUTOR_LLM_API_KEY est vide, seulement avec TUTOR_LLM_BASE_URL ou TUTOR_LLM_MODEL", secret: true},
	{name: "TUTOR_LLM_MODEL", def: llm.DefaultOpenAI + " (avec une clé OpenAI seule)", help: "modèle de langue ; sans modèle, les réponses sont extractives"},
	{name: "TUTOR_EMBED_MODEL", def: "embedder local", help: "embeddings par la même API (vecteurs gardés dans TUTOR_DATA_DIR/cache)"},
	{name: "TUTOR_LLM_MAX_TOKENS", def: strconv.Itoa(llm.DefaultMaxTokens), help: "longueur maximale d'une réponse, en jetons"},
	{name: "TUTOR_LLM_FIRST_TOKEN_TIMEOUT", def: llm.DefaultFirstToken.String(), help: "délai du premier mot avant la réponse extractive"},
	{name: "TUTOR_LLM_RETRIES", def: strconv.Itoa(llm.DefaultRetries), help: "nouvelles tentatives après une erreur 429 ou 5xx du serveur (0 à 10)"},
	{name: "TUTOR_LLM_TIMEOUT", def: llm.DefaultTotal.String(), help: "durée maximale d'une réponse du modèle"},
	{name: "TUTOR_LLM_USER_DAILY_TOKENS", def: strconv.Itoa(defaultUserBudget), help: "jetons par jour et par étudiant (0 : sans limite)"},
	{name: "TUTOR_LLM_GUILD_DAILY_TOKENS", def: strconv.Itoa(defaultGuildBudget), help: "jetons par jour et par serveur (0 : sans limite)"},
}

// readConfig reads and validates every setting; an error names the variable
// and what it expects.
func readConfig(getenv func(string) string) (Config, error) {
	env := func(name string) string { return strings.TrimSpace(getenv(name)) }
	c := Config{
		DataDir:      dataDir(env),
		DiscordToken: env("DISCORD_TOKEN"),
		GuildID:      env("DISCORD_GUILD_ID"),
		APIBase:      env("DISCORD_API_BASE"),
		HTTPAddr:     env("TUTOR_HTTP_ADDR"),
	}
	var errs []error
	if v := env("TUTOR_RATE_LIMIT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n == 0 || n < -1 {
			errs = append(errs, fmt.Errorf("TUTOR_RATE_LIMIT invalide %q : nombre entier attendu (-1 : sans limite)", v))
		}
		c.RateLimit = n
	}
	var err error
	if c.UserDailyTokens, err = budget(env, "TUTOR_LLM_USER_DAILY_TOKENS", defaultUserBudget); err != nil {
		errs = append(errs, err)
	}
	if c.GuildDailyTokens, err = budget(env, "TUTOR_LLM_GUILD_DAILY_TOKENS", defaultGuildBudget); err != nil {
		errs = append(errs, err)
	}
	if c.LLM, err = llmConfig(env); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

func dataDir(env func(string) string) string {
	if d := env("TUTOR_DATA_DIR"); d != "" {
		return d
	}
	if d := env("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "tutor")
	}
	if home := env("HOME"); home != "" {
		return filepath.Join(home, ".local", "share", "tutor")
	}
	return "data"
}

func budget(env func(string) string, name string, def int) (int, error) {
	v := env(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s invalide %q : entier positif attendu (0 : sans limite)", name, v)
	}
	return n, nil
}

// llmConfig reads the language model's settings: nil when none of
// TUTOR_LLM_BASE_URL, TUTOR_LLM_API_KEY and TUTOR_LLM_MODEL is set (an
// OPENAI_API_KEY alone may belong to another program).
func llmConfig(env func(string) string) (*llm.Config, error) {
	c := llm.Config{
		BaseURL:    env("TUTOR_LLM_BASE_URL"),
		APIKey:     env("TUTOR_LLM_API_KEY"),
		Model:      env("TUTOR_LLM_MODEL"),
		EmbedModel: env("TUTOR_EMBED_MODEL"),
	}
	if c.BaseURL == "" && c.Model == "" && c.APIKey == "" {
		return nil, nil
	}
	if c.APIKey == "" {
		c.APIKey = env("OPENAI_API_KEY")
	}
	if c.BaseURL == "" && c.APIKey == "" {
		return nil, errors.New("TUTOR_LLM_MODEL est défini mais ni TUTOR_LLM_BASE_URL ni TUTOR_LLM_API_KEY : indiquez le serveur (ex. http://localhost:11434/v1 pour Ollama)")
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return nil, fmt.Errorf("TUTOR_LLM_BASE_URL invalide %q : URL http(s) attendue", c.BaseURL)
	}
	if c.Model == "" {
		if c.BaseURL != "" {
			return nil, errors.New("TUTOR_LLM_MODEL manquant : indiquez le modèle servi par " + c.BaseURL)
		}
		c.Model = llm.DefaultOpenAI
	}
	v := env("TUTOR_LLM_MAX_TOKENS")
	if v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("TUTOR_LLM_MAX_TOKENS invalide %q : entier positif attendu", v)
		}
		c.MaxTokens = n
	}
	if v := env("TUTOR_LLM_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 10 {
			return nil, fmt.Errorf("TUTOR_LLM_RETRIES invalide %q : entier de 0 à 10 attendu", v)
		}
		c.Retries = n
		if n == 0 {
			c.Retries = -1 // llm.Config: none
		}
	}
	for _, d := range []struct {
		name string
		to   *time.Duration
	}{{"TUTOR_LLM_FIRST_TOKEN_TIMEOUT", &c.FirstToken}, {"TUTOR_LLM_TIMEOUT", &c.Total}} {
		v := env(d.name)
		if v == "" {
			continue
		}
		t, err := time.ParseDuration(v)
		if err != nil || t <= 0 {
			return nil, fmt.Errorf("%s invalide %q : durée attendue (ex. 20s)", d.name, v)
		}
		*d.to = t
	}
	return &c, nil
}

// printSettings writes every variable with its value (secrets masked) and
// its default: `tutor config`.
func printSettings(w io.Writer, getenv func(string) string) {
	fmt.Fprintln(w, "Variables d'environnement lues par tutor (valeur actuelle ; défaut) :")
	for _, s := range settings {
		v := strings.TrimSpace(getenv(s.name))
		switch {
		case v == "":
			v = "(non définie)"
		case s.secret:
			v = "(définie, masquée)"
		}
		fmt.Fprintf(w, "\n  %s = %s\n      %s", s.name, v, s.help)
		if s.def != "" {
			fmt.Fprintf(w, " ; défaut : %s", s.def)
		}
		fmt.Fprintln(w)
	}
}

// environmentHelp is the usage text's list of variables.
func environmentHelp() string {
	var sb strings.Builder
	sb.WriteString("Environnement (tutor config : valeurs et défauts) :\n")
	for _, s := range settings {
		fmt.Fprintf(&sb, "  %-30s %s\n", s.name, s.help)
	}
	return sb.String()
}
