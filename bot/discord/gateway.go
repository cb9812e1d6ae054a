package discord

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// gatewayConn supervises the connections discordgo opens to Discord's
// gateway, where the library alone would hang or lose the session:
//
//   - a gateway that accepts the connection but never upgrades it, or never
//     says HELLO, fails the attempt after helloTimeout (the library waits
//     for ever, holding a lock that shutdown needs);
//   - shutdown cuts the connection in progress, so it never waits on one;
//   - a connection whose heartbeats go unacknowledged for ackTimeout is cut
//     without a close frame: Discord then lets the session RESUME (the
//     library closes with 1000, which ends the session, losing the events
//     of the gap);
//   - after an INVALID_SESSION (op 9) the new IDENTIFY waits 1 to 5 s, as
//     Discord asks (the library sends it at once).
//
// It works below the library, on the connection it dials: the library's
// own reconnection loop stays in charge of reconnecting.
type gatewayConn struct {
	log          *slog.Logger
	helloTimeout time.Duration
	ackTimeout   time.Duration
	invalidWait  func() time.Duration

	mu      sync.Mutex
	current *watchedConn
	closing bool
	stop    chan struct{}
	// resumeURL is where READY said to resume the session ("" when there
	// is no session to resume); resumeTries counts the connections to it
	// since the last that opened.
	resumeURL   string
	resumeTries int
	abandoned   string // a resume address that did not answer, until the next READY
	proxied     bool   // an HTTP proxy makes the connections
}

func newGatewayConn(log *slog.Logger, helloTimeout, ackTimeout time.Duration) *gatewayConn {
	return &gatewayConn{log: log, helloTimeout: helloTimeout, ackTimeout: ackTimeout, stop: make(chan struct{}),
		invalidWait: func() time.Duration { return time.Second + rand.N(4*time.Second) }}
}

var (
	errClosing         = errors.New("arrêt en cours : pas de nouvelle connexion à la passerelle")
	errResumeElsewhere = errors.New("la session reprend sur l'adresse donnée par Discord")
)

// hostPort is the address a gateway URL is dialled at.
func hostPort(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if u.Port() != "" {
		return u.Host
	}
	port := "443"
	if u.Scheme == "ws" {
		port = "80"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// onEvent reads, from every gateway event, where to resume: READY gives
// the address.
func (g *gatewayConn) onEvent(_ *discordgo.Session, e *discordgo.Event) {
	if e.Type != "READY" {
		return
	}
	var ready struct {
		ResumeGatewayURL string `json:"resume_gateway_url"`
	}
	if json.Unmarshal(e.RawData, &ready) == nil {
		g.mu.Lock()
		g.resumeURL, g.abandoned = ready.ResumeGatewayURL, ""
		g.mu.Unlock()
	}
}

// discovery answers the gateway discovery (GET /gateway) with the resume
// URL while a session can be resumed; other requests go on.
type discovery struct {
	g    *gatewayConn
	next http.RoundTripper
}

func (d discovery) RoundTrip(req *http.Request) (*http.Response, error) {
	d.g.mu.Lock()
	resume := d.g.resumeURL
	d.g.mu.Unlock()
	if resume == "" || req.Method != http.MethodGet || !strings.HasSuffix(req.URL.Path, "/gateway") {
		return d.next.RoundTrip(req)
	}
	body, _ := json.Marshal(map[string]string{"url": resume})
	return &http.Response{StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)), Request: req}, nil
}

// dialer is the websocket dialer the session uses. Through an HTTP proxy
// the websocket library makes the tunnel and the TLS itself: the
// connection is still watched (deadlines, silence), but its frames are
// not read, so there is no pause after op 9 and the session resumes on the
// gateway it first used.
func (g *gatewayConn) dialer(proxyFor func(*http.Request) (*url.URL, error)) *websocket.Dialer {
	d := &websocket.Dialer{Proxy: proxyFor, HandshakeTimeout: g.helloTimeout, NetDialContext: g.dial}
	probe := &http.Request{URL: &url.URL{Scheme: "https", Host: "gateway.discord.gg"}}
	if proxy, err := proxyFor(probe); err == nil && proxy != nil {
		g.proxied = true
		return d
	}
	d.NetDialTLSContext = g.dialTLS
	return d
}

// resumeTries is how many connections to the resume address are tried
// before the usual gateway is used again (the address may be down).
const resumeTries = 1

// dial connects to addr; the connection is watched.
func (g *gatewayConn) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := g.dialRaw(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return g.watch(c, c), nil
}

// dialRaw connects to addr, or refuses: when stopping, and when the
// session should resume elsewhere.
func (g *gatewayConn) dialRaw(ctx context.Context, network, addr string) (net.Conn, error) {
	g.mu.Lock()
	closing, resume, abandoned := g.closing, g.resumeURL, g.abandoned
	if resume != "" && !g.proxied && hostPort(resume) == addr {
		g.resumeTries++
		if g.resumeTries > resumeTries {
			// The resume address does not answer: back to the usual
			// gateway, where Discord resumes or says op 9.
			g.abandoned, g.resumeURL, g.resumeTries = addr, "", 0
			resume, abandoned = "", addr
		}
	}
	g.mu.Unlock()
	if closing {
		return nil, errClosing
	}
	if addr == abandoned {
		return nil, errResumeElsewhere // the library still has it: make it ask again
	}
	if resume != "" && !g.proxied && hostPort(resume) != addr {
		// The library resumes on the gateway it first used: failing this
		// dial makes it ask for the gateway again, and discovery answers
		// with the resume URL (see discovery).
		return nil, errResumeElsewhere
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil && resume != "" && !g.proxied && hostPort(resume) == addr {
		g.mu.Lock()
		g.abandoned, g.resumeURL, g.resumeTries = addr, "", 0 // unreachable: the usual gateway
		g.mu.Unlock()
	}
	return c, err
}

// dialTLS makes the TLS connection itself, so that what is watched is the
// gateway's frames, not their ciphertext.
func (g *gatewayConn) dialTLS(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	raw, err := g.dialRaw(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	raw.SetDeadline(time.Now().Add(g.helloTimeout))
	tc := tls.Client(raw, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		raw.Close()
		return nil, err
	}
	return g.watch(tc, raw), nil
}

// watch makes c (over the connection raw) the current connection, with a
// deadline for the upgrade and the HELLO, READY or RESUMED that follow.
func (g *gatewayConn) watch(c, raw net.Conn) *watchedConn {
	w := &watchedConn{Conn: c, raw: raw, g: g}
	c.SetDeadline(time.Now().Add(g.helloTimeout))
	g.mu.Lock()
	g.current = w
	g.mu.Unlock()
	return w
}

// connected lifts the opening deadline: the session is up (READY or
// RESUMED received).
func (g *gatewayConn) connected() {
	g.mu.Lock()
	w := g.current
	g.mu.Unlock()
	if w != nil {
		w.open.Store(true)
		w.Conn.SetDeadline(time.Time{})
	}
	g.mu.Lock()
	g.resumeTries = 0
	g.mu.Unlock()
}

// refuse stops the supervision and refuses new connections: no
// reconnection starts once the bot is stopping.
func (g *gatewayConn) refuse() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closing {
		g.closing = true
		close(g.stop)
	}
}

// cut closes the current connection at once, without a close frame, so
// that an opening in progress fails and releases the session.
func (g *gatewayConn) cut() {
	g.mu.Lock()
	w := g.current
	g.mu.Unlock()
	if w != nil {
		w.raw.Close()
	}
}

// watchdog cuts, until shutdown, a connection whose last heartbeat has had
// no answer for ackTimeout.
func (g *gatewayConn) watchdog() {
	t := time.NewTicker(max(g.ackTimeout/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-g.stop:
			return
		case <-t.C:
		}
		g.mu.Lock()
		w := g.current
		g.mu.Unlock()
		if w == nil || !w.open.Load() {
			continue
		}
		if since := w.unanswered.Load(); since != 0 && time.Since(time.Unix(0, since)) > g.ackTimeout {
			g.log.Warn("gateway heartbeats unanswered: cutting the connection to resume the session", "silent", time.Since(time.Unix(0, since)).Round(time.Millisecond))
			w.open.Store(false)
			w.raw.Close() // no close frame: the session stays resumable
		}
	}
}

// watchedConn is one gateway connection, with the time of the first write
// (a heartbeat) that nothing has been read since (its acknowledgement, or
// any event): zero when the gateway has answered.
type watchedConn struct {
	net.Conn
	raw        net.Conn // below TLS: closed to cut at once
	g          *gatewayConn
	open       atomic.Bool
	unanswered atomic.Int64
}

func (w *watchedConn) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if n > 0 {
		w.unanswered.Store(0)
		if invalidSession(p[:n]) {
			w.g.mu.Lock()
			w.g.resumeURL = "" // a new session: identified on the usual gateway
			w.g.mu.Unlock()
			// The library answers op 9 with an IDENTIFY at once: hold the
			// frame back first, as Discord asks.
			wait := w.g.invalidWait()
			w.g.log.Info("gateway session invalidated: identifying again after a pause", "wait", wait.Round(time.Millisecond))
			select {
			case <-time.After(wait):
			case <-w.g.stop:
			}
		}
	}
	return n, err
}

// SetDeadline keeps the opening deadline: the websocket library lifts
// deadlines once upgraded, before HELLO has come.
func (w *watchedConn) SetDeadline(t time.Time) error {
	if t.IsZero() && !w.open.Load() {
		return nil
	}
	return w.Conn.SetDeadline(t)
}

func (w *watchedConn) Write(p []byte) (int, error) {
	w.unanswered.CompareAndSwap(0, time.Now().UnixNano())
	return w.Conn.Write(p)
}

// invalidSession reports whether bytes read hold an INVALID_SESSION frame.
func invalidSession(b []byte) bool {
	i := bytes.Index(b, []byte(`"op":9`))
	return i >= 0 && (i+6 == len(b) || b[i+6] < '0' || b[i+6] > '9')
}

// onConnect is the session's Connect handler for the supervisor.
func (g *gatewayConn) onConnect(*discordgo.Session, *discordgo.Connect) { g.connected() }
