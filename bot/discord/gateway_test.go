package discord

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

// stalledGateways are gateways that take the connection and then say
// nothing: one never answers the websocket upgrade, one upgrades and never
// sends HELLO. Each reports on the channel when a connection arrives.
func stalledGateways(t *testing.T) map[string]func() (string, <-chan struct{}) {
	return map[string]func() (string, <-chan struct{}){
		"no upgrade": func() (string, <-chan struct{}) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ln.Close() })
			got := make(chan struct{}, 8)
			go func() {
				for {
					c, err := ln.Accept()
					if err != nil {
						return
					}
					t.Cleanup(func() { c.Close() })
					got <- struct{}{}
				}
			}()
			return "ws://" + ln.Addr().String() + "/gateway", got
		},
		"no hello": func() (string, <-chan struct{}) {
			got := make(chan struct{}, 8)
			up := websocket.Upgrader{}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ws, err := up.Upgrade(w, r, nil)
				if err != nil {
					return
				}
				got <- struct{}{}
				io.Copy(io.Discard, ws.UnderlyingConn()) // until the bot goes
				ws.Close()
			}))
			t.Cleanup(srv.Close)
			return "ws" + strings.TrimPrefix(srv.URL, "http") + "/gateway", got
		},
	}
}

// botOn is a bot whose gateway discovery gives url.
func botOn(t *testing.T, url string, timeout time.Duration) *Bot {
	fake := discordtest.New(t, testToken)
	fake.UseGateway(url)
	b, err := New(Config{Token: testToken, APIBase: fake.URL, GatewayTimeout: timeout, Log: slog.New(slog.DiscardHandler)},
		&bot.Router{Engine: testEngine(t), Metrics: bot.NewMetrics()})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A gateway that stalls never holds the bot: SIGTERM while it connects is
// honoured before Docker's 10 s kill, and at start the gateway timeout
// fails the start with a clear error instead of hanging.
func TestStalledGateway(t *testing.T) {
	t.Parallel()
	for name, stall := range stalledGateways(t) {
		t.Run(name+"/SIGTERM", func(t *testing.T) {
			t.Parallel()
			url, connected := stall()
			b := botOn(t, url, time.Minute)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- b.Run(ctx) }()
			<-connected
			start := time.Now()
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run after SIGTERM: %v", err)
				}
				t.Logf("stopped %v after SIGTERM", time.Since(start).Round(time.Millisecond))
			case <-time.After(5 * time.Second):
				t.Fatal("the bot did not stop within 5 s (Docker kills at 10 s)")
			}
		})
		t.Run(name+"/start", func(t *testing.T) {
			t.Parallel()
			url, _ := stall()
			b := botOn(t, url, 200*time.Millisecond)
			if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "passerelle") {
				t.Errorf("Run = %v, want a gateway error", err)
			}
		})
	}
}

// Heartbeats left unanswered: the connection is cut without a close frame
// and the session RESUMEs (no new IDENTIFY, no event lost).
func TestZombieConnectionResumes(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, testToken)
	fake.Heartbeat = 200 * time.Millisecond // the library gives up after 5 intervals, the supervisor after 250 ms
	h := start(t, fake, "", func(c *Config) { c.HeartbeatTimeout = 250 * time.Millisecond })
	fake.StopAcking()
	fake.WaitSession(2)
	if identifies, resumes := fake.Sessions(); identifies != 1 || resumes != 1 {
		t.Errorf("after a zombie connection: %d IDENTIFY, %d RESUME; want the session resumed\n%s", identifies, resumes, h.logs.String())
	}
	// Still answering.
	_, cb, _ := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"}))
	if cb.Type == 0 {
		t.Error("no answer after the resume")
	}
}

// After INVALID_SESSION the bot waits 1 to 5 s before identifying again.
func TestInvalidSessionWaitsBeforeIdentifying(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, testToken)
	start(t, fake, "", nil)
	at := fake.InvalidateSession()
	fake.WaitSession(2)
	ids := fake.Identified()
	if len(ids) != 2 {
		t.Fatalf("%d IDENTIFY", len(ids))
	}
	if wait := ids[1].Sub(at); wait < time.Second || wait > 6*time.Second {
		t.Errorf("identified again %v after op 9, want 1 to 5 s", wait)
	}
}

// When the address READY gave for resuming does not answer, the bot goes
// back to the usual gateway and resumes there.
func TestDeadResumeAddressFallsBack(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	h.fake.DropResumeAddress()
	h.fake.DropGateway()
	h.fake.WaitSession(2)
	if ids, resumes := h.fake.Sessions(); ids != 1 || resumes != 1 {
		t.Errorf("identify %d, resume %d: want the session resumed", ids, resumes)
	}
	if on := h.fake.ResumedOn(); len(on) != 1 || on[0] {
		t.Errorf("resumed on the resume address: %v, want the usual gateway", on)
	}
}

// Behind an HTTP proxy the websocket library makes the tunnel and the TLS:
// the supervisor only watches the connection.
func TestGatewayBehindAProxy(t *testing.T) {
	t.Parallel()
	g := newGatewayConn(slog.New(slog.DiscardHandler), time.Second, time.Second)
	proxy, _ := url.Parse("http://proxy.example:3128")
	d := g.dialer(func(*http.Request) (*url.URL, error) { return proxy, nil })
	if d.NetDialTLSContext != nil || d.Proxy == nil || !g.proxied {
		t.Errorf("through a proxy: TLS dialled by the supervisor %v, proxy %v", d.NetDialTLSContext != nil, d.Proxy != nil)
	}
	g = newGatewayConn(slog.New(slog.DiscardHandler), time.Second, time.Second)
	if d := g.dialer(func(*http.Request) (*url.URL, error) { return nil, nil }); d.NetDialTLSContext == nil || g.proxied {
		t.Error("without a proxy the supervisor makes the TLS connection")
	}
	// A resume address is not enforced through a proxy: the dial goes on.
	g = newGatewayConn(slog.New(slog.DiscardHandler), time.Second, time.Second)
	g.dialer(func(*http.Request) (*url.URL, error) { return proxy, nil })
	g.resumeURL = "wss://resume.example"
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	c, err := g.dial(context.Background(), "tcp", ln.Addr().String())
	if err != nil {
		t.Errorf("dial through a proxy refused: %v", err)
	} else {
		c.Close()
	}
}
