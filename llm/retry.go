package llm

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"
)

// retrier retries requests answered 429 or 5xx, waiting what Retry-After
// asks or an exponential backoff, as long as the context allows; a
// Retry-After beyond a few seconds ends the retries at once.
type retrier struct {
	next    http.RoundTripper
	retries int
	sleep   func(context.Context, time.Duration) error
}

// Backoff bounds. A server that asks to wait longer than maxRetryAfter is
// not waited for: the student gets the extractive answer at once.
const (
	firstBackoff  = 500 * time.Millisecond
	maxWait       = 20 * time.Second
	maxRetryAfter = 3 * time.Second
)

func (r *retrier) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		resp, err := r.next.RoundTrip(req)
		if err != nil || attempt >= r.retries || !retryable(resp.StatusCode) || (req.Body != nil && req.GetBody == nil) {
			return resp, err
		}
		wait := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if wait > maxRetryAfter {
			return resp, nil
		}
		if wait < 0 {
			wait = firstBackoff << attempt
		}
		wait = min(wait, maxWait)
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
		if err := r.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status != http.StatusNotImplemented
}

// retryAfter reads a Retry-After header (seconds or an HTTP date); -1 when
// absent or unreadable.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return -1
	}
	if s, err := strconv.ParseFloat(h, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0)
	}
	return -1
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
