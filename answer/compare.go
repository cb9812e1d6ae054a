package answer

import (
	"context"
	"fmt"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// compare answers each diploma of a comparison side by side.
func (e *Engine) compare(ctx context.Context, q *Query) (tutor.Reply, error) {
	out := tutor.Reply{Question: q.Raw, Mode: ModeExtractive, Verified: true, Abstained: true}
	var parts []string
	for _, d := range q.Docs {
		r, err := e.AnswerQuery(ctx, e.narrow(q, d))
		if err != nil {
			return tutor.Reply{}, err
		}
		if r.Abstained {
			parts = append(parts, fmt.Sprintf("**%s** — les textes ne répondent pas à cette question pour ce diplôme.", d.Meta.Label()))
			continue
		}
		out.Abstained = false
		offset := len(out.Citations)
		text := renumberFrom(r.Answer, offset)
		for _, c := range r.Citations {
			c.N += offset
			out.Citations = append(out.Citations, c)
		}
		parts = append(parts, fmt.Sprintf("**%s**\n%s", d.Meta.Label(), text))
	}
	if out.Abstained {
		a := e.newBuilder(q)
		a.refuse("")
		return a.reply, nil
	}
	out.Answer = strings.Join(parts, "\n\n")
	return out, nil
}

// renumberFrom shifts every citation marker of a text by offset.
func renumberFrom(text string, offset int) string {
	if offset == 0 {
		return text
	}
	return markerRE.ReplaceAllStringFunc(text, func(m string) string {
		var ns []string
		for _, n := range markerNumbers(m) {
			ns = append(ns, fmt.Sprint(n+offset))
		}
		return "[" + strings.Join(ns, ", ") + "]"
	})
}
