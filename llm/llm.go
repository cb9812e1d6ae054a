// Package llm reaches any OpenAI-compatible API (OpenAI, Mistral, Ollama,
// vLLM, llama.cpp's server) with go-openai: chat, streamed or not, and
// embeddings. It adds what go-openai leaves out: retries of 429 and 5xx
// honouring Retry-After, a deadline for the first token and one for the
// whole answer. Keys are never logged or put in errors.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"regexp"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	tutor "github.com/btstutor/tutor"
)

// Config configures the client. Zero durations and counts take the defaults.
type Config struct {
	BaseURL    string // e.g. https://api.mistral.ai/v1; "" is OpenAI's
	APIKey     string
	Model      string
	EmbedModel string // "" keeps the local embedder
	MaxTokens  int    // answer length limit (default 700)
	FirstToken time.Duration
	Total      time.Duration
	Retries    int // retries of 429 and 5xx (default 3; -1 for none)
	// HTTPClient replaces the default client (tests); its transport is
	// wrapped with the retries.
	HTTPClient *http.Client
}

// Defaults.
const (
	DefaultMaxTokens  = 700
	DefaultFirstToken = 15 * time.Second
	DefaultTotal      = 60 * time.Second
	DefaultRetries    = 3
	DefaultOpenAI     = "gpt-4o-mini"
)

// Errors.
var (
	ErrTimeout  = tutor.ErrLLMTimeout
	ErrNoConfig = errors.New("modèle de langue non configuré")
)

// Client is an OpenAI-compatible chat and embedding client.
type Client struct {
	c   *openai.Client
	cfg Config
}

// New returns a client; it fails when the base URL is not http(s).
func New(cfg Config) (*Client, error) {
	if cfg.Model == "" {
		return nil, ErrNoConfig
	}
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = DefaultMaxTokens
	}
	if cfg.FirstToken <= 0 {
		cfg.FirstToken = DefaultFirstToken
	}
	if cfg.Total <= 0 {
		cfg.Total = DefaultTotal
	}
	if cfg.Retries == 0 {
		cfg.Retries = DefaultRetries
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		if !strings.HasPrefix(cfg.BaseURL, "http://") && !strings.HasPrefix(cfg.BaseURL, "https://") {
			return nil, fmt.Errorf("adresse du modèle invalide %q : URL http(s) attendue", cfg.BaseURL)
		}
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	base := http.DefaultTransport
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		*hc = *cfg.HTTPClient
		if hc.Transport != nil {
			base = hc.Transport
		}
	}
	hc.Transport = &retrier{next: base, retries: max(cfg.Retries, 0), sleep: sleepCtx}
	oc.HTTPClient = hc
	return &Client{c: openai.NewClientWithConfig(oc), cfg: cfg}, nil
}

// Model is the chat model's name.
func (c *Client) Model() string { return c.cfg.Model }

// MaxTokens is the answer length limit sent with each request.
func (c *Client) MaxTokens() int { return c.cfg.MaxTokens }

// Chat sends the conversation, streamed: onDelta, when set, receives each
// piece of text. It fails with ErrTimeout when the first token or the
// whole answer is late, and with the API's error otherwise.
func (c *Client) Chat(ctx context.Context, msgs []tutor.ChatMessage, onDelta func(string)) (tutor.Completion, error) {
	req := openai.ChatCompletionRequest{Model: c.cfg.Model, MaxTokens: c.cfg.MaxTokens, Temperature: 0.2}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	ctx, cancel := context.WithTimeoutCause(ctx, c.cfg.Total, ErrTimeout)
	defer cancel()
	if onDelta == nil {
		// Streamed all the same: the first-token deadline then holds for
		// the console and `tutor ask` too.
		onDelta = func(string) {}
	}
	return c.stream(ctx, req, onDelta)
}

func (c *Client) stream(ctx context.Context, req openai.ChatCompletionRequest, onDelta func(string)) (tutor.Completion, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	first := time.AfterFunc(c.cfg.FirstToken, func() { cancel(ErrTimeout) })
	defer first.Stop()
	req.Stream = true
	s, err := c.c.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return tutor.Completion{}, c.wrap(ctx, err)
	}
	defer s.Close()
	var (
		b   strings.Builder
		out tutor.Completion
	)
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return tutor.Completion{}, c.wrap(ctx, err)
		}
		if chunk.Usage != nil {
			out.PromptTokens, out.OutputTokens = chunk.Usage.PromptTokens, chunk.Usage.CompletionTokens
		}
		for _, ch := range chunk.Choices {
			if ch.Delta.Content != "" {
				first.Stop()
				b.WriteString(ch.Delta.Content)
				onDelta(ch.Delta.Content)
			}
			if ch.FinishReason != "" {
				out.Finish = string(ch.FinishReason)
			}
		}
	}
	out.Text = b.String()
	if out.OutputTokens == 0 {
		out.OutputTokens = EstimateTokens(out.Text)
	}
	return out, nil
}

// EstimateTokens is a rough token count (4 characters a token) for servers
// that do not report usage.
func EstimateTokens(s string) int { return int(math.Ceil(float64(len([]rune(s))) / 4)) }

// wrap turns a deadline into ErrTimeout and keeps API errors readable
// without the request (which carries no key, but may carry passages).
func (c *Client) wrap(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, ErrTimeout) {
		return ErrTimeout
	}
	var api *openai.APIError
	if errors.As(err, &api) {
		return fmt.Errorf("modèle %s : HTTP %d : %s", c.cfg.Model, api.HTTPStatusCode, c.redact(api.Message))
	}
	var re *openai.RequestError
	if errors.As(err, &re) {
		return fmt.Errorf("modèle %s : HTTP %d", c.cfg.Model, re.HTTPStatusCode)
	}
	return fmt.Errorf("modèle %s : %w", c.cfg.Model, err)
}

// reSecret is what looks like a key in a server's message: "sk-…", a
// bearer token, a long run of key characters.
var reSecret = regexp.MustCompile(`(?i)\b(?:sk|pk|rk|key|token)[-_][A-Za-z0-9_-]{6,}|\bBearer\s+\S+|\b[A-Za-z0-9_-]{32,}\b`)

// redact masks the configured key and anything key-like in a server's
// message before it reaches a log (a server may echo the key it refused).
func (c *Client) redact(msg string) string {
	if c.cfg.APIKey != "" {
		msg = strings.ReplaceAll(msg, c.cfg.APIKey, "‹clé masquée›")
	}
	return reSecret.ReplaceAllString(msg, "‹masqué›")
}

// Embed returns the L2-normalised embedding of a text with the embedding
// model; it is a chromem-go EmbeddingFunc.
func (c *Client) Embed(ctx context.Context, text string) ([]float32, error) {
	vs, err := c.EmbedBatch(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// EmbedBatchSize is how many texts one embeddings request carries.
const EmbedBatchSize = 64

// EmbedBatch returns the L2-normalised embeddings of texts, in order, in
// requests of EmbedBatchSize texts. On a failure it returns the vectors
// received before it with the error.
func (c *Client) EmbedBatch(ctx context.Context, texts []string) ([][]float32, error) {
	if c.cfg.EmbedModel == "" {
		return nil, errors.New("modèle d'embeddings non configuré")
	}
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += EmbedBatchSize {
		batch := texts[start:min(start+EmbedBatchSize, len(texts))]
		vs, err := c.embedOnce(ctx, batch)
		if err != nil {
			return out, err // the vectors received so far, for a cache to keep
		}
		out = append(out, vs...)
	}
	return out, nil
}

func (c *Client) embedOnce(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.cfg.Total, ErrTimeout)
	defer cancel()
	resp, err := c.c.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: texts, Model: openai.EmbeddingModel(c.cfg.EmbedModel)})
	if err != nil {
		return nil, c.wrap(ctx, err)
	}
	if len(resp.Data) != len(texts) {
		return nil, fmt.Errorf("embeddings : %d vecteurs pour %d textes", len(resp.Data), len(texts))
	}
	out := make([][]float32, len(texts))
	for _, d := range resp.Data {
		k := d.Index
		if k < 0 || k >= len(texts) || out[k] != nil || len(d.Embedding) == 0 {
			return nil, errors.New("embeddings : réponse incohérente (index ou vecteur vide)")
		}
		out[k] = normalized(d.Embedding)
	}
	return out, nil
}

// normalized scales v to unit length, in place.
func normalized(v []float32) []float32 {
	var norm float64
	for _, x := range v {
		norm += float64(x) * float64(x)
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for i := range v {
			v[i] = float32(float64(v[i]) / norm)
		}
	}
	return v
}
