package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	tutor "github.com/btstutor/tutor"
)

// Handler serves /healthz (gateway connected, store writable: 200, else 503
// with the failing part) and /metrics (Prometheus text format). connected
// may be nil where there is no gateway.
func Handler(connected func() bool, store tutor.Store, m *Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status := map[string]string{"gateway": "ok", "store": "ok"}
		code := http.StatusOK
		if connected != nil && !connected() {
			status["gateway"] = "déconnecté"
			code = http.StatusServiceUnavailable
		}
		if store == nil {
			status["store"] = "absent"
			code = http.StatusServiceUnavailable
		} else if err := store.Ping(ctx); err != nil {
			status["store"] = "non inscriptible : " + err.Error()
			code = http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(status)
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		m.WriteTo(w)
	})
	return mux
}
