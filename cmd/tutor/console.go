package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
)

// The console speaks as the only member of a local server, with the rights
// of a teacher; its settings live in the same store as the bot's.
const (
	consoleGuild = "console"
	consoleUser  = "local"
)

// console is the local, offline front end: the bot's commands, through the
// same router, printed as text.
func (m *Main) console(ctx context.Context, args []string) error {
	if err := parseOptions(m.newFlags("console"), args); err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{fmt.Errorf("la console ne prend pas d'argument (reçu %q)", strings.Join(args, " "))}
	}
	app, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer app.Close()
	fmt.Fprintf(m.Stdout, "Tuteur BTS (%s) — posez une question, ou tapez /aide. Ctrl-D pour quitter.\n", strings.Join(app.router.Engine.Corpus.Diplomas(), ", "))
	in := bufio.NewReader(m.Stdin)
	var st consoleState
	for {
		fmt.Fprint(m.Stdout, "> ")
		line, tooLong, err := readLine(in)
		if err != nil {
			fmt.Fprintln(m.Stdout)
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
		if tooLong {
			fmt.Fprintf(m.Stdout, "Question trop longue (%d caractères au plus).\n", tutor.MaxQuestionLen)
			continue
		}
		out, quit, err := st.step(ctx, app.router, strings.TrimSpace(line))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// The store may be busy (another process writing) or damaged:
			// the console says so and goes on; what was pending stays.
			out = storeTrouble(err)
		}
		if out != "" {
			fmt.Fprintln(m.Stdout, out)
		}
		if quit {
			return nil
		}
	}
}

// consoleState is what the console waits for between two lines.
type consoleState struct {
	pending int64  // the quiz question waiting for A–D, or a typed figure
	typed   bool   // the question pending asks a typed figure
	erase   bool   // an erasure waiting for /confirmer
	flag    string // the question just corrected, which /signaler flags
}

// step runs one line of the console and returns what to print. What waits
// for an answer (a quiz question, an erasure) keeps waiting when the store
// fails.
func (st *consoleState) step(ctx context.Context, router *bot.Router, line string) (out string, quit bool, err error) {
	var (
		resp     bot.Response
		answered bool
	)
	if st.erase && line != "/confirmer" {
		st.erase = false // "autre chose pour annuler"
	}
	req, out, quit := router.ParseLine(line)
	if req != nil {
		req.GuildID, req.ChannelID, req.UserID, req.ManageGuild = consoleGuild, consoleGuild, consoleUser, true
		if path := req.Options[bot.OptFiche]; path != "" {
			// "/scenario fiche=chemin" joins the file, as Discord would.
			data, err := readFile(path, 32<<10)
			if err != nil {
				return "Fiche illisible : " + err.Error() + ".", false, nil
			}
			req.Files = map[string][]byte{bot.OptFiche: data}
		}
	}
	choice, isChoice := parseChoice(line)
	switch {
	case st.pending != 0 && st.typed && !strings.HasPrefix(line, "/"):
		// A figure typed: read leniently; what cannot be read waits again.
		resp, err = router.AnswerTyped(ctx, st.pending, consoleUser, line)
		if err == nil && resp.Outcome != bot.OutcomeRefused {
			st.pending = 0
		}
		answered, req = true, nil
	case st.pending != 0 && isChoice:
		if resp, err = router.AnswerQuiz(ctx, st.pending, consoleUser, choice); err == nil {
			st.pending = 0
		}
		answered, req = true, nil
	case st.pending != 0 && !strings.HasPrefix(line, "/"):
		// Not an answer, not a command: the question waits.
		return "Répondez A, B, C ou D (ou tapez une commande pour passer à autre chose).", false, nil
	case line == "/signaler" && st.flag != "":
		resp, err = router.FlagItem(ctx, st.flag, consoleUser)
		answered, req, st.flag = true, nil, ""
	case line == "/signaler":
		return "Rien à signaler : /signaler suit la correction d'une question de quiz.", false, nil
	case line == "/confirmer" && !st.erase:
		return "Rien à confirmer : /confirmer suit /mes-donnees effacer.", false, nil
	case line == "/confirmer" && st.erase:
		if resp, err = router.EraseConfirmed(ctx, consoleUser, consoleUser); err == nil {
			st.erase = false
		}
		answered, req = true, nil
	case req != nil:
		resp, err = router.Execute(ctx, *req)
		answered = true
	}
	if err != nil || !answered {
		return out, quit, err
	}
	out = plainText(bot.Text(resp))
	if req != nil && req.Command == bot.CmdAide {
		out += "\n" + consoleExtra
	}
	if resp.Question != nil {
		st.pending, st.typed = resp.Question.PostID, resp.Question.Item.Typed
		if !st.typed { // a typed question says how it is answered
			out += "\nRépondez A, B, C ou D."
		}
	}
	if len(resp.Buttons) > 0 && strings.HasPrefix(resp.Buttons[0].ID, "x:") {
		st.erase = true
		out += "\nTapez /confirmer pour effacer, ou autre chose pour annuler."
	}
	if len(resp.Buttons) > 0 && strings.HasPrefix(resp.Buttons[0].ID, bot.FlagButtonPrefix) {
		st.flag = strings.TrimPrefix(resp.Buttons[0].ID, bot.FlagButtonPrefix)
		out += "\nTapez /signaler si cette question vous semble fausse."
	}
	if resp.File != nil {
		out += fmt.Sprintf("\n--- %s ---\n%s", resp.File.Name, resp.File.Content)
	}
	return out, quit, nil
}

// reMention finds Discord's mentions (<@user>, <@&role>, <#channel>).
var reMention = regexp.MustCompile(`<(@&?|#)([^>\s]+)>`)

// plainText turns Discord's markup into terminal text: mentions as @name
// or #name, no bold stars.
func plainText(s string) string {
	s = reMention.ReplaceAllStringFunc(s, func(m string) string {
		sub := reMention.FindStringSubmatch(m)
		if sub[1] == "#" {
			return "#" + sub[2]
		}
		return "@" + sub[2]
	})
	return strings.ReplaceAll(s, "**", "")
}

// parseChoice reads a quiz answer as students type it: "b", "B.", "b)",
// "réponse B", or its number, 1 to 4.
func parseChoice(line string) (int, bool) {
	s := strings.ToUpper(strings.TrimSpace(tutor.Fold(line)))
	for _, p := range []string{"REPONSE", "REP", "LA"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	s = strings.Trim(s, " .):-")
	if len(s) != 1 {
		return 0, false
	}
	if i := strings.Index("ABCD", s); i >= 0 {
		return i, true
	}
	if i := strings.Index("1234", s); i >= 0 {
		return i, true
	}
	return 0, false
}

const consoleExtra = `
Dans la console :
  /diplome NRC|CCST|aucun   raccourci de /config diplome
  /scenario NRC distributeur objections graine=42 secteur=cosmetiques difficulte=3
                            un jeu de rôle (options clé=valeur, ou les valeurs seules)
  /quiz [NRC|CCST] [competences|epreuves|savoirs|activites]   puis A, B, C ou D
  /signaler                 après une correction : la question vous semble fausse
  /revisions, /classement, /rappel 18h30, /mes-donnees voir|exporter|effacer
  /quitter`

// storeTrouble words a failure of the store for the console's user, with
// what to do.
func storeTrouble(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked"):
		return "Erreur : la base de données est occupée par un autre programme (le bot ?) : " + msg +
			"\nRien n'est perdu : réessayez dans un instant."
	case strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "malformed") || strings.Contains(msg, "SQLITE_NOTADB"):
		return "Erreur : la base de données est endommagée : " + msg +
			"\nRestaurez tutor.db depuis une sauvegarde, ou déplacez-le pour repartir d'une base vide ; la console reste ouverte."
	}
	return "Erreur : " + msg + "\nRéessayez dans un instant."
}

// readFile reads a file of at most limit bytes.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("« %s » : %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("« %s » : trop long (%d Kio au plus)", path, limit>>10)
	}
	return data, nil
}
