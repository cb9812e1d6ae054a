// Package eval measures the tutor on a golden set of student questions written
// from the référentiels: retrieval (hit@1, hit@5, MRR), answer facts and
// abstention, for the fused ranking and, side by side, lexical-only and
// vector-only.
package eval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/retrieval"
)

//go:embed golden.jsonl
var goldenJSONL []byte

// Item is one golden question.
type Item struct {
	ID       string   `json:"id"`
	Question string   `json:"q"`
	Diploma  string   `json:"diploma,omitempty"` // diploma the gold passage is in ("*": either)
	Gold     []string `json:"gold,omitempty"`    // any passage holding one of these texts is a hit
	Facts    []string `json:"facts,omitempty"`   // every one must be in the answer
	Refuse   bool     `json:"refuse,omitempty"`  // the tutor must abstain
	Kind     string   `json:"kind,omitempty"`
}

// Load reads a golden set in JSONL; path "" is the set shipped with the code.
func Load(path string) ([]Item, error) {
	data := goldenJSONL
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("jeu d'évaluation illisible : %w", err)
		}
		data = b
	}
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, fmt.Errorf("ligne %d : %w", n, err)
		}
		if it.Question == "" || (!it.Refuse && (len(it.Gold) == 0 || it.Diploma == "")) {
			return nil, fmt.Errorf("ligne %d : question, diplôme et passage de référence requis", n)
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, errors.New("jeu d'évaluation vide")
	}
	return items, sc.Err()
}

// Scores are the metrics of one configuration.
type Scores struct {
	Mode                 retrieval.Mode
	Hit1, Hit5, MRR      float64
	FactAccuracy         float64
	AbstainPrecision     float64
	AbstainRecall        float64
	AnswerableRefused    float64
	Answerable, ToRefuse int
}

// Report holds the three configurations.
type Report struct {
	Scores   []Scores
	Failures []string // fused configuration only
}

// Run evaluates the engine in every mode. It fails if the engine does.
func Run(ctx context.Context, e *answer.Engine, items []Item) (*Report, error) {
	rep := &Report{}
	saved := e.Mode
	defer func() { e.Mode = saved }()
	for _, mode := range []retrieval.Mode{retrieval.Fused, retrieval.Lexical, retrieval.Vector} {
		e.Mode = mode
		s, fails, err := runMode(ctx, e, items)
		if err != nil {
			return nil, err
		}
		s.Mode = mode
		rep.Scores = append(rep.Scores, s)
		if mode == retrieval.Fused {
			rep.Failures = fails
		}
	}
	return rep, nil
}

func runMode(ctx context.Context, e *answer.Engine, items []Item) (Scores, []string, error) {
	var s Scores
	var fails []string
	var hit1, hit5, rr, factsOK, factItems float64
	var refusedRight, refused, answerableRefused float64
	for _, it := range items {
		r, err := e.Answer(ctx, it.Question, "")
		if err != nil {
			return s, nil, fmt.Errorf("%s: %w", it.ID, err)
		}
		if r.Abstained {
			refused++
		}
		if it.Refuse {
			s.ToRefuse++
			if r.Abstained {
				refusedRight++
			} else {
				fails = append(fails, fmt.Sprintf("%s: should refuse %q", it.ID, it.Question))
			}
			continue
		}
		s.Answerable++
		if r.Abstained {
			answerableRefused++
			fails = append(fails, fmt.Sprintf("%s: refused %q", it.ID, it.Question))
		}
		res, err := e.Retrieve(ctx, it.Question, "", 5)
		if err != nil {
			return s, nil, err
		}
		rank := 0
		for i, x := range res {
			if (it.Diploma == "*" || x.Section.Diploma == it.Diploma) && holdsAny(x.Section.Path()+"\n"+x.Section.Text, it.Gold) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			hit1++
		} else if rank > 1 {
			fails = append(fails, fmt.Sprintf("%s: gold at rank %d for %q (top: %s)", it.ID, rank, it.Question, res[0].Section.Path()))
		}
		if rank > 0 {
			hit5++
			rr += 1 / float64(rank)
		} else {
			fails = append(fails, fmt.Sprintf("%s: gold not in top 5 for %q", it.ID, it.Question))
		}
		if len(it.Facts) > 0 {
			factItems++
			missing := missingFacts(r.Answer, it.Facts)
			if len(missing) == 0 && !r.Abstained {
				factsOK++
			} else {
				fails = append(fails, fmt.Sprintf("%s: facts %q missing from answer to %q", it.ID, missing, it.Question))
			}
		}
	}
	div := func(a, b float64) float64 {
		if b == 0 {
			return 0
		}
		return a / b
	}
	n := float64(s.Answerable)
	s.Hit1, s.Hit5, s.MRR = div(hit1, n), div(hit5, n), div(rr, n)
	s.FactAccuracy = div(factsOK, factItems)
	s.AbstainPrecision = div(refusedRight, refused)
	s.AbstainRecall = div(refusedRight, float64(s.ToRefuse))
	s.AnswerableRefused = div(answerableRefused, n)
	return s, fails, nil
}

// norm folds a text for fact matching: accents, case, spaces, apostrophes.
func norm(s string) string {
	return strings.Join(retrieval.Words(s), " ")
}

func holdsAny(text string, wants []string) bool {
	t := norm(text)
	for _, w := range wants {
		if strings.Contains(t, norm(w)) {
			return true
		}
	}
	return false
}

func missingFacts(answer string, facts []string) []string {
	a := " " + norm(answer) + " "
	var out []string
	for _, f := range facts {
		if !strings.Contains(a, " "+norm(f)+" ") {
			out = append(out, f)
		}
	}
	return out
}

// Table formats the report, one row per configuration.
func (r *Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %8s %10s %9s %12s   (%d answerable, %d to refuse)\n",
		"mode", "hit@1", "hit@5", "MRR", "facts", "abst.prec", "abst.rec", "ans.refused",
		r.Scores[0].Answerable, r.Scores[0].ToRefuse)
	for _, s := range r.Scores {
		fmt.Fprintf(&b, "%-8s %6.3f %6.3f %6.3f %8.3f %10.3f %9.3f %12.3f\n",
			s.Mode, s.Hit1, s.Hit5, s.MRR, s.FactAccuracy, s.AbstainPrecision, s.AbstainRecall, s.AnswerableRefused)
	}
	return b.String()
}
