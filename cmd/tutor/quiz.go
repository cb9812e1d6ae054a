package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/quiz"
)

// quizFlagsClash refuses options that do not go together: --json is the
// bank's format, -n and --seed rule a quiz.
func quizFlagsClash(fs *flag.FlagSet, bank bool) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case set["json"] && !bank:
		return usageError{fmt.Errorf("--json s'utilise avec --bank (la banque au format JSON) ; le quiz se joue dans le terminal")}
	case bank && (set["n"] || set["seed"]):
		return usageError{fmt.Errorf("-n et --seed règlent un quiz, pas --bank, qui affiche toute la banque")}
	}
	return nil
}

// quiz runs a quiz in the terminal, or prints the question bank.
func (m *Main) quiz(_ context.Context, args []string) error {
	fs := m.newFlags("quiz")
	diploma := fs.String("diploma", "", "NRC ou CCST")
	theme := fs.String("theme", "", "competences, epreuves, savoirs ou activites")
	n := fs.Int("n", 5, "nombre de questions")
	seed := fs.Uint64("seed", 0, "graine du tirage (0 : au hasard)")
	asBank := fs.Bool("bank", false, "afficher la banque de questions")
	asJSON := fs.Bool("json", false, "sortie JSON (avec --bank)")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > 100 {
		return usageError{fmt.Errorf("-n va de 1 à 100")}
	}
	if err := quizFlagsClash(fs, *asBank); err != nil {
		return err
	}
	c, err := m.loadCorpus()
	if err != nil {
		return err
	}
	d := strings.ToUpper(strings.TrimSpace(*diploma))
	if d != "" && c.Doc(d) == nil {
		return usageError{fmt.Errorf("diplôme inconnu « %s » (diplômes disponibles : %s)", *diploma, strings.Join(c.Diplomas(), ", "))}
	}
	th := tutor.Fold(strings.TrimSpace(*theme))
	if th != "" && quiz.ThemeLabel[th] == "" {
		return usageError{fmt.Errorf("thème « %s » inconnu : %s", *theme, strings.Join(quiz.Themes, ", "))}
	}
	b := quiz.Build(c)
	items := b.Select(d, th)
	if *asBank {
		if *asJSON {
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(items)
		}
		for _, it := range items {
			fmt.Fprintf(m.Stdout, "[%s %s %s] %s → %s\n", it.ID, it.Diploma, it.Kind, it.Question, it.Answer())
		}
		fmt.Fprintf(m.Stdout, "%d questions.\n", len(items))
		return nil
	}
	r := rand.New(rand.NewPCG(*seed, 3))
	if *seed == 0 {
		r = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	picked := b.Pick(r, d, th, *n, nil, true)
	in := bufio.NewReader(m.Stdin)
	right := 0
	for i, it := range picked {
		prompt := "Votre réponse (A, B, C ou D) : "
		if it.Typed {
			prompt = "Votre réponse : "
		}
		fmt.Fprintf(m.Stdout, "\nQuestion %d/%d — %s\n%s\n%s", i+1, len(picked), quiz.ThemeLabel[it.Theme], strings.ReplaceAll(bot.QuestionText(it), "**", ""), prompt)
		ok, err := askTerminal(in, m.Stdout, it)
		if err != nil {
			fmt.Fprintf(m.Stdout, "\nScore : %d/%d.\n", right, i)
			return nil
		}
		switch {
		case ok:
			right++
			fmt.Fprintf(m.Stdout, "✅ Bonne réponse.\n")
		case it.Typed:
			fmt.Fprintf(m.Stdout, "❌ La bonne réponse : %s\n", it.Answer())
		default:
			fmt.Fprintf(m.Stdout, "❌ La bonne réponse : %s. %s\n", bot.Letters[it.Correct], it.Answer())
		}
		fmt.Fprintf(m.Stdout, "%s\n%s\n", it.Explanation, it.Proof())
	}
	fmt.Fprintf(m.Stdout, "\nScore : %d/%d.\n", right, len(picked))
	return nil
}

// askTerminal reads answers until one can be read, and tells whether it is
// right; the error is the end of the input.
func askTerminal(in *bufio.Reader, out io.Writer, it *quiz.Item) (bool, error) {
	for {
		line, _, err := readLine(in)
		if err != nil {
			return false, err
		}
		line = strings.TrimSpace(line)
		if it.Typed {
			right, err := it.Check(line)
			if err == nil {
				return right, nil
			}
			msg := strings.TrimPrefix(err.Error(), quiz.ErrTyped.Error()+" : ")
			fmt.Fprintf(out, "%s%s : ", strings.ToUpper(msg[:1]), msg[1:])
			continue
		}
		if choice := strings.Index("ABCD", strings.ToUpper(line)); len(line) == 1 && choice >= 0 {
			return choice == it.Correct, nil
		}
		fmt.Fprint(out, "Tapez A, B, C ou D : ")
	}
}
