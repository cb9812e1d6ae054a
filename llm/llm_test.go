package llm

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/internal/openaitest"
)

func client(t *testing.T, srv *openaitest.Server, tweak func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: srv.URL, APIKey: "sk-secret", Model: "mistral-small", EmbedModel: "embed-x", MaxTokens: 321}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var msgs = []tutor.ChatMessage{{Role: "system", Content: "règles"}, {Role: "user", Content: "coef E4 ?"}}

func TestChat(t *testing.T) {
	srv := openaitest.New(t)
	c := client(t, srv, nil)
	srv.Push(openaitest.Reply{Text: "Coefficient 6 [1].", Usage: [2]int{50, 7}})
	out, err := c.Chat(context.Background(), msgs, nil)
	if err != nil || out.Text != "Coefficient 6 [1]." || out.PromptTokens != 50 || out.OutputTokens != 7 {
		t.Fatalf("%+v %v", out, err)
	}
	got := srv.Received()[0]
	if got.Authorization != "Bearer sk-secret" || got.Body["model"] != "mistral-small" || got.Body["max_tokens"] != float64(321) {
		t.Errorf("request: %s %v", got.Authorization, got.Body)
	}
	if ms := got.Body["messages"].([]any); len(ms) != 2 || ms[0].(map[string]any)["role"] != "system" {
		t.Errorf("messages: %v", ms)
	}

	srv.Push(openaitest.Reply{Text: "Au BTS CCST, l'E4 a un coefficient de 6 [1]. Elle dure 1 h [2]."})
	var deltas []string
	out, err = c.Chat(context.Background(), msgs, func(d string) { deltas = append(deltas, d) })
	if err != nil || len(deltas) < 3 || strings.Join(deltas, "") != out.Text || !strings.HasSuffix(out.Text, "1 h [2].") {
		t.Fatalf("stream: %q %v (%d deltas)", out.Text, err, len(deltas))
	}
	if srv.Received()[1].Body["stream"] != true {
		t.Error("not streamed")
	}
}

func TestRetries(t *testing.T) {
	srv := openaitest.New(t)
	c := client(t, srv, func(c *Config) { c.Retries = 2 })
	srv.Push(openaitest.Reply{Status: 429, RetryAfter: "0"}, openaitest.Reply{Status: 503, RetryAfter: "0.01"}, openaitest.Reply{Text: "ok [1]"})
	out, err := c.Chat(context.Background(), msgs, nil)
	if err != nil || out.Text != "ok [1]" || len(srv.Received()) != 3 {
		t.Fatalf("429 then 503 then success: %q %v after %d requests", out.Text, err, len(srv.Received()))
	}
	// Streaming requests are retried too.
	srv.Push(openaitest.Reply{Status: 429, RetryAfter: "0"}, openaitest.Reply{Text: "flux [1]"})
	if out, err := c.Chat(context.Background(), msgs, func(string) {}); err != nil || out.Text != "flux [1]" {
		t.Fatalf("stream after 429: %q %v", out.Text, err)
	}
	// A persistent 500 fails after the retries, without the key in the error.
	n := len(srv.Received())
	srv.Push(openaitest.Reply{Status: 500, RetryAfter: "0"}, openaitest.Reply{Status: 500, RetryAfter: "0"}, openaitest.Reply{Status: 500, RetryAfter: "0"})
	_, err = c.Chat(context.Background(), msgs, nil)
	if err == nil || !strings.Contains(err.Error(), "500") || strings.Contains(err.Error(), "sk-secret") {
		t.Fatalf("persistent 500: %v", err)
	}
	if got := len(srv.Received()) - n; got != 3 {
		t.Errorf("%d attempts, want 1 + 2 retries", got)
	}
	// A server that asks to wait long is not waited for.
	n = len(srv.Received())
	srv.Push(openaitest.Reply{Status: 429, RetryAfter: "30"})
	if _, err := c.Chat(context.Background(), msgs, nil); err == nil || len(srv.Received())-n != 1 {
		t.Errorf("Retry-After: 30: %v after %d attempts, want a failure after 1", err, len(srv.Received())-n)
	}
	// A server that echoes the key does not put it in the error.
	srv.Push(openaitest.Reply{Status: 401, Text: "Incorrect API key provided: sk-secret. Token sk-proj-AbCdEf123456 refused"})
	if _, err := c.Chat(context.Background(), msgs, nil); err == nil || strings.Contains(err.Error(), "sk-secret") || strings.Contains(err.Error(), "AbCdEf123456") || !strings.Contains(err.Error(), "401") {
		t.Errorf("401 echoing the key: %v", err)
	}
	// A 400 is not retried.
	n = len(srv.Received())
	srv.Push(openaitest.Reply{Status: 400})
	if _, err := c.Chat(context.Background(), msgs, nil); err == nil || len(srv.Received())-n != 1 {
		t.Errorf("400: %v, %d attempts", err, len(srv.Received())-n)
	}
}

func TestDeadlines(t *testing.T) {
	// Without a reader of the stream (the console, tutor ask) the first
	// token is awaited no longer than with one.
	slow := openaitest.New(t)
	patient := client(t, slow, func(c *Config) { c.FirstToken = 50 * time.Millisecond; c.Total = 10 * time.Second })
	slow.Push(openaitest.Reply{Text: "enfin", Stall: 2 * time.Second})
	if _, err := patient.Chat(context.Background(), msgs, nil); !errors.Is(err, ErrTimeout) {
		t.Errorf("no first token, nobody reading: %v", err)
	}
	srv := openaitest.New(t)
	c := client(t, srv, func(c *Config) { c.FirstToken = 50 * time.Millisecond; c.Total = 300 * time.Millisecond })
	srv.Push(openaitest.Reply{Text: "trop tard", Stall: 5 * time.Second})
	if _, err := c.Chat(context.Background(), msgs, func(string) {}); !errors.Is(err, ErrTimeout) {
		t.Errorf("no first token: %v", err)
	}
	srv.Push(openaitest.Reply{Text: "Le début arrive puis plus rien", StallAfter: 12, Stall: 5 * time.Second})
	var got string
	if _, err := c.Chat(context.Background(), msgs, func(d string) { got += d }); !errors.Is(err, ErrTimeout) || got == "" {
		t.Errorf("stalled stream: %v after %q", err, got)
	}
	srv.Push(openaitest.Reply{Text: "lent", Stall: 5 * time.Second})
	if _, err := c.Chat(context.Background(), msgs, nil); !errors.Is(err, ErrTimeout) {
		t.Errorf("slow answer: %v", err)
	}
}

func TestEmbed(t *testing.T) {
	srv := openaitest.New(t)
	c := client(t, srv, nil)
	v, err := c.Embed(context.Background(), "coefficient de l'épreuve")
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if math.Abs(n-1) > 1e-5 {
		t.Errorf("norm² = %v, want 1", n)
	}
	if srv.Received()[0].Body["model"] != "embed-x" {
		t.Errorf("embedding model: %v", srv.Received()[0].Body)
	}
}

func TestNewRejectsBadBaseURL(t *testing.T) {
	if _, err := New(Config{Model: "m", BaseURL: "localhost:1234"}); err == nil {
		t.Error("base URL without scheme accepted")
	}
}
