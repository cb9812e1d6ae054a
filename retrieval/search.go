package retrieval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// Search ranks the sections for a query. It fails when the query is empty
// or the remote embedder fails.
func (x *Index) Search(ctx context.Context, q Query) ([]Result, error) {
	if strings.TrimSpace(q.Text) == "" && len(q.Codes) == 0 {
		return nil, errors.New("retrieval : requête vide")
	}
	if q.K <= 0 {
		q.K = 5
	}
	if q.Mode == "" {
		q.Mode = Fused
	}
	keep := func(i int) bool {
		s := &x.sections[i]
		if q.Diploma != "" && !strings.EqualFold(s.Diploma, q.Diploma) {
			return false
		}
		return !q.Only || len(q.Within) == 0 || inside(s, q.Within)
	}
	scores := map[int]float64{}
	if q.Mode != Vector {
		lex := x.lex.scores(x.queryTerms(q), keep)
		top := 0.0
		for _, s := range lex {
			top = max(top, s)
		}
		for id, s := range lex {
			scores[id] = s / top
		}
	}
	if q.Mode != Lexical {
		vec, err := x.vectorScores(ctx, q)
		if err != nil {
			return nil, err
		}
		w := vectorWeight
		if q.Mode == Vector {
			w = 1
		}
		for id, s := range vec {
			scores[id] += w * s
		}
	}
	if q.Mode == Fused {
		x.boost(scores, q, keep)
	}
	ids := rankOf(scores)
	if len(ids) > q.K {
		ids = ids[:q.K]
	}
	out := make([]Result, len(ids))
	for i, id := range ids {
		out[i] = Result{Section: &x.sections[id], Score: scores[id], Rank: i + 1}
	}
	return out, nil
}

// queryTerms weighs the terms of a query: its own words and codes, the
// pairs of adjacent words, the words it stands for.
func (x *Index) queryTerms(q Query) []weighted {
	var out []weighted
	seen := map[string]bool{}
	add := func(t string, w float64) {
		if !seen[t] {
			seen[t] = true
			out = append(out, weighted{t, w})
		}
	}
	own := x.an.Terms(q.Text, "")
	for _, t := range own {
		add(t, 1)
	}
	for _, c := range q.Codes {
		add(CodeTerm(c), 1)
	}
	for _, t := range Bigrams(own) {
		add(t, bigramWeight)
	}
	for _, t := range x.an.Terms(strings.Join(q.Extra, " "), "") {
		add(t, extraWeight)
	}
	return out
}

// vectorScores returns the cosine similarity of the nearest sections,
// scaled to [0, 1] over the candidates.
func (x *Index) vectorScores(ctx context.Context, q Query) (map[int]float64, error) {
	text := strings.TrimSpace(q.Text + " " + strings.Join(q.Codes, " ") + " " + strings.Join(q.Extra, " "))
	var qv []float32
	if x.local != nil {
		qv = x.local.Vector(text, "")
	} else {
		v, err := x.embed(ctx, text)
		if err == nil && x.dim != 0 && len(v) != x.dim {
			err = fmt.Errorf("vecteur de taille %d au lieu de %d", len(v), x.dim)
			// The model behind the name changed: the cached vectors are
			// dropped so that the next start embeds the passages again.
			if x.cacheFile != "" {
				os.Remove(x.cacheFile)
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// The question is answered from its words alone.
			x.logf("embedding de la question impossible (%v) : recherche par les mots seuls", err)
			return nil, nil
		}
		qv = v
	}
	n := len(x.sections)
	var where map[string]string
	if q.Diploma != "" {
		where = map[string]string{"diploma": strings.ToUpper(q.Diploma)}
		n = x.perDip[strings.ToUpper(q.Diploma)]
	}
	// Enough candidates for fusion, never more than the collection holds.
	n = min(n, max(vectorDepth, q.K*4))
	if n == 0 {
		return nil, nil
	}
	res, err := x.col.QueryEmbedding(ctx, qv, n, where, nil)
	if err != nil {
		return nil, fmt.Errorf("retrieval : recherche vectorielle : %w", err)
	}
	out := make(map[int]float64, len(res))
	if len(res) == 0 {
		return out, nil
	}
	hi, lo := float64(res[0].Similarity), float64(res[len(res)-1].Similarity)
	for _, r := range res {
		id, _ := strconv.Atoi(r.ID)
		s := 1.0
		if hi > lo {
			s = (float64(r.Similarity) - lo) / (hi - lo)
		}
		out[id] = s
	}
	return out, nil
}

// boost lifts the sections that define or mention a code of the query, those
// of the kinds it is about and those inside the parts it names.
func (x *Index) boost(scores map[int]float64, q Query, keep func(int) bool) {
	codes := append([]string(nil), q.Codes...)
	for _, t := range x.an.Terms(q.Text, "") {
		if strings.HasPrefix(t, codeTermPrefix) {
			codes = append(codes, strings.ToUpper(strings.TrimPrefix(t, codeTermPrefix)))
		}
	}
	// Numbered parts the question names ("deuxième situation") and the
	// words it wants in a heading rise in the passages whose heading holds
	// them.
	var numbered []string
	for _, t := range x.an.Terms(q.Text, "") {
		if isNumbered(t) {
			numbered = append(numbered, t)
		}
	}
	numbered = append(numbered, x.an.Terms(strings.Join(q.Headed, " "), "")...)
	if len(codes) == 0 && len(q.Kinds) == 0 && len(q.Within) == 0 && len(numbered) == 0 {
		return
	}
	for i := range x.sections {
		if !keep(i) {
			continue
		}
		s := &x.sections[i]
		b := 0.0
		for _, c := range dedupe(codes) {
			switch {
			case s.DefinesCode(c):
				b += boostDefines
			case s.HasCode(c):
				b += boostMentions
			}
		}
		for _, k := range q.Kinds {
			if s.Kind == k {
				b += boostKind
				break
			}
		}
		if inside(s, q.Within) {
			b += boostWithin
		}
		for _, t := range numbered {
			if x.heads[i][t] {
				b += boostNumbered
				break
			}
		}
		if b == 0 {
			continue
		}
		if _, ok := scores[i]; ok || b >= boostWithin {
			scores[i] += b
		}
	}
}

// isNumbered reports whether an index term is a numbered part ("bloc:4").
func isNumbered(t string) bool {
	return strings.Contains(t, ":") && !strings.HasPrefix(t, bigramPrefix) && !strings.HasPrefix(t, codeTermPrefix)
}

// inside reports whether a section starts inside one of the spans.
// Inside reports whether a section lies in one of the parts of the texts
// spans name.
func Inside(s *tutor.Section, spans []Span) bool { return inside(s, spans) }

func inside(s *tutor.Section, spans []Span) bool {
	for _, w := range spans {
		if !strings.EqualFold(w.Diploma, s.Diploma) {
			continue
		}
		if w.Code != "" && s.DefinesCode(w.Code) {
			return true
		}
		if s.Lines[0] >= w.Lines[0] && s.Lines[0] <= w.Lines[1] && (w.Code == "" || s.HasCode(w.Code)) {
			return true
		}
	}
	return false
}

func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// rankOf orders ids by descending score, ties by id.
func rankOf(scores map[int]float64) []int {
	ids := make([]int, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if scores[ids[a]] != scores[ids[b]] {
			return scores[ids[a]] > scores[ids[b]]
		}
		return ids[a] < ids[b]
	})
	return ids
}
