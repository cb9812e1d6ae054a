package bot

import (
	"fmt"
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/scenario"
)

// Console lines name their command with a slash; plain text is a question.
// Besides the table's commands, a console knows these words.
var consoleAliases = map[string]string{
	"help":    CmdAide,
	"diplome": CmdConfig + " " + SubDiplome, // /diplome NRC: /config diplome NRC
}

// ParseLine reads a console line into a request of the command table (its
// user, channel and server are the caller's to set). It returns a message
// for the user instead when the line is empty, unknown or incomplete, and
// quit for "/quitter".
func (r *Router) ParseLine(line string) (req *Request, msg string, quit bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil, "", false
	}
	name, rest := CmdQuestion, line
	if strings.HasPrefix(line, "/") {
		name, rest, _ = strings.Cut(line[1:], " ")
		name, rest = strings.ToLower(name), strings.TrimSpace(rest)
	}
	switch name {
	case "quitter", "exit", "quit":
		return nil, "Au revoir !", true
	}
	if alias, ok := consoleAliases[name]; ok {
		name, rest, _ = strings.Cut(alias+" "+rest, " ")
		rest = strings.TrimSpace(rest)
	}
	c, ok := r.command(name)
	if !ok {
		return nil, fmt.Sprintf("Commande inconnue /%s. Tapez /aide.", tutor.Clip(name, 40)), false
	}
	req = &Request{Command: c.Name, Options: map[string]string{}}
	if c.Console != nil {
		if msg := c.Console(rest, req); msg != "" {
			return nil, msg, false
		}
		return req, "", false
	}
	if len(c.Options) > 0 && rest != "" {
		req.Options[c.Options[0].Name] = rest
	}
	if rest == "" && len(c.Options) > 0 && c.Options[0].Required {
		return nil, fmt.Sprintf("Il manque le texte de la commande, ex. /%s %s. Tapez /aide.", c.Name, c.Example), false
	}
	return req, "", false
}

// configConsole reads "/config diplome NRC", "/config role ID", "/config voir".
func configConsole(rest string, req *Request) string {
	sub, value, _ := strings.Cut(rest, " ")
	sub = tutor.Fold(sub) // "mémorisation", "diplôme"
	req.Sub, value = sub, strings.TrimSpace(value)
	switch sub {
	case SubDiplome:
		req.Options[OptDiplome] = value
	case SubRole:
		req.Options[OptRole] = value
	case SubMemorisation:
		req.Options[OptPourcentage] = value
	case SubVoir, "":
	default:
		return fmt.Sprintf("Réglage inconnu « %s » : diplome, role, memorisation ou voir.", tutor.Clip(sub, 40))
	}
	return ""
}

// scenarioConsole reads /scenario's options: key=value pairs, or bare
// values recognised by their form.
func scenarioConsole(rest string, req *Request) string {
	keys := []string{OptDiplome, OptClient, OptSituation, OptSecteur, OptDifficulte, OptEtape, OptGraine, OptFiche}
	for _, tok := range strings.Fields(rest) {
		if k, v, ok := strings.Cut(tok, "="); ok {
			k = tutor.Fold(k)
			if !slices.Contains(keys, k) {
				return fmt.Sprintf("Option « %s » inconnue : %s.", tutor.Clip(k, 40), strings.Join(keys, ", "))
			}
			req.Options[k] = v
			continue
		}
		f := tutor.Fold(tok)
		switch {
		case f == "nrc" || f == "ccst":
			req.Options[OptDiplome] = tok
		case slices.Contains(scenario.ClientTypes, f):
			req.Options[OptClient] = f
		case slices.ContainsFunc(scenario.Stages, func(s string) bool { return tutor.Fold(s) == f }):
			req.Options[OptEtape] = tok
		case strings.Trim(f, "0123456789") == "":
			req.Options[OptGraine] = tok
		default:
			return fmt.Sprintf("Je ne comprends pas « %s ». Exemple : /scenario NRC distributeur objections graine=42", tutor.Clip(tok, 40))
		}
	}
	return ""
}

// quizConsole reads "/quiz [NRC|CCST] [thème]".
func quizConsole(rest string, req *Request) string {
	// A theme is one of the themes; any other word names the diploma, which
	// the command checks against the loaded référentiels.
	for _, tok := range strings.Fields(rest) {
		if _, err := theme(map[string]string{OptTheme: tok}); err == nil {
			req.Options[OptTheme] = tok
		} else {
			req.Options[OptDiplome] = tok
		}
	}
	return ""
}

// keyValueConsole reads key=value options ("jours=lundi heure=18h").
func keyValueConsole(rest string, req *Request) string {
	for _, tok := range strings.Fields(rest) {
		k, v, ok := strings.Cut(tok, "=")
		if !ok {
			return fmt.Sprintf("Options clé=valeur, ex. /%s jours=lundi,mercredi heure=18h questions=5", req.Command)
		}
		req.Options[tutor.Fold(k)] = v
	}
	return ""
}
