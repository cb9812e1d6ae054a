package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/bot/discord"
	"github.com/btstutor/tutor/quiz"
	"github.com/btstutor/tutor/scenario"
	"github.com/btstutor/tutor/sqlite"
)

// retention is how long replies (and their buttons) and conversation
// turns are kept.
const retention = 90 * 24 * time.Hour

// retain deletes, now and then every period until ctx is done, what is
// older than the retention; the buttons of a pruned reply explain that the
// message is too old.
func retain(ctx context.Context, s tutor.ReplyStore, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.Prune(ctx, time.Now().Add(-retention)); err != nil && ctx.Err() == nil {
			log.Warn("pruning old replies and turns failed", "err", err)
		} else if n > 0 {
			log.Info("old replies pruned", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// app is the tutor wired up: the router over the engine and the store.
type app struct {
	router *bot.Router
	store  *sqlite.Store
}

func (a *app) Close() error { return a.store.Close() }

func (m *Main) dbPath() string { return filepath.Join(m.dataDir(), "tutor.db") }

// open builds the engine and opens the store in the data directory.
func (m *Main) open(ctx context.Context) (*app, error) {
	e, err := m.engine(ctx)
	if err != nil {
		return nil, err
	}
	client, err := m.llm()
	if err != nil {
		return nil, err
	}
	store, err := sqlite.Open(ctx, m.dbPath())
	if err != nil {
		return nil, err
	}
	scenarios, err := scenario.NewGenerator(e.Corpus)
	if err != nil { // the rest works without the briefs
		fmt.Fprintf(m.Stderr, "jeux de rôle indisponibles : %v\n", err)
	}
	r := &bot.Router{Engine: e, Store: store, Metrics: bot.NewMetrics(), UserBudget: m.cfg.UserDailyTokens, GuildBudget: m.cfg.GuildDailyTokens, Scenarios: scenarios, Quiz: quiz.Build(e.Corpus)}
	if client != nil {
		r.LLM = client
	}
	return &app{router: r, store: store}, nil
}

// discordgoLogger routes discordgo's logs to slog. discordgo.Logger is
// that library's global: main sets it once, before anything runs.
func discordgoLogger(log *slog.Logger) func(level, _ int, format string, a ...any) {
	return func(level, _ int, format string, a ...any) {
		lvl := slog.LevelInfo
		switch level {
		case discordgo.LogError:
			lvl = slog.LevelError
		case discordgo.LogWarning:
			lvl = slog.LevelWarn
		}
		log.Log(context.Background(), lvl, "discordgo: "+fmt.Sprintf(format, a...))
	}
}

// serve runs the Discord bot until ctx is done (SIGINT, SIGTERM).
func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.newFlags("serve")
	guild := fs.String("guild", m.cfg.GuildID, "serveur où enregistrer les commandes (développement)")
	httpAddr := fs.String("http", m.cfg.HTTPAddr, "adresse de /healthz et /metrics (ex. :8080)")
	rate := fs.Int("rate-limit", 0, "questions par minute et par utilisateur (défaut 6, -1 : sans limite)")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	if *rate == 0 {
		*rate = m.cfg.RateLimit
	}
	token := m.cfg.DiscordToken
	if token == "" {
		return usageError{errors.New("DISCORD_TOKEN n'est pas défini : voir le README pour créer l'application Discord (sans jeton, lancez simplement « tutor » pour la console)")}
	}
	cfg := discord.Config{Token: token, GuildID: *guild, APIBase: m.cfg.APIBase, RateLimit: *rate}
	if err := cfg.Validate(); err != nil {
		return usageError{err}
	}
	// A refused token fails at once, before anything is built or opened.
	if err := discord.CheckToken(ctx, cfg); errors.Is(err, discord.ErrBadToken) {
		return usageError{err}
	}
	log := slog.New(slog.NewTextHandler(m.Stderr, nil))
	log.Info("loading référentiels and building the index", "data", m.dataDir())
	app, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer app.Close()
	retainCtx, stopRetain := context.WithCancel(ctx)
	retained := make(chan struct{})
	go func() { retain(retainCtx, app.store, log, time.Hour); close(retained) }()
	defer func() { stopRetain(); <-retained }() // before the store closes
	cfg.Log = log
	b, err := discord.New(cfg, app.router)
	if err != nil {
		return usageError{err}
	}
	if app.router.Quiz != nil {
		// The scheduler owns the quiz runs; the bot posts what it hands.
		sched := &quiz.Scheduler{Store: app.store, Bank: app.router.Quiz, Poster: b, Log: log}
		app.router.Scheduler = sched
		b.UseScheduler(sched)
	}
	if *httpAddr != "" {
		ln, err := net.Listen("tcp", *httpAddr)
		if err != nil {
			return usageError{fmt.Errorf("écoute HTTP sur %s impossible : %w", *httpAddr, err)}
		}
		srv := &http.Server{Handler: bot.Handler(b.Connected, app.store, app.router.Metrics), ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		log.Info("health and metrics listening", "addr", ln.Addr().String())
	}
	if err := b.Run(ctx); err != nil {
		if errors.Is(err, discord.ErrBadToken) {
			return usageError{err}
		}
		return err
	}
	return nil
}
