package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/scenario"
)

// scenario writes a negotiation simulation brief, as Markdown or JSON.
func (m *Main) scenario(ctx context.Context, args []string) error {
	fs := m.newFlags("scenario")
	opts := map[string]*string{
		bot.OptDiplome:    fs.String("diploma", "", "NRC ou CCST (par défaut : tiré de la graine)"),
		bot.OptSituation:  fs.String("situation", "", "CCST : 1 (préparation) ou 2 (négociation simulée)"),
		bot.OptSecteur:    fs.String("sector", "", "secteur d'activité"),
		bot.OptClient:     fs.String("client", "", "NRC : particulier, entreprise ou distributeur"),
		bot.OptDifficulte: fs.String("difficulty", "", "1 à 3 (défaut 2)"),
		bot.OptEtape:      fs.String("focus", "", "découverte, argumentation, objections ou conclusion"),
		bot.OptGraine:     fs.String("seed", "", "graine : la même graine redonne le même brief"),
	}
	format := fs.String("format", "md", "md, json ou pdf (A4 à imprimer : une feuille par rôle, la grille sur sa page)")
	out := fs.String("out", "", "fichier où écrire le brief (sinon la sortie standard)")
	noLLM := fs.Bool("no-llm", false, "pas de réécriture de la mise en situation par le modèle de langue")
	list := fs.Bool("sectors", false, "lister les secteurs disponibles")
	from := fs.String("from", "", "fiche du candidat (Markdown « clé : valeur » ou JSON, voir examples/fiche-candidat.md) : le jeu de rôle est bâti sur sa situation")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	if *format != "md" && *format != "json" && *format != "pdf" {
		return usageError{fmt.Errorf("format %q inconnu : md, json ou pdf", *format)}
	}
	values := map[string]string{}
	for k, v := range opts {
		values[k] = *v
	}
	o, err := bot.ScenarioOptions(values)
	if err != nil {
		return usageError{err}
	}
	if *from != "" {
		if o.Fiche, err = readFiche(*from); err != nil {
			return err
		}
	}
	c, err := m.loadCorpus()
	if err != nil {
		return err
	}
	g, err := scenario.NewGenerator(c)
	if err != nil {
		return err
	}
	if *list {
		for _, d := range g.Diplomas() {
			fmt.Fprintf(m.Stdout, "BTS %s : %s\n", d, strings.Join(g.Sectors(d, ""), " ; "))
		}
		return nil
	}
	b, err := g.Generate(o)
	if errors.Is(err, scenario.ErrOption) {
		return usageError{errors.New(strings.TrimPrefix(err.Error(), scenario.ErrOption.Error()+" : "))}
	}
	if err != nil {
		return err
	}
	if !*noLLM {
		client, err := m.llm()
		if err != nil {
			return err
		}
		if client != nil {
			if _, err := scenario.Enrich(ctx, client, b); err != nil {
				fmt.Fprintf(m.Stderr, "modèle de langue : %v (mise en situation du générateur)\n", err)
			}
		}
	}
	return m.writeBrief(b, *format, *out)
}

// writeBrief writes a brief as Markdown or JSON, to a file or the output.
func (m *Main) writeBrief(b *scenario.Brief, format, out string) error {
	var text []byte
	switch format {
	case "json":
		var err error
		if text, err = json.MarshalIndent(b, "", "  "); err != nil {
			return err
		}
		text = append(text, '\n')
	case "pdf":
		var buf bytes.Buffer
		if err := b.PDF(&buf); err != nil {
			return err
		}
		text = buf.Bytes()
	default:
		text = []byte(b.Markdown())
	}
	if out == "" {
		_, err := m.Stdout.Write(text)
		return err
	}
	if err := os.WriteFile(out, text, 0o644); err != nil {
		return fmt.Errorf("écriture du brief : %w", err)
	}
	fmt.Fprintf(m.Stderr, "Brief écrit dans %s (graine %d).\n", out, b.Options.Seed)
	return nil
}

// readFiche reads a candidate's fiche; a missing, unreadable or incomplete
// one is a usage error that says what to fix.
func readFiche(path string) (*scenario.Fiche, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("fiche candidat « %s » illisible : %v", path, errors.Unwrap(err))}
	}
	defer f.Close()
	fiche, err := scenario.ParseFiche(f)
	if err != nil {
		return nil, usageError{err}
	}
	return fiche, nil
}
