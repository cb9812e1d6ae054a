package discord

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
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

// A gateway that stalls while the bot connects never keeps it from
// stopping: SIGTERM is honoured before Docker's 10 s kill.
func TestShutdownWhileTheGatewayStalls(t *testing.T) {
	t.Parallel()
	for name, stall := range stalledGateways(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			url, connected := stall()
			fake := discordtest.New(t, testToken)
			fake.UseGateway(url)
			b, err := New(Config{Token: testToken, APIBase: fake.URL, GatewayTimeout: time.Minute, Log: slog.New(slog.DiscardHandler)},
				&bot.Router{Engine: testEngine(t), Metrics: bot.NewMetrics()})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- b.Run(ctx) }()
			<-connected
			start := time.Now()
			cancel()
			select {
			case err := <-done:
				t.Logf("stopped %v after SIGTERM (err %v)", time.Since(start).Round(time.Millisecond), err)
			case <-time.After(10 * time.Second):
				t.Fatal("the bot did not stop within Docker's 10 s")
			}
		})
	}
}

// At start, a gateway that stalls fails the start after the gateway
// timeout, with a clear error, instead of hanging.
func TestStartFailsWhenTheGatewayStalls(t *testing.T) {
	t.Parallel()
	for name, stall := range stalledGateways(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			url, _ := stall()
			fake := discordtest.New(t, testToken)
			fake.UseGateway(url)
			b, err := New(Config{Token: testToken, APIBase: fake.URL, GatewayTimeout: 200 * time.Millisecond, Log: slog.New(slog.DiscardHandler)},
				&bot.Router{Engine: testEngine(t), Metrics: bot.NewMetrics()})
			if err != nil {
				t.Fatal(err)
			}
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
	fake.Heartbeat = 100 * time.Millisecond
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
