package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/corpus"
	"github.com/btstutor/tutor/eval"
	"github.com/btstutor/tutor/retrieval"
)

func (m *Main) referentiel(_ context.Context, args []string) error {
	fs := m.newFlags("referentiel")
	diploma := fs.String("diploma", "", "NRC ou CCST")
	asJSON := fs.Bool("json", false, "sortie JSON")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	c, err := m.loadCorpus()
	if err != nil {
		return err
	}
	var models []*tutor.Referentiel
	for _, d := range c.Docs {
		if *diploma == "" || strings.EqualFold(*diploma, d.Meta.Diploma) {
			models = append(models, d.Model)
		}
	}
	if len(models) == 0 {
		return usageError{fmt.Errorf("diplôme inconnu « %s » (diplômes disponibles : %s)", *diploma, strings.Join(c.Diplomas(), ", "))}
	}
	if *asJSON {
		return writeJSON(m.Stdout, models)
	}
	w := bufio.NewWriter(m.Stdout)
	defer w.Flush()
	for _, r := range models {
		fmt.Fprintf(w, "%s — %s (%s)\n\nCompétences\n", r.Document.Label(), r.Document.Title, r.Document.Date)
		for _, c := range r.Competences {
			fmt.Fprintf(w, "  %-6s %s\n", c.Code, c.Title)
		}
		fmt.Fprintf(w, "\nÉpreuves\n")
		for _, e := range r.Epreuves {
			printEpreuve(w, e, "  ")
			for _, p := range e.Parts {
				printEpreuve(w, p, "      ")
			}
		}
		fmt.Fprintf(w, "\nSavoirs : %d, activités : %d\n\n", len(r.Savoirs), len(r.Activites))
	}
	return nil
}

func printEpreuve(w *bufio.Writer, e tutor.Epreuve, pad string) {
	coef := e.Coef
	if coef == "" {
		coef = "—"
	}
	line := fmt.Sprintf("%s%-5s coef %-4s %s", pad, e.Code, coef, e.Title)
	if e.Form != "" {
		line += " — " + e.Form
		if e.Duration != "" {
			line += " " + e.Duration
		}
		if e.Preparation != "" {
			line += " (+ " + e.Preparation + " de préparation)"
		}
	}
	fmt.Fprintln(w, line)
}

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.newFlags("ingest")
	var meta tutor.Document
	fs.StringVar(&meta.Diploma, "diploma", "", "code du diplôme (ex. NDRC)")
	fs.StringVar(&meta.Title, "title", "", "intitulé complet")
	fs.StringVar(&meta.Date, "date", "", "date du texte")
	fs.StringVar(&meta.Status, "status", "", "statut (ex. texte modifié par …)")
	fs.StringVar(&meta.CodeStyle, "code-style", tutor.StyleDotted, "écriture des codes : dotted (C1.3) ou compact (C13)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Errorf("indiquez un seul fichier à ajouter (reçu %d)", fs.NArg())}
	}
	file := fs.Arg(0)
	meta.Diploma = strings.ToUpper(strings.TrimSpace(meta.Diploma))
	if err := corpus.ValidateMeta(meta); err != nil {
		return usageError{err}
	}
	ext := strings.ToLower(filepath.Ext(file))
	if ext != ".md" && ext != ".txt" && ext != ".pdf" {
		return usageError{fmt.Errorf("format non pris en charge %q (attendu : .md, .txt ou .pdf)", ext)}
	}
	info, err := os.Stat(file)
	if err != nil {
		return usageError{fmt.Errorf("lecture de %s impossible : %w", file, err)}
	}
	if err := corpus.CheckSize(file, info.Size()); err != nil {
		return usageError{fmt.Errorf("%s : %w", file, err)}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return usageError{fmt.Errorf("lecture de %s impossible : %w", file, err)}
	}
	existing, err := m.loadCorpus()
	if err != nil {
		return err
	}
	if existing.Doc(meta.Diploma) != nil {
		return usageError{fmt.Errorf("le diplôme %s est déjà chargé", meta.Diploma)}
	}
	base := strings.ToLower(meta.Diploma)
	meta.Source = base + ext
	if ext == ".pdf" {
		// The text is kept, not the PDF: no start reads a PDF again.
		fmt.Fprintf(m.Stderr, "Lecture du PDF %s…\n", file)
		text, err := extractPDF(ctx, data)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("ajout interrompu : rien n'a été écrit")
			}
			return usageError{fmt.Errorf("%s : %w", file, err)}
		}
		meta.Source, data = base+".txt", []byte(text)
	}
	doc, err := corpus.Parse(ctx, meta, data)
	if err != nil {
		return usageError{fmt.Errorf("%s : %w", file, err)}
	}
	dir := m.referentielsDir()
	if err := saveReferentiel(dir, base, meta, data); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Référentiel %s ajouté dans %s : %d sections, %d compétences, %d épreuves.\n",
		doc.Meta.Label(), dir, len(doc.Sections), len(doc.Model.Competences), len(doc.Model.Epreuves))
	return nil
}

// saveReferentiel writes a text and its metadata (base.json) in dir. The
// text goes first and the metadata last: the loader skips a text without
// metadata, so a crash between the two leaves no référentiel.
func saveReferentiel(dir, base string, meta tutor.Document, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	metaJSON, err := jsonBytes(tutor.Document{Diploma: meta.Diploma, Title: meta.Title, Date: meta.Date, Status: meta.Status, CodeStyle: meta.CodeStyle})
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, meta.Source), data); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, base+".json"), metaJSON); err != nil {
		os.Remove(filepath.Join(dir, meta.Source))
		return err
	}
	return nil
}

func jsonBytes(v any) ([]byte, error) {
	var b strings.Builder
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (m *Main) eval(ctx context.Context, args []string) error {
	fs := m.newFlags("eval")
	golden := fs.String("golden", "", "jeu de référence JSONL (par défaut : celui du dépôt, ses deux moitiés)")
	questions := fs.String("questions", "", "jeu de questions au format partagé (../shared/eval/dev-questions.jsonl)")
	split := fs.String("split", "", "moitié du jeu de référence : tune, report (par défaut : les deux, séparément)")
	k := fs.Int("k", 5, "passages regardés pour hit@k et MRR")
	verbose := fs.Bool("v", false, "chaque échec, sur la sortie d'erreur")
	if err := parseOptions(fs, args); err != nil {
		return err
	}
	if *k < 1 || *k > 50 {
		return usageError{fmt.Errorf("-k doit être entre 1 et 50 (reçu %d)", *k)}
	}
	type set struct {
		title string
		items []eval.Item
	}
	var sets []set
	if *questions != "" {
		items, err := eval.Load(*questions)
		if err != nil {
			return usageError{err}
		}
		sets = append(sets, set{*questions, items})
	} else {
		items, err := eval.Load(*golden)
		if err != nil {
			return usageError{err}
		}
		switch *split {
		case "":
			sets = append(sets, set{"jeu de référence, moitié d'ajustement (tune)", eval.Only(items, eval.SplitTune)},
				set{"jeu de référence, moitié rapportée (report)", eval.Only(items, eval.SplitReport)})
		case eval.SplitTune, eval.SplitReport:
			sets = append(sets, set{"jeu de référence (" + *split + ")", eval.Only(items, *split)})
		default:
			return usageError{fmt.Errorf("--split : tune ou report (reçu %q)", *split)}
		}
	}
	e, err := m.engine(ctx)
	if err != nil {
		return err
	}
	for _, s := range sets {
		if len(s.items) == 0 {
			return usageError{fmt.Errorf("%s : aucune question", s.title)}
		}
		rep, err := eval.Run(ctx, e, s.items, *k, retrieval.Fused, retrieval.Lexical, retrieval.Vector)
		if err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, rep.Table(s.title))
		if *verbose {
			for _, f := range rep.Misses {
				fmt.Fprintln(m.Stderr, f)
			}
		}
	}
	return nil
}
