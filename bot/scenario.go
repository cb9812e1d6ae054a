package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/scenario"
)

// CmdScenario writes a negotiation simulation brief (teachers).
const CmdScenario = "scenario"

// Options of /scenario.
const (
	OptEleve      = "eleve"
	OptClient     = "client"
	OptSituation  = "situation"
	OptSecteur    = "secteur"
	OptDifficulte = "difficulte"
	OptEtape      = "etape"
	OptGraine     = "graine"
	OptFiche      = "fiche" // a candidate's fiche, joined as a file
)

// maxSeed bounds the seeds drawn for briefs: short enough to read aloud.
const maxSeed = 1_000_000

// ScenarioOptions reads the options of /scenario (also the command line's);
// bad numbers are refused. Without a seed, one is drawn.
func ScenarioOptions(opts map[string]string) (scenario.Options, error) {
	o := scenario.Options{
		Diploma: strings.TrimSpace(opts[OptDiplome]),
		Sector:  strings.TrimSpace(opts[OptSecteur]),
		Client:  strings.TrimSpace(opts[OptClient]),
		Focus:   strings.TrimSpace(opts[OptEtape]),
	}
	num := func(name, what string, into *int) error {
		v := strings.TrimSpace(opts[name])
		if v == "" {
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%s doit être un nombre entier (reçu « %s »)", what, tutor.Clip(v, 20))
		}
		*into = n
		return nil
	}
	if err := num(OptDifficulte, "la difficulté", &o.Difficulty); err != nil {
		return o, err
	}
	if err := num(OptSituation, "la situation", &o.Situation); err != nil {
		return o, err
	}
	// A value typed is checked: 0 is no default here.
	if strings.TrimSpace(opts[OptDifficulte]) != "" && (o.Difficulty < 1 || o.Difficulty > 3) {
		return o, fmt.Errorf("la difficulté va de 1 à 3 (reçu %d)", o.Difficulty)
	}
	if strings.TrimSpace(opts[OptSituation]) != "" && o.Situation != 1 && o.Situation != 2 {
		return o, fmt.Errorf("la situation d'évaluation est 1 (préparation) ou 2 (négociation simulée) (reçu %d)", o.Situation)
	}
	if v := strings.TrimSpace(opts[OptGraine]); v != "" {
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return o, fmt.Errorf("la graine doit être un nombre entier positif (reçu « %s »)", tutor.Clip(v, 20))
		}
		o.Seed = seed
	} else {
		o.Seed = rand.Uint64N(maxSeed)
	}
	return o, nil
}

// isTeacher reports whether the requester may use the teachers' commands:
// Manage Server, or the server's teacher role.
func (r *Router) isTeacher(ctx context.Context, req Request) (bool, error) {
	if req.ManageGuild {
		return true, nil
	}
	if req.GuildID == "" || r.Store == nil {
		return false, nil
	}
	set, err := r.Store.Settings(ctx, req.GuildID, "")
	if err != nil {
		return false, fmt.Errorf("lecture des réglages : %w", err)
	}
	return set.TeacherRole != "" && slices.Contains(req.Roles, set.TeacherRole), nil
}

// scenario writes a simulation brief for a teacher; a language model, when
// set, rewrites its narrative (verified, see scenario.Enrich).
func (r *Router) scenario(ctx context.Context, req Request) (Response, error) {
	refuse := func(text string) (Response, error) {
		return Response{Title: "Jeu de rôle", Text: text, Ephemeral: true, Outcome: OutcomeRefused}, nil
	}
	if r.Scenarios == nil {
		return refuse("Les jeux de rôle ne sont pas disponibles : aucun référentiel chargé ne décrit d'épreuve de négociation.")
	}
	o, err := ScenarioOptions(req.Options)
	if err != nil {
		return *refused(err), nil
	}
	if data, ok := req.Files[OptFiche]; ok {
		if o.Fiche, err = scenario.ParseFiche(bytes.NewReader(data)); err != nil {
			return *refused(err), nil
		}
	}
	if o.Diploma == "" && o.Fiche == nil {
		if o.Diploma, _, err = r.diploma(ctx, req); err != nil {
			return Response{}, err
		}
	}
	b, err := r.Scenarios.Generate(o)
	if errors.Is(err, scenario.ErrOption) {
		msg := strings.TrimPrefix(err.Error(), scenario.ErrOption.Error()+" : ")
		return *refused(errors.New(msg)), nil
	}
	if err != nil {
		return Response{}, err
	}
	resp := Response{Title: b.Title, Brief: b, Text: b.Markdown(), Outcome: OutcomeOK}
	if r.LLM != nil {
		note, err := r.budgetNote(ctx, req)
		if err != nil {
			return Response{}, err
		}
		if note == "" {
			tokens, err := scenario.Enrich(ctx, r.LLM, b)
			resp.LLMErr = err
			if tokens > 0 && r.Store != nil {
				if err := r.Store.AddUsage(ctx, req.GuildID, req.UserID, tokens); err != nil {
					return Response{}, fmt.Errorf("enregistrement de la consommation : %w", err)
				}
			}
			resp.Text = b.Markdown()
		}
	}
	return resp, nil
}

// suggestSectors lists the sectors matching what a teacher typed.
func (r *Router) suggestSectors(ctx context.Context, req Request, typed string) []string {
	if r.Scenarios == nil {
		return nil
	}
	d := strings.TrimSpace(req.Options[OptDiplome])
	if d == "" {
		d, _, _ = r.diploma(ctx, req)
	}
	want := tutor.Fold(strings.TrimSpace(typed))
	var out []string
	for _, s := range r.Scenarios.Sectors(d, tutor.Fold(req.Options[OptClient])) {
		if strings.Contains(tutor.Fold(s), want) && len(out) < MaxSuggestions {
			out = append(out, s)
		}
	}
	return out
}
