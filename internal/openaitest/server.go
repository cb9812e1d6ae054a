// Package openaitest is a loopback OpenAI-compatible server for tests:
// /v1/chat/completions (JSON or SSE streaming) and /v1/embeddings. Replies
// are scripted: a queue of Reply, then a Responder function. Every request
// is recorded with its headers, so tests can check what the model received.
package openaitest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Reply is one scripted answer.
type Reply struct {
	Status     int    // 0 or 200: success; otherwise an error body
	RetryAfter string // Retry-After header of an error
	Text       string // the answer; with an error status, the error's message
	// Stall delays the answer: before the first chunk when streaming (a
	// stalled stream), or before the body otherwise. The request's
	// cancellation ends it.
	Stall time.Duration
	// StallAfter sends this many characters first, then stalls.
	StallAfter int
	Usage      [2]int // prompt, completion tokens; zero: estimated
	// Finish is the finish_reason sent ("stop" when empty); Cut ends the
	// stream after the text, with no finish_reason and no [DONE].
	Finish string
	Cut    bool
}

// Received is a request the server got.
type Received struct {
	Path          string
	Authorization string
	Body          map[string]any
	Raw           []byte
}

// ChatRequest is the part of a chat request a Responder reads.
type ChatRequest struct {
	Model     string `json:"model"`
	MaxTokens int    `json:"max_tokens"`
	Stream    bool   `json:"stream"`
	Messages  []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

// Server is the fake.
type Server struct {
	URL string // base URL, ending in /v1

	srv       *httptest.Server
	mu        sync.Mutex
	queue     []Reply
	responder func(ChatRequest) Reply
	received  []Received
	// Embeddings faults: a status for every request, a vector size.
	embedStatus, embedDim int
}

// Embeddings sets how the embeddings endpoint answers from now on: with
// status (0: success) and vectors of dim numbers (0: 16).
func (s *Server) Embeddings(status, dim int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embedStatus, s.embedDim = status, dim
}

// New starts a server; it stops when the test ends.
func New(t testing.TB) *Server {
	s := &Server{}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL + "/v1"
	t.Cleanup(s.srv.Close)
	return s
}

// Push queues replies, used in order before the Responder.
func (s *Server) Push(r ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, r...)
}

// Respond sets the function answering when the queue is empty.
func (s *Server) Respond(f func(ChatRequest) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responder = f
}

// Received returns the requests so far.
func (s *Server) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	json.Unmarshal(raw, &body)
	s.mu.Lock()
	s.received = append(s.received, Received{Path: r.URL.Path, Authorization: r.Header.Get("Authorization"), Body: body, Raw: raw})
	s.mu.Unlock()
	switch r.URL.Path {
	case "/v1/chat/completions":
		var req ChatRequest
		json.Unmarshal(raw, &req)
		s.chat(w, r, req)
	case "/v1/embeddings":
		s.embeddings(w, body)
	default:
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
	}
}

func (s *Server) next(req ChatRequest) Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) > 0 {
		r := s.queue[0]
		s.queue = s.queue[1:]
		return r
	}
	if s.responder != nil {
		return s.responder(req)
	}
	return Reply{Text: "Je ne sais pas."}
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request, req ChatRequest) {
	rep := s.next(req)
	if rep.Status != 0 && rep.Status != http.StatusOK {
		if rep.RetryAfter != "" {
			w.Header().Set("Retry-After", rep.RetryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.Status)
		msg := rep.Text
		if msg == "" {
			msg = fmt.Sprintf("scripted error %d", rep.Status)
		}
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": "server_error"}})
		return
	}
	usage := rep.Usage
	if usage == [2]int{} {
		usage = [2]int{len(req.Messages) * 100, len([]rune(rep.Text))/4 + 1}
	}
	if !req.Stream {
		if !wait(r, rep.Stall) {
			return
		}
		finish := rep.Finish
		if finish == "" {
			finish = "stop"
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": finish, "message": map[string]any{"role": "assistant", "content": rep.Text}}},
			"usage":   map[string]any{"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": usage[0] + usage[1]},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	chunk := func(text string) map[string]any {
		return map[string]any{"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": text}}}}
	}
	text := []rune(rep.Text)
	if rep.StallAfter == 0 && !wait(r, rep.Stall) {
		return
	}
	for i := 0; i < len(text); i += 12 {
		if rep.StallAfter > 0 && i >= rep.StallAfter {
			if !wait(r, rep.Stall) {
				return
			}
			rep.StallAfter = 0
		}
		send(chunk(string(text[i:min(i+12, len(text))])))
	}
	if rep.Cut {
		return
	}
	finish := rep.Finish
	if finish == "" {
		finish = "stop"
	}
	send(map[string]any{"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{}, "finish_reason": finish}},
		"usage":   map[string]any{"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": usage[0] + usage[1]}})
	fmt.Fprint(w, "data: [DONE]\n\n")
}

// wait sleeps d unless the client goes away; it reports whether to go on.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		return false
	}
}

// embeddings returns a deterministic unit vector per input.
func (s *Server) embeddings(w http.ResponseWriter, body map[string]any) {
	s.mu.Lock()
	status, dim := s.embedStatus, s.embedDim
	s.mu.Unlock()
	if status != 0 {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error":{"message":"scripted embeddings error %d","type":"server_error"}}`, status)
		return
	}
	if dim == 0 {
		dim = 16
	}
	var inputs []string
	switch in := body["input"].(type) {
	case string:
		inputs = []string{in}
	case []any:
		for _, x := range in {
			inputs = append(inputs, fmt.Sprint(x))
		}
	}
	var data []any
	for i, in := range inputs {
		v := make([]float64, dim)
		for _, word := range strings.Fields(strings.ToLower(in)) {
			h := fnv.New32a()
			h.Write([]byte(word))
			v[h.Sum32()%uint32(dim)] += 3 // unnormalised on purpose
		}
		if allZero(v) {
			v[0] = 1
		}
		data = append(data, map[string]any{"object": "embedding", "index": i, "embedding": v})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data, "model": body["model"]})
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}
