package main

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/scenario"
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
	var (
		pending int64 // the quiz question waiting for A–D
		erase   bool  // an erasure waiting for /confirmer
	)
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
		line = strings.TrimSpace(line)
		var (
			resp     bot.Response
			answered bool
		)
		req, out, quit := consoleRequest(line)
		switch choice := strings.Index("ABCD", strings.ToUpper(line)); {
		case pending != 0 && len(line) == 1 && choice >= 0:
			resp, err = app.router.AnswerQuiz(ctx, pending, consoleUser, choice)
			answered, req, pending = true, nil, 0
		case line == "/confirmer" && erase:
			resp, err = app.router.EraseConfirmed(ctx, consoleUser, consoleUser)
			answered, req, erase = true, nil, false
		case req != nil:
			resp, err = app.router.Execute(ctx, *req)
			answered = true
		}
		if err != nil {
			return err
		}
		if answered {
			out = bot.Text(resp)
			if req != nil && req.Command == bot.CmdAide {
				out += "\n" + consoleExtra
			}
			if resp.Question != nil {
				pending = resp.Question.PostID
				out += "\nRépondez A, B, C ou D."
			}
			if len(resp.Buttons) > 0 && strings.HasPrefix(resp.Buttons[0].ID, "x:") {
				erase = true
				out += "\nTapez /confirmer pour effacer, ou autre chose pour annuler."
			}
			if resp.File != nil {
				out += fmt.Sprintf("\n--- %s ---\n%s", resp.File.Name, resp.File.Content)
			}
		}
		if out != "" {
			fmt.Fprintln(m.Stdout, out)
		}
		if quit {
			return nil
		}
	}
}

const consoleExtra = `
Dans la console :
  /diplome NRC|CCST|aucun   raccourci de /config diplome
  /scenario NRC distributeur objections graine=42 secteur=cosmetiques difficulte=3
                            un jeu de rôle (options clé=valeur, ou les valeurs seules)
  /quiz [NRC|CCST] [competences|epreuves|savoirs|activites]   puis A, B, C ou D
  /revisions, /classement, /rappel 18h30, /mes-donnees voir|exporter|effacer
  /quitter`

// scenarioOptions reads the console's /scenario options: key=value pairs,
// or bare values recognised by their form. It returns an error message.
func scenarioOptions(rest string, into map[string]string) string {
	keys := []string{bot.OptDiplome, bot.OptClient, bot.OptSituation, bot.OptSecteur, bot.OptDifficulte, bot.OptEtape, bot.OptGraine}
	for _, tok := range strings.Fields(rest) {
		if k, v, ok := strings.Cut(tok, "="); ok {
			k = tutor.Fold(k)
			if !slices.Contains(keys, k) {
				return fmt.Sprintf("Option « %s » inconnue : %s.", k, strings.Join(keys, ", "))
			}
			into[k] = v
			continue
		}
		f := tutor.Fold(tok)
		switch {
		case f == "nrc" || f == "ccst":
			into[bot.OptDiplome] = tok
		case slices.Contains(scenario.ClientTypes, f):
			into[bot.OptClient] = f
		case slices.ContainsFunc(scenario.Stages, func(s string) bool { return tutor.Fold(s) == f }):
			into[bot.OptEtape] = tok
		case strings.Trim(f, "0123456789") == "":
			into[bot.OptGraine] = tok
		default:
			return fmt.Sprintf("Je ne comprends pas « %s ». Exemple : /scenario NRC distributeur objections graine=42", tok)
		}
	}
	return ""
}

// consoleRequest parses a console line into a router request; plain text is
// a question. It returns the text to print instead when the line is local
// (quit, empty, unknown), and whether to quit.
func consoleRequest(line string) (req *bot.Request, out string, quit bool) {
	if line == "" {
		return nil, "", false
	}
	cmd, rest := bot.CmdQuestion, line
	if strings.HasPrefix(line, "/") {
		cmd, rest, _ = strings.Cut(line[1:], " ")
		cmd, rest = strings.ToLower(cmd), strings.TrimSpace(rest)
	}
	r := &bot.Request{Command: cmd, Options: map[string]string{}, GuildID: consoleGuild, ChannelID: consoleGuild, UserID: consoleUser, ManageGuild: true}
	switch cmd {
	case "quitter", "exit", "quit":
		return nil, "Au revoir !", true
	case bot.CmdAide, "help":
		r.Command = bot.CmdAide
		return r, "", false
	case bot.CmdQuestion:
		r.Options[bot.OptTexte] = rest
	case bot.CmdCompetence, bot.CmdEpreuve:
		r.Options[bot.OptCode] = rest
	case bot.CmdSavoir:
		r.Options[bot.OptRecherche] = rest
	case "diplome":
		r.Command, r.Sub = bot.CmdConfig, bot.SubDiplome
		r.Options[bot.OptDiplome] = rest
	case bot.CmdConfig:
		sub, value, _ := strings.Cut(rest, " ")
		r.Sub = sub
		switch sub {
		case bot.SubDiplome:
			r.Options[bot.OptDiplome] = strings.TrimSpace(value)
		case bot.SubRole:
			r.Options[bot.OptRole] = strings.TrimSpace(value)
		}
	case bot.CmdScenario:
		if msg := scenarioOptions(rest, r.Options); msg != "" {
			return nil, msg, false
		}
	case bot.CmdQuiz:
		for _, tok := range strings.Fields(rest) {
			if f := tutor.Fold(tok); f == "nrc" || f == "ccst" {
				r.Options[bot.OptDiplome] = tok
			} else {
				r.Options[bot.OptTheme] = tok
			}
		}
	case bot.CmdRevisions, bot.CmdClassement, bot.CmdQuizListe:
	case bot.CmdRappel:
		r.Options[bot.OptHeure] = rest
	case bot.CmdMesDonnees:
		r.Options[bot.OptAction] = rest
	case bot.CmdQuizSupprimer:
		r.Options[bot.OptID] = rest
	case bot.CmdQuizProgrammer:
		for _, tok := range strings.Fields(rest) {
			k, v, ok := strings.Cut(tok, "=")
			if !ok {
				return nil, "Options clé=valeur, ex. /quiz-programmer jours=lundi,mercredi heure=18h questions=5", false
			}
			r.Options[tutor.Fold(k)] = v
		}
	default:
		return nil, fmt.Sprintf("Commande inconnue /%s. Tapez /aide.", cmd), false
	}
	if rest == "" && (cmd == bot.CmdQuestion || cmd == bot.CmdCompetence || cmd == bot.CmdEpreuve || cmd == bot.CmdSavoir || cmd == bot.CmdRappel || cmd == bot.CmdQuizSupprimer) {
		return nil, "Il manque le texte de la commande. Tapez /aide.", false
	}
	return r, "", false
}
