package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/quiz"
)

// Config configures the Discord side of the bot.
type Config struct {
	// Token is the bot token from the Discord developer portal, with or
	// without its "Bot " prefix. It is never logged.
	Token string
	// GuildID registers the commands on one server only (instant, for
	// development); "" registers them globally.
	GuildID string
	// APIBase replaces https://discord.com for REST calls and gateway
	// discovery: a rate-limit proxy, or a test fake.
	APIBase string
	// RateLimit is how many questions a user may ask a minute (default 6;
	// negative: no limit).
	RateLimit int
	// AnswerTimeout bounds the work on one interaction (default 30 s; an
	// interaction token lasts 15 minutes).
	AnswerTimeout time.Duration
	// GatewayTimeout bounds the opening of a gateway connection: the
	// upgrade, then HELLO and READY (default 10 s).
	GatewayTimeout time.Duration
	// HeartbeatTimeout is how long a heartbeat may go unacknowledged before
	// the connection is cut and the session resumed (default 20 s; Discord
	// asks for one every 41 s or so).
	HeartbeatTimeout time.Duration
	Log              *slog.Logger
}

// DefaultRateLimit is the default number of questions per user and minute.
const DefaultRateLimit = 6

// ErrBadToken is returned by Run when Discord refuses the token.
var ErrBadToken = errors.New("jeton Discord refusé : vérifiez DISCORD_TOKEN (onglet Bot du portail développeur)")

// Bot serves the router's commands on Discord.
type Bot struct {
	cfg     Config
	router  *bot.Router
	log     *slog.Logger
	limiter *limiter
	session *discordgo.Session

	connected atomic.Bool
	appID     atomic.Value // string
	userID    atomic.Value // string

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
	seen     *seenSet      // interactions and messages already handled
	gateway  *gatewayConn  // watches the gateway connections
	ready    chan struct{} // closed once the commands are registered

	// sched posts the scheduled quizzes while the bot runs: started once
	// connected, stopped before the connection closes.
	sched *quiz.Scheduler
}

// token is the bot token without its "Bot " prefix.
func (c Config) token() string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Token), "Bot "))
}

// Validate checks the configuration without connecting: a token is
// present and APIBase, when set, is an http(s) URL.
func (c Config) Validate() error {
	if c.token() == "" {
		return errors.New("jeton Discord manquant (DISCORD_TOKEN)")
	}
	if c.APIBase != "" {
		u, err := url.Parse(strings.TrimRight(c.APIBase, "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("DISCORD_API_BASE invalide %q : URL http(s) attendue", c.APIBase)
		}
	}
	return nil
}

// New prepares a bot; Run connects it. It fails when the configuration is
// invalid (see Config.Validate).
func New(cfg Config, router *bot.Router) (*Bot, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = DefaultRateLimit
	}
	if cfg.AnswerTimeout <= 0 {
		cfg.AnswerTimeout = 30 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.GatewayTimeout <= 0 {
		cfg.GatewayTimeout = 10 * time.Second
	}
	if cfg.HeartbeatTimeout <= 0 {
		cfg.HeartbeatTimeout = 20 * time.Second
	}
	gw := newGatewayConn(cfg.Log, cfg.GatewayTimeout, cfg.HeartbeatTimeout)
	s, err := newSession(cfg, gw)
	if err != nil {
		return nil, err
	}
	s.Dialer = gw.dialer(http.ProxyFromEnvironment)
	s.AddHandler(gw.onConnect)
	s.AddHandler(gw.onEvent)
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	s.Identify.Compress = false
	s.LogLevel = discordgo.LogError
	b := &Bot{cfg: cfg, router: router, log: cfg.Log, session: s, ready: make(chan struct{}),
		limiter: newLimiter(cfg.RateLimit, time.Minute, time.Now), seen: newSeenSet(15*time.Minute, 10_000, time.Now), gateway: gw}
	b.appID.Store("")
	b.userID.Store("")
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) { b.connected.Store(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { b.connected.Store(false) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		b.connected.Store(true)
		b.log.Info("gateway session resumed")
	})
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	return b, nil
}

// rebase sends requests for discord.com to another base URL.
type rebase struct {
	base *url.URL
	next http.RoundTripper
}

func (r rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == "discord.com" || strings.HasSuffix(req.URL.Host, ".discord.com") {
		req = req.Clone(req.Context())
		req.URL.Scheme = r.base.Scheme
		req.URL.Host = r.base.Host
		req.URL.Path = r.base.Path + req.URL.Path
		req.Host = r.base.Host
		resp, err := r.next.RoundTrip(req)
		if err != nil {
			// Name the address really dialled, not discord.com.
			return nil, fmt.Errorf("%s (DISCORD_API_BASE) : %w", req.URL.Redacted(), err)
		}
		return resp, nil
	}
	return r.next.RoundTrip(req)
}

// UseScheduler has the bot run a quiz scheduler whose Poster it is: started
// once the bot is connected, stopped when it stops. Call before Run.
func (b *Bot) UseScheduler(s *quiz.Scheduler) { b.sched = s }

// Ready is closed once the bot is connected and its commands registered.
func (b *Bot) Ready() <-chan struct{} { return b.ready }

// Connected reports whether the gateway connection is up.
func (b *Bot) Connected() bool { return b.connected.Load() }

// newSession is a discordgo session for the configured token and API base;
// gw, when not nil, answers the gateway discovery while a session resumes.
func newSession(cfg Config, gw *gatewayConn) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + cfg.token())
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport
	if cfg.APIBase != "" {
		u, _ := url.Parse(strings.TrimRight(cfg.APIBase, "/"))
		transport = rebase{base: u, next: http.DefaultTransport}
	}
	if gw != nil {
		transport = discovery{g: gw, next: transport}
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: transport}
	return s, nil
}

// CheckToken asks Discord who the token is for: ErrBadToken when Discord
// refuses it. It lets a start fail at once, before the index is built and
// the store opened.
func CheckToken(ctx context.Context, cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	s, err := newSession(cfg, nil)
	if err != nil {
		return err
	}
	_, err = s.User("@me", discordgo.WithContext(ctx))
	return tokenError(err)
}

// tokenError reads the answer to GET /users/@me.
func tokenError(err error) error {
	if err == nil {
		return nil
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized {
		return ErrBadToken
	}
	return fmt.Errorf("connexion à l'API Discord : %w", err)
}

// Run checks the token, connects to the gateway, registers the commands and
// serves until ctx is done. It then stops taking new work, waits for the
// answers in flight and closes the connection. The store is the caller's to
// close.
func (b *Bot) Run(ctx context.Context) error {
	me, err := b.session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return tokenError(err)
	}
	b.userID.Store(me.ID)
	go b.gateway.watchdog()
	opened := make(chan error, 1)
	go func() { opened <- b.session.Open() }()
	select {
	case err = <-opened:
	case <-ctx.Done():
		b.Shutdown() // cuts the opening in progress
		return nil
	}
	if err != nil {
		b.gateway.refuse()
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("connexion à la passerelle Discord : %w", err)
	}
	b.connected.Store(true)
	appID := me.ID
	b.session.State.RLock()
	if a := b.session.State.Application; a != nil && a.ID != "" {
		appID = a.ID
	}
	b.session.State.RUnlock()
	b.appID.Store(appID)
	cmds := ApplicationCommands(b.router.Commands(), b.router.Diplomas())
	if _, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, cmds, discordgo.WithContext(ctx)); err != nil {
		b.Shutdown()
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return fmt.Errorf("enregistrement des commandes : %w", err)
	}
	if b.sched != nil {
		if err := b.sched.Start(ctx); err != nil {
			b.Shutdown()
			return fmt.Errorf("démarrage des quiz programmés : %w", err)
		}
	}
	close(b.ready)
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild " + b.cfg.GuildID
	}
	b.log.Info("bot ready", "user", me.Username, "app", appID, "commands", len(cmds), "scope", scope)
	<-ctx.Done()
	b.Shutdown()
	return nil
}

// Shutdown stops taking new interactions, waits for those in flight and
// closes the gateway connection.
func (b *Bot) Shutdown() {
	b.mu.Lock()
	already := b.closing
	b.closing = true
	b.mu.Unlock()
	if already {
		return
	}
	b.log.Info("shutting down: finishing answers in flight")
	if b.sched != nil {
		b.sched.Stop()
	}
	b.inflight.Wait()
	// Whatever the gateway does (a stalled opening, a reconnection in
	// progress), the close waits a few seconds at most.
	b.gateway.refuse()
	closed := make(chan struct{})
	go func() { b.session.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		// An opening holds the session: cut it.
		b.gateway.cut()
		select {
		case <-closed:
		case <-time.After(2 * time.Second):
			b.log.Warn("the gateway connection did not close in time: leaving it")
		}
	}
	b.connected.Store(false)
	b.log.Info("bot stopped")
}

// begin registers one unit of work, unless the bot is shutting down.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.inflight.Add(1)
	return true
}
