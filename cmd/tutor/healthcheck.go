package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// healthcheck asks the running bot's /healthz (at TUTOR_HTTP_ADDR, or the
// address given) and succeeds only on 200: the container's HEALTHCHECK,
// where a distroless image has no curl.
func (m *Main) healthcheck(ctx context.Context, args []string) error {
	fs := m.newFlags("healthcheck")
	addr := fs.String("http", m.cfg.HTTPAddr, "adresse de /healthz (ex. :8080)")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	if *addr == "" {
		return usageError{fmt.Errorf("aucune adresse : définissez TUTOR_HTTP_ADDR ou --http")}
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError{fmt.Errorf("adresse %q invalide : %w", *addr, err)}
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("le tuteur ne répond pas sur %s : %w", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("le tuteur n'est pas prêt (%s) : %s", resp.Status, body)
	}
	fmt.Fprintf(m.Stdout, "ok : %s\n", body)
	return nil
}
