package main

import (
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/memstore"
)

// The container's health command: 0 when /healthz says 200, 1 when the bot
// is not ready or not there, 2 when no address is known.
func TestHealthcheck(t *testing.T) {
	var connected atomic.Bool
	srv := httptest.NewServer(bot.Handler(connected.Load, memstore.New(), bot.NewMetrics()))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	env := map[string]string{"TUTOR_HTTP_ADDR": port} // ":PORT", as in the image

	if code, _, errOut := run(t, "", env, "healthcheck"); code != exitError || !strings.Contains(errOut, "pas prêt") {
		t.Errorf("gateway down: exit %d, %q", code, errOut)
	}
	connected.Store(true)
	if code, out, errOut := run(t, "", env, "healthcheck"); code != exitOK || !strings.Contains(out, "ok") {
		t.Errorf("healthy: exit %d, %q %q", code, out, errOut)
	}
	srv.Close()
	if code, _, errOut := run(t, "", env, "healthcheck"); code != exitError || !strings.Contains(errOut, "ne répond pas") {
		t.Errorf("no server: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "", nil, "healthcheck"); code != exitUsage || !strings.Contains(errOut, "TUTOR_HTTP_ADDR") {
		t.Errorf("no address: exit %d, %q", code, errOut)
	}
}
