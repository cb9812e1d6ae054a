// Command tutor is the BTS tutor: with nothing configured it starts a local
// console; its subcommands answer questions, search the référentiels, print
// the structured model, add a référentiel and evaluate the answers.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"github.com/btstutor/tutor/answer"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/llm"
	"github.com/btstutor/tutor/retrieval"
	"github.com/bwmarrin/discordgo"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

func main() {
	if os.Getenv(pdfChildEnv) == "1" {
		os.Exit(pdfChild(os.Stdin, os.Stdout, os.Stderr))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first Ctrl-C stops the work at its next step; a second one, the
	// process at once.
	go func() { <-ctx.Done(); stop() }()
	discordgo.Logger = discordgoLogger(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Main is the program, with its input, output and environment injectable so
// that tests run it whole.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Builds, when set, is shared by several Mains (the tests) so that the
	// texts are parsed and indexed once, not once per command.
	Builds *Builds

	cfg    Config      // read once by Run
	client *llm.Client // built once, when a model is configured
	// offline keeps every API away: --no-llm embeds with the local
	// embedder too.
	offline bool
	warned  bool          // the référentiels skipped have been said
	help    *flag.FlagSet // the options whose help was asked (--help)
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // something failed
	exitUsage = 2 // bad input: flags, question, file
)

const usage = `tutor — assistant de révision des BTS NRC et CCST

Usage :
  tutor                         console locale (tapez /aide) ; le bot Discord si DISCORD_TOKEN est défini
  tutor serve [--guild ID] [--http ADRESSE] [--rate-limit N]
                                le bot Discord
  tutor ask [--diploma NRC|CCST] [--json] [--no-llm] [QUESTION]
  tutor search [-k N] [--diploma NRC|CCST] [--json] [REQUÊTE]
  tutor referentiel [--diploma NRC|CCST] [--json]
  tutor scenario [--diploma NRC|CCST] [--client particulier|entreprise|distributeur]
                 [--situation 1|2] [--sector SECTEUR] [--difficulty 1-3]
                 [--focus découverte|argumentation|objections|conclusion]
                 [--seed N] [--format md|json] [--out FICHIER] [--no-llm] [--sectors]
                                un jeu de rôle de négociation (épreuve E4) avec ses fiches
  tutor quiz [--diploma NRC|CCST] [--theme THÈME] [-n N] [--seed N]
                                un quiz dans le terminal (réponses A, B, C ou D)
  tutor quiz --bank [--json] [--diploma …] [--theme …]
                                la banque de questions
  tutor ingest FICHIER --diploma CODE --title TITRE [--date …] [--status …] [--code-style compact|dotted]
  tutor eval [--golden FICHIER | --questions FICHIER] [--split tune|report] [-k N] [-v]
                                les scores des réponses sur un jeu de questions
  tutor healthcheck [--http ADRESSE]
                                sort en erreur si /healthz du bot ne répond pas 200
  tutor config                  les variables d'environnement, leurs valeurs et leurs défauts
  tutor version

Sans QUESTION (ou REQUÊTE), ask et search lisent une question par ligne sur
l'entrée standard et écrivent un objet JSON par ligne.

`

// Run executes one command line and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	out := &checkedWriter{w: m.Stdout}
	m.Stdout = out
	defer func() { m.Stdout = out.w }()
	code := m.run(ctx, args)
	if out.err != nil && code == exitOK {
		// Output that could not be written is a failure (a full disk, a
		// closed pipe): a script must not take it for an answer.
		fmt.Fprintf(m.Stderr, "erreur : %v\n", out.err)
		return exitError
	}
	return code
}

// checkedWriter remembers the first write error, worded for the user.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = fmt.Errorf("écriture de la sortie impossible : %w", err)
		return n, c.err
	}
	return n, nil
}

func (m *Main) run(ctx context.Context, args []string) int {
	cmd := ""
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "help", "-h", "--help", "aide":
		fmt.Fprint(m.Stdout, usage, "\n", environmentHelp())
		return exitOK
	case "version":
		fmt.Fprintln(m.Stdout, "tutor", Version)
		return exitOK
	case "config":
		printSettings(m.Stdout, m.Getenv)
	}
	cfg, err := readConfig(m.Getenv)
	if err != nil {
		fmt.Fprintf(m.Stderr, "erreur de configuration : %v\n", err)
		return exitUsage
	}
	m.cfg = cfg
	switch cmd {
	case "config":
		fmt.Fprintln(m.Stdout, "\nConfiguration valide.")
	case "":
		if m.cfg.DiscordToken != "" {
			err = m.serve(ctx, args)
		} else {
			err = m.console(ctx, args)
		}
	default:
		if run, ok := m.commands()[cmd]; ok {
			err = run(ctx, args)
		} else {
			err = usageError{fmt.Errorf("commande inconnue %q", cmd)}
		}
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		if m.help != nil {
			printHelp(m.Stdout, m.help)
		}
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(m.Stderr, "erreur : %v\n", ue.error)
		if strings.HasPrefix(ue.Error(), "commande inconnue") {
			fmt.Fprint(m.Stderr, usage)
		}
		return exitUsage
	default:
		fmt.Fprintf(m.Stderr, "erreur : %v\n", err)
		return exitError
	}
}

// usageError marks errors caused by the user's input.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// dataDir is where the tutor keeps its state and added référentiels.
func (m *Main) dataDir() string { return m.cfg.DataDir }

func (m *Main) referentielsDir() string { return filepath.Join(m.dataDir(), "referentiels") }

func (m *Main) loadCorpus() (*corpus.Corpus, error) {
	var c *corpus.Corpus
	var err error
	if m.Builds == nil {
		c, err = corpus.LoadWith(m.pdfReader(), m.referentielsDir())
	} else {
		c, err = m.Builds.corpus(m.referentielsDir(), m.pdfReader())
	}
	if err == nil {
		m.warnSkipped(c)
	}
	return c, err
}

// warnSkipped says, once, which added référentiels could not be read: the
// tutor starts without them.
func (m *Main) warnSkipped(c *corpus.Corpus) {
	if m.warned {
		return
	}
	m.warned = true
	for _, err := range c.Skipped {
		fmt.Fprintf(m.Stderr, "avertissement : référentiel ignoré : %v\n", err)
	}
}

// engine loads the corpus and builds the index once, with the embedding
// model when TUTOR_EMBED_MODEL is set (its vectors cached in
// TUTOR_DATA_DIR/cache), unless the command is offline.
func (m *Main) engine(ctx context.Context) (*answer.Engine, error) {
	var opts retrieval.Options
	client, err := m.llm()
	if err != nil {
		return nil, err
	}
	if client != nil && m.cfg.LLM.EmbedModel != "" && !m.offline {
		opts.Embedder, opts.EmbedBatch, opts.EmbedModel = client.Embed, client.EmbedBatch, m.cfg.LLM.EmbedModel
		opts.CacheDir = filepath.Join(m.dataDir(), "cache")
		opts.Logf = func(format string, args ...any) { fmt.Fprintf(m.Stderr, "avertissement : "+format+"\n", args...) }
	}
	if m.Builds != nil && opts.Embedder == nil {
		e, err := m.Builds.engine(ctx, m.referentielsDir(), m.pdfReader())
		if err == nil {
			m.warnSkipped(e.Corpus)
		}
		return e, err
	}
	c, err := m.loadCorpus()
	if err != nil {
		return nil, err
	}
	return answer.New(ctx, c, opts)
}

// llm returns the language model configured, built once, or nil when none
// is (the answers stay extractive).
func (m *Main) llm() (*llm.Client, error) {
	if m.cfg.LLM == nil || m.client != nil {
		return m.client, nil
	}
	c, err := llm.New(*m.cfg.LLM)
	if err != nil {
		return nil, usageError{err}
	}
	m.client = c
	return c, nil
}

// commands are the subcommands run once the configuration is read, by name.
func (m *Main) commands() map[string]func(context.Context, []string) error {
	return map[string]func(context.Context, []string) error{
		"console": m.console, "serve": m.serve, "healthcheck": m.healthcheck,
		"ask": m.ask, "search": m.search, "referentiel": m.referentiel,
		"scenario": m.scenario, "quiz": m.quiz, "ingest": m.ingest, "eval": m.eval,
	}
}

// newFlags returns a flag set that reports errors as usage errors, in French.
func (m *Main) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	// The flag package asks for the usage on --help and on errors: Run
	// prints it for --help only.
	fs.Usage = func() { m.help = fs }
	return fs
}

// printHelp lists a command's options, in French, as « tutor X --help »
// shows them.
func printHelp(w io.Writer, fs *flag.FlagSet) {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		fmt.Fprintf(w, "tutor %s — options : aucune.\n", fs.Name())
	} else {
		fmt.Fprintf(w, "tutor %s — options :\n", fs.Name())
	}
	fs.VisitAll(func(f *flag.Flag) {
		line := fmt.Sprintf("  --%-12s %s", f.Name, f.Usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += fmt.Sprintf(" (défaut : %s)", f.DefValue)
		}
		fmt.Fprintln(w, line)
	})
	fmt.Fprintln(w, "« tutor aide » décrit toutes les commandes.")
}

// parseOptions parses the flags of a command that takes no argument.
func parseOptions(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("%s ne prend que des options, pas %q (elles s'écrivent --nom valeur, « tutor aide » les liste)", fs.Name(), strings.Join(fs.Args(), " "))}
	}
	return nil
}

// parseFlags parses args into fs, flags before or after the arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	// Accept flags after positional arguments too: "tutor ask coef e4 --json".
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") {
				if f := fs.Lookup(name); f != nil {
					if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
						if i+1 >= len(args) {
							return usageError{fmt.Errorf("l'option -%s attend une valeur (voir tutor aide)", name)}
						}
						flags = append(flags, args[i+1])
						i++
					}
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	if err := fs.Parse(append(flags, append([]string{"--"}, pos...)...)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{fmt.Errorf("%s (voir tutor aide)", frenchFlagError(err))}
	}
	return nil
}

// reFlagValue and reFlagUnknown read the flag package's English errors.
var (
	reFlagValue   = regexp.MustCompile(`^invalid value "(.*)" for flag -([\w-]+)`)
	reFlagUnknown = regexp.MustCompile(`^flag provided but not defined: -([\w-]+)`)
	reFlagMissing = regexp.MustCompile(`^flag needs an argument: -([\w-]+)`)
)

// frenchFlagError says a flag error in French.
func frenchFlagError(err error) string {
	msg := err.Error()
	if m := reFlagValue.FindStringSubmatch(msg); m != nil && m[1] != "--" {
		return fmt.Sprintf("valeur « %s » invalide pour l'option -%s", m[1], m[2])
	} else if m != nil {
		return fmt.Sprintf("l'option -%s attend une valeur", m[2])
	}
	if m := reFlagUnknown.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("option inconnue -%s", m[1])
	}
	if m := reFlagMissing.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("l'option -%s attend une valeur", m[1])
	}
	return msg
}
