// Package corpus ships the référentiel texts inside the binary, loads further
// ones from a folder, and parses each into display-sized sections and a
// structured référentiel model.
//
// Each text comes with a metadata file beside it, same name with ".json":
//
//	{"diploma": "NRC", "title": "…", "date": "…", "status": "…", "code_style": "compact"}
//
// Markdown (.md), text extracted from a PDF (.txt) and PDF files (.pdf) are read.
package corpus

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	tutor "github.com/btstutor/tutor"
)

//go:embed texts
var embedded embed.FS

// Doc is one parsed référentiel.
type Doc struct {
	Meta     tutor.Document
	Text     string
	Sections []tutor.Section
	Model    *tutor.Referentiel

	linesOnce sync.Once
	lines     []string
}

// Corpus is the set of référentiels the tutor answers from.
type Corpus struct {
	Docs []*Doc
	// Skipped are the added files that could not be read, each with why:
	// the rest of the corpus is used without them.
	Skipped []error
}

// Extensions read by the loader.
var Extensions = []string{".md", ".txt", ".pdf"}

// Limits on a référentiel file (the shipped texts are about 135 kB): a
// larger one is refused, so that no start takes minutes or gigabytes.
const (
	MaxTextBytes = 1 << 20  // a text (.md, .txt), or what a PDF holds
	MaxPDFBytes  = 20 << 20 // a PDF file
)

// Load parses the embedded référentiels and those found in dirs (each file
// with its metadata beside it). A missing dir is not an error. An added file
// that cannot be used (unreadable, too large, no valid metadata, a diploma
// already loaded) is skipped and said in Skipped; the embedded texts must
// all load.
func Load(dirs ...string) (*Corpus, error) { return LoadWith(PDFText, dirs...) }

// PDFReader gives the text of a PDF: PDFText, or a reader that runs it
// apart (a child process) so that a file making it loop costs nothing.
type PDFReader func(ctx context.Context, data []byte) (string, error)

// LoadWith is Load, reading the added PDFs with pdf.
func LoadWith(pdf PDFReader, dirs ...string) (*Corpus, error) {
	c := &Corpus{}
	sub, err := fs.Sub(embedded, "texts")
	if err != nil {
		return nil, err
	}
	if skipped := c.loadFS(sub, ".", pdf); len(skipped) > 0 {
		return nil, skipped[0]
	}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		for _, err := range c.loadFS(os.DirFS(d), ".", pdf) {
			c.Skipped = append(c.Skipped, fmt.Errorf("%s : %w", d, err))
		}
	}
	return c, nil
}

// loadFS adds the référentiels of a folder and returns the files it could
// not use.
func (c *Corpus) loadFS(fsys fs.FS, dir string, pdf PDFReader) []error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return []error{err}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var skipped []error
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || !slices.Contains(Extensions, ext) {
			continue
		}
		doc, err := c.loadFile(fsys, dir, e, pdf)
		if err != nil {
			skipped = append(skipped, fmt.Errorf("%s : %w", e.Name(), err))
			continue
		}
		c.Docs = append(c.Docs, doc)
	}
	return skipped
}

// loadFile parses one référentiel of a folder, with its metadata.
func (c *Corpus) loadFile(fsys fs.FS, dir string, e fs.DirEntry, pdf PDFReader) (*Doc, error) {
	ext := path.Ext(e.Name())
	metaName := strings.TrimSuffix(e.Name(), ext) + ".json"
	raw, err := fs.ReadFile(fsys, path.Join(dir, metaName))
	if err != nil {
		return nil, fmt.Errorf("métadonnées manquantes (%s attendu) : %w", metaName, err)
	}
	var meta tutor.Document
	if err := json.Unmarshal(raw, &meta); err != nil {
		return nil, fmt.Errorf("métadonnées illisibles %s : %w", metaName, err)
	}
	meta.Source = e.Name()
	if c.Doc(meta.Diploma) != nil {
		return nil, fmt.Errorf("le diplôme %s est déjà chargé", meta.Diploma)
	}
	info, err := e.Info()
	if err != nil {
		return nil, err
	}
	if err := CheckSize(e.Name(), info.Size()); err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
	if err != nil {
		return nil, err
	}
	return parseWith(context.Background(), meta, data, pdf)
}

// CheckSize refuses a file larger than its format allows.
func CheckSize(name string, size int64) error {
	limit := int64(MaxTextBytes)
	if strings.EqualFold(path.Ext(name), ".pdf") {
		limit = MaxPDFBytes
	}
	if size > limit {
		return fmt.Errorf("fichier trop volumineux : %s (maximum %s pour ce format)", mebibytes(size), mebibytes(limit))
	}
	return nil
}

func mebibytes(n int64) string {
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " Mio"
}

var reDiploma = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,11}$`)

// ValidateMeta checks metadata given by a user.
func ValidateMeta(m tutor.Document) error {
	if !reDiploma.MatchString(m.Diploma) {
		return fmt.Errorf("code de diplôme invalide %q : 2 à 12 lettres majuscules ou chiffres (ex. NDRC)", m.Diploma)
	}
	if strings.TrimSpace(m.Title) == "" {
		return errors.New("titre manquant")
	}
	switch m.CodeStyle {
	case "", tutor.StyleCompact, tutor.StyleDotted:
	default:
		return fmt.Errorf("style de codes inconnu %q (compact ou dotted)", m.CodeStyle)
	}
	return nil
}

// Parse reads one référentiel. The format follows the file extension in
// meta.Source. It fails on metadata it cannot use, on a file or text over
// the limits, on text that is not UTF-8, on a PDF the reader cannot finish
// in time (or when ctx is done), and on a text with no sections.
func Parse(ctx context.Context, meta tutor.Document, data []byte) (*Doc, error) {
	return parseWith(ctx, meta, data, PDFText)
}

func parseWith(ctx context.Context, meta tutor.Document, data []byte, pdf PDFReader) (*Doc, error) {
	if err := ValidateMeta(meta); err != nil {
		return nil, err
	}
	if meta.CodeStyle == "" {
		meta.CodeStyle = tutor.StyleDotted
	}
	if err := CheckSize(meta.Source, int64(len(data))); err != nil {
		return nil, err
	}
	var text string
	switch strings.ToLower(path.Ext(meta.Source)) {
	case ".pdf":
		t, err := pdf(ctx, data)
		if err != nil {
			return nil, err
		}
		if len(t) > MaxTextBytes {
			return nil, fmt.Errorf("PDF trop volumineux : son texte dépasse %s", mebibytes(MaxTextBytes))
		}
		text = t
	case ".md", ".txt":
		if !utf8.Valid(data) {
			return nil, errors.New("le fichier n'est pas en UTF-8")
		}
		text = string(data)
	default:
		return nil, fmt.Errorf("format non pris en charge %q (attendu : .md, .txt ou .pdf)", path.Ext(meta.Source))
	}
	var blocks []block
	if strings.EqualFold(path.Ext(meta.Source), ".md") {
		blocks = parseMarkdown(text, meta.CodeStyle)
	} else {
		blocks = parsePDFText(text, meta.CodeStyle)
	}
	d := &Doc{Meta: meta, Text: text}
	d.Sections = buildSections(meta, blocks)
	if len(d.Sections) == 0 {
		return nil, errors.New("aucun texte exploitable dans ce fichier")
	}
	d.Model = extractModel(meta, blocks)
	return d, nil
}

// Doc returns the référentiel of a diploma (case-insensitive), or nil.
func (c *Corpus) Doc(diploma string) *Doc {
	for _, d := range c.Docs {
		if strings.EqualFold(d.Meta.Diploma, diploma) {
			return d
		}
	}
	return nil
}

// Diplomas lists the loaded diploma codes, in load order.
func (c *Corpus) Diplomas() []string {
	var out []string
	for _, d := range c.Docs {
		out = append(out, d.Meta.Diploma)
	}
	return out
}

// CodeStyles maps each loaded diploma to the way its texts write codes.
func (c *Corpus) CodeStyles() map[string]string {
	m := make(map[string]string, len(c.Docs))
	for _, d := range c.Docs {
		m[d.Meta.Diploma] = d.Meta.CodeStyle
	}
	return m
}

// Sections returns every section of every référentiel.
func (c *Corpus) Sections() []tutor.Section {
	var out []tutor.Section
	for _, d := range c.Docs {
		out = append(out, d.Sections...)
	}
	return out
}

var normalizer = strings.NewReplacer("**", "", "•", "", "\u00a0", " ")

// Normalize collapses spaces and drops Markdown emphasis, heading marks,
// list bullets and the trailing punctuation of list items, for comparing a
// quotation with its source.
func Normalize(s string) string {
	s = normalizer.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "#-–• ")
	return strings.TrimRight(s, " ,;.")
}

// Lines returns the text's lines; Lines()[0] is line 1.
func (d *Doc) Lines() []string {
	d.linesOnce.Do(func() { d.lines = strings.Split(d.Text, "\n") })
	return d.lines
}

// Span returns the lines of l joined and normalised.
func (d *Doc) Span(l tutor.Lines) string {
	lines := d.Lines()
	var parts []string
	for n := max(l[0], 1); n <= l[1] && n <= len(lines); n++ {
		parts = append(parts, lines[n-1])
	}
	return Normalize(strings.Join(parts, " "))
}
