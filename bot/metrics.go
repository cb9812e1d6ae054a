package bot

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// Metrics counts what the bot does, for Prometheus. The zero value is not
// usable: call NewMetrics. A nil *Metrics records nothing, so that tests and
// the console can leave it out.
type Metrics struct {
	mu           sync.Mutex
	interactions map[[2]string]uint64 // command, outcome
	feedback     map[string]uint64    // up, down
	ack          *histogram
	final        *histogram
	retrieval    *histogram
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	buckets := []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}
	return &Metrics{
		interactions: map[[2]string]uint64{},
		feedback:     map[string]uint64{},
		ack:          newHistogram(buckets),
		final:        newHistogram(buckets),
		retrieval:    newHistogram(buckets),
	}
}

// Interaction counts one handled interaction.
func (m *Metrics) Interaction(command, outcome string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.interactions[[2]string{command, outcome}]++
	m.mu.Unlock()
}

// Feedback counts one vote ("up" or "down").
func (m *Metrics) Feedback(vote string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.feedback[vote]++
	m.mu.Unlock()
}

// ObserveAck records the time from an interaction's arrival to its
// acknowledgement.
func (m *Metrics) ObserveAck(d time.Duration) {
	m.observe(func(m *Metrics) *histogram { return m.ack }, d)
}

// ObserveFinal records the time from an interaction's arrival to its final
// answer.
func (m *Metrics) ObserveFinal(d time.Duration) {
	m.observe(func(m *Metrics) *histogram { return m.final }, d)
}

// ObserveRetrieval records the time spent building an answer.
func (m *Metrics) ObserveRetrieval(d time.Duration) {
	m.observe(func(m *Metrics) *histogram { return m.retrieval }, d)
}

// observe adds d to the histogram pick selects; a nil m records nothing.
func (m *Metrics) observe(pick func(*Metrics) *histogram, d time.Duration) {
	if m == nil {
		return
	}
	m.mu.Lock()
	pick(m).observe(d.Seconds())
	m.mu.Unlock()
}

// WriteTo writes the metrics in Prometheus' text exposition format.
// A nil m writes nothing.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	if m == nil {
		return 0, nil
	}
	var b strings.Builder
	m.mu.Lock()
	b.WriteString("# HELP tutor_interactions_total Interactions handled, by command and outcome.\n# TYPE tutor_interactions_total counter\n")
	keys := make([][2]string, 0, len(m.interactions))
	for k := range m.interactions {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+"\x00"+keys[i][1] < keys[j][0]+"\x00"+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(&b, "tutor_interactions_total{command=%q,outcome=%q} %d\n", k[0], k[1], m.interactions[k])
	}
	b.WriteString("# HELP tutor_feedback_total Votes on answers.\n# TYPE tutor_feedback_total counter\n")
	for _, v := range []string{"up", "down"} {
		fmt.Fprintf(&b, "tutor_feedback_total{vote=%q} %d\n", v, m.feedback[v])
	}
	m.ack.write(&b, "tutor_ack_seconds", "Time from an interaction's arrival to its acknowledgement.")
	m.final.write(&b, "tutor_answer_seconds", "Time from an interaction's arrival to its final answer.")
	m.retrieval.write(&b, "tutor_retrieval_seconds", "Time spent building an answer (retrieval and facts).")
	m.mu.Unlock()
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// histogram is a Prometheus histogram with fixed buckets.
type histogram struct {
	bounds []float64
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]uint64, len(bounds))}
}

func (h *histogram) observe(v float64) {
	h.n++
	h.sum += v
	for i, b := range h.bounds {
		if v <= b {
			h.counts[i]++
			return
		}
	}
}

func (h *histogram) write(b *strings.Builder, name, help string) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	var cum uint64
	for i, bound := range h.bounds {
		cum += h.counts[i]
		fmt.Fprintf(b, "%s_bucket{le=\"%g\"} %d\n", name, bound, cum)
	}
	fmt.Fprintf(b, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", name, h.n, name, h.sum, name, h.n)
}
