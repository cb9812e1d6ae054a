package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/bot"
)

// prepare reads the positional text of ask and search (none means batch mode),
// checks it, builds the engine once and resolves the diploma flag. Bad input
// is a usage error, reported before any work.
func (m *Main) prepare(ctx context.Context, fs *flag.FlagSet, diploma string) (text string, batch bool, e *answer.Engine, d string, err error) {
	text = strings.Join(fs.Args(), " ")
	batch = fs.NArg() == 0
	if !batch {
		if err := answer.Validate(text); err != nil {
			return "", false, nil, "", usageError{err}
		}
	}
	if e, err = m.engine(ctx); err != nil {
		return "", false, nil, "", err
	}
	if d, err = e.ResolveDiploma(diploma); err != nil {
		return "", false, nil, "", usageError{err}
	}
	return text, batch, e, d, nil
}

// maxLineBytes bounds one line of batch input; longer lines are rejected.
const maxLineBytes = 64 * 1024

func (m *Main) ask(ctx context.Context, args []string) error {
	fs := m.newFlags("ask")
	diploma := fs.String("diploma", "", "NRC ou CCST")
	asJSON := fs.Bool("json", false, "sortie JSON")
	noLLM := fs.Bool("no-llm", false, "réponse extractive même si un modèle de langue est configuré")
	explain := fs.Bool("explain", false, "montre comment la question a été lue (mots, diplômes, codes, ce qui est demandé, passages trouvés)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	m.offline = *noLLM
	question, batch, e, d, err := m.prepare(ctx, fs, *diploma)
	if err != nil {
		return err
	}
	if *explain {
		do := func(q string) (any, error) { return e.Explain(ctx, q, d) }
		if batch {
			return m.batch("question", do)
		}
		x, err := do(question)
		if err != nil {
			return err
		}
		return writeJSON(m.Stdout, x)
	}
	var model tutor.LLM
	if !*noLLM {
		client, err := m.llm()
		if err != nil {
			return err
		}
		if client != nil {
			model = client
		}
	}
	answerOne := func(q string) (tutor.Reply, error) {
		if model == nil {
			return e.Answer(ctx, q, d)
		}
		r, gen, err := e.Generate(ctx, model, q, d, answer.GenOptions{})
		if gen.Err != nil {
			fmt.Fprintf(m.Stderr, "modèle de langue : %v (réponse extractive)\n", gen.Err)
		}
		return r, err
	}
	if batch {
		return m.batch("question", func(line string) (any, error) {
			r, err := answerOne(line)
			if err != nil {
				return nil, err
			}
			return r, nil
		})
	}
	r, err := answerOne(question)
	if err != nil {
		if isInputError(err) {
			return usageError{err}
		}
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, r)
	}
	fmt.Fprintln(m.Stdout, bot.Text(bot.Response{Reply: &r}))
	return nil
}

func isInputError(err error) bool {
	return errors.Is(err, answer.ErrEmpty) || errors.Is(err, answer.ErrTooLong) ||
		errors.Is(err, answer.ErrInvalidUTF8) || errors.Is(err, answer.ErrUnknownDiploma)
}

// batch reads one input per line and writes one JSON object per line; a bad
// line (blank, too long, not UTF-8, refused by do) gives an error object,
// {key: the line, "error": why}, and the batch goes on. key is the name the
// command's results give their input ("question", "query").
func (m *Main) batch(key string, do func(line string) (any, error)) error {
	r := bufio.NewReaderSize(m.Stdin, 4096)
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	for {
		line, tooLong, err := readLine(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fail := func(input string, err error) map[string]string {
			return map[string]string{key: input, "error": err.Error()}
		}
		var out any
		switch {
		case tooLong:
			out = fail(shortInput(line), answer.ErrTooLong)
		case !utf8.ValidString(line):
			out = fail(strings.ToValidUTF8(shortInput(line), "�"), answer.ErrInvalidUTF8)
		case strings.TrimSpace(line) == "":
			out = fail(line, answer.ErrEmpty)
		default:
			res, err := do(line)
			if err != nil {
				out = fail(shortInput(line), err)
			} else {
				out = res
			}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
}

func shortInput(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// readLine reads one line, discarding (and flagging) what exceeds the limit.
func readLine(r *bufio.Reader) (string, bool, error) {
	var b []byte
	tooLong := false
	for {
		chunk, isPrefix, err := r.ReadLine()
		if err != nil {
			if err == io.EOF && (len(b) > 0 || tooLong) {
				return string(b), tooLong, nil
			}
			return "", false, err
		}
		if len(b)+len(chunk) > maxLineBytes {
			tooLong = true
		} else {
			b = append(b, chunk...)
		}
		if !isPrefix {
			if utf8.RuneCount(b) > tutor.MaxQuestionLen {
				tooLong = true
			}
			return strings.TrimRight(string(b), "\r"), tooLong, nil
		}
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// searchOut is the JSON of tutor search.
type searchOut struct {
	Query   string         `json:"query"`
	Results []searchResult `json:"results"`
}

type searchResult struct {
	Rank    int         `json:"rank"`
	Score   float64     `json:"score"`
	Diploma string      `json:"diploma"`
	Source  string      `json:"source"`
	Section string      `json:"section"`
	Lines   tutor.Lines `json:"lines"`
	Codes   []string    `json:"codes"`
	Text    string      `json:"text"`
}

func (m *Main) search(ctx context.Context, args []string) error {
	fs := m.newFlags("search")
	k := fs.Int("k", 5, "nombre de résultats (1 à 50)")
	diploma := fs.String("diploma", "", "NRC ou CCST")
	asJSON := fs.Bool("json", false, "sortie JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *k < 1 || *k > 50 {
		return usageError{fmt.Errorf("-k doit être entre 1 et 50 (reçu %d)", *k)}
	}
	query, batch, e, d, err := m.prepare(ctx, fs, *diploma)
	if err != nil {
		return err
	}
	run := func(q string) (searchOut, error) {
		res, err := e.Search(ctx, q, d, *k)
		if err != nil {
			return searchOut{}, err
		}
		out := searchOut{Query: q, Results: []searchResult{}}
		for _, r := range res {
			s := r.Section
			out.Results = append(out.Results, searchResult{r.Rank, r.Score, s.Diploma, s.Source, s.Path(), s.Lines, s.Codes, s.Text})
		}
		return out, nil
	}
	if batch {
		return m.batch("query", func(line string) (any, error) { return run(line) })
	}
	out, err := run(query)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, out)
	}
	for _, r := range out.Results {
		fmt.Fprintf(m.Stdout, "%d. [%s] %s (%s) — score %.4f\n%s\n\n", r.Rank, r.Diploma, r.Section, r.Lines, r.Score, indent(r.Text))
	}
	if len(out.Results) == 0 {
		fmt.Fprintln(m.Stdout, "Aucun passage trouvé.")
	}
	return nil
}

func indent(s string) string {
	return "   " + strings.ReplaceAll(s, "\n", "\n   ")
}
