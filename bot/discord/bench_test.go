package discord

import (
	"sort"
	"testing"
	"time"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

// BenchmarkInteraction measures, over the loopback gateway and REST API, the
// time from sending INTERACTION_CREATE to receiving the deferral (ack) and
// the final extractive answer (the edit of the original message).
func BenchmarkInteraction(b *testing.B) {
	h := start(b, nil, "", nil)
	questions := []string{"coef E4 CCST", "duree de l'E5 en NRC", "c'est quoi la C1.3 ?", "jusqu'ou va la TVA en NRC ?", "criteres de l'E4 ccst"}
	var acks, finals []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sent, at := h.fake.Send(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: questions[i%len(questions)]}))
		cb := h.fake.WaitFor("deferral", func(r discordtest.Request) bool { return r.Path == sent.CallbackPath() })
		path := h.fake.OriginalPath(sent)
		edit := h.fake.WaitFor("answer", func(r discordtest.Request) bool { return r.Method == "PATCH" && r.Path == path })
		acks = append(acks, cb.At.Sub(at))
		finals = append(finals, edit.At.Sub(at))
	}
	b.StopTimer()
	report := func(name string, d []time.Duration) {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		var sum time.Duration
		for _, x := range d {
			sum += x
		}
		b.ReportMetric(float64(sum.Microseconds())/float64(len(d))/1000, name+"-mean-ms")
		b.ReportMetric(float64(d[len(d)*99/100].Microseconds())/1000, name+"-p99-ms")
	}
	report("ack", acks)
	report("final", finals)
}
