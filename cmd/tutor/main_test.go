package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"github.com/btstutor/tutor/internal/syncbuf"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// testBuilds shares the parsed texts and the engine between the tests'
// commands; each test still has its own data folder.
var testBuilds = &Builds{}

func run(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Builds: testBuilds}
	code := m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

func dataEnv(t *testing.T) map[string]string {
	return map[string]string{"TUTOR_DATA_DIR": t.TempDir()}
}

func TestAskJSON(t *testing.T) {
	t.Parallel()
	code, out, errs := run(t, "", dataEnv(t), "ask", "--json", "coef", "e4", "ccst")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Question  string
		Answer    string
		Abstained bool
		Citations []struct {
			N       int
			Diploma string
			Source  string
			Section string
			Lines   [2]int
			Text    string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Question != "coef e4 ccst" || r.Abstained || !strings.Contains(r.Answer, "6") || len(r.Citations) == 0 {
		t.Fatalf("reply %+v", r)
	}
	c := r.Citations[0]
	if c.N != 1 || c.Diploma != "CCST" || c.Source != "bts-ccst-referentiel.md" || c.Lines[0] == 0 || c.Text == "" || c.Section == "" {
		t.Errorf("citation %+v", c)
	}
}

func TestAskBadInput(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ask", " "}, "vide"},
		{[]string{"ask", strings.Repeat("x", 2001)}, "2000"},
		{[]string{"ask", "--diploma", "MCO", "coef"}, "diplôme inconnu"},
		{[]string{"ask", "coef \xff"}, "UTF-8"},
		{[]string{"search", "-k", "0", "stage"}, "-k"},
		{[]string{"nimportequoi"}, "commande inconnue"},
		{[]string{"ask", "--nope", "x"}, "option inconnue -nope"},
		{[]string{"quiz", "-n", "abc"}, "valeur « abc » invalide pour l'option -n"},
		{[]string{"search", "-k"}, "l'option -k attend une valeur"},
		// Commands that take options only refuse a stray word.
		{[]string{"referentiel", "NRC"}, "ne prend que des options"},
		{[]string{"eval", "dev.jsonl"}, "ne prend que des options"},
		{[]string{"healthcheck", "localhost"}, "ne prend que des options"},
		{[]string{"quiz", "CCST"}, "ne prend que des options"},
	}
	for _, tt := range tests {
		code, _, errs := run(t, "", env, tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args[:1], code, errs)
		}
	}
}

func TestBatchGoesOnAfterBadLines(t *testing.T) {
	t.Parallel()
	in := "coef e4 ccst\n\n" + strings.Repeat("x", 2500) + "\ncoef \xff\nquelle est la capitale de l'australie\n"
	code, out, errs := run(t, in, dataEnv(t), "ask")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	objs := jsonLines(t, out)
	if len(objs) != 5 {
		t.Fatalf("%d lines, one per input line:\n%s", len(objs), out)
	}
	if objs[0]["error"] != nil || objs[0]["abstained"] != false {
		t.Errorf("line 1 = %v", objs[0])
	}
	for i, want := range map[int]string{1: "vide", 2: "dépasse", 3: "UTF-8"} {
		if e, _ := objs[i]["error"].(string); !strings.Contains(e, want) || objs[i]["question"] == nil {
			t.Errorf("line %d: want an error object {question, error: …%s…}, got %v", i+1, want, objs[i])
		}
	}
	if objs[4]["abstained"] != true {
		t.Errorf("out-of-domain line = %v", objs[4])
	}
	// search names its input "query", in results and errors alike.
	_, out, _ = run(t, "coef e4\n\n", dataEnv(t), "search")
	objs = jsonLines(t, out)
	if len(objs) != 2 || objs[0]["query"] != "coef e4" || objs[1]["error"] == nil || objs[1]["query"] == nil {
		t.Errorf("search batch: %v", objs)
	}
}

func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		objs = append(objs, o)
	}
	return objs
}

func TestSearchJSON(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "", dataEnv(t), "search", "-k", "3", "--diploma", "nrc", "--json", "duree du stage")
	if code != 0 {
		t.Fatal(out)
	}
	var r searchOut
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Results) != 3 || r.Results[0].Rank != 1 || r.Results[0].Diploma != "NRC" || r.Results[0].Text == "" {
		t.Errorf("results %+v", r.Results)
	}
}

func TestReferentielJSON(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "", dataEnv(t), "referentiel", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var models []struct {
		Document    struct{ Diploma string }
		Competences []struct{ Code string }
		Epreuves    []struct{ Code, Coef, Duration string }
	}
	if err := json.Unmarshal([]byte(out), &models); err != nil {
		t.Fatal(err)
	}
	if len(models) != 2 {
		t.Fatalf("%d models", len(models))
	}
	for _, m := range models {
		if len(m.Competences) < 17 || len(m.Epreuves) < 7 {
			t.Errorf("%s: %d compétences, %d épreuves", m.Document.Diploma, len(m.Competences), len(m.Epreuves))
		}
	}
	if code, _, errs := run(t, "", dataEnv(t), "referentiel", "--diploma", "XYZ"); code != exitUsage || !strings.Contains(errs, "inconnu") {
		t.Errorf("unknown diploma: exit %d %q", code, errs)
	}
}

func TestIngest(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	src := filepath.Join(t.TempDir(), "ndrc.md")
	os.WriteFile(src, []byte("# BTS NDRC\n\n## Bloc de compétences 1\n\n### C1.1 Cibler et prospecter la clientèle\n\n- Analyser le portefeuille clients\n"), 0o644)
	code, out, errs := run(t, "", env, "ingest", src, "--diploma", "ndrc", "--title", "BTS Négociation et digitalisation de la relation client")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "BTS NDRC ajouté") {
		t.Errorf("output %q", out)
	}
	code, out, _ = run(t, "", env, "ask", "--diploma", "NDRC", "C1.1")
	if code != 0 || !strings.Contains(out, "Cibler et prospecter la clientèle") {
		t.Errorf("ask after ingest: exit %d %s", code, out)
	}
	// Bad input changes nothing.
	for _, args := range [][]string{
		{"ingest", src, "--diploma", "NDRC", "--title", "x"},                                   // already loaded
		{"ingest", filepath.Join(t.TempDir(), "absent.md"), "--diploma", "AB", "--title", "x"}, // missing file
		{"ingest", src, "--diploma", "a b", "--title", "x"},                                    // bad code
		{"ingest", src, "--diploma", "XY"},                                                     // no title
	} {
		if code, _, errs := run(t, "", env, args...); code != exitUsage {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(env["TUTOR_DATA_DIR"], "referentiels"))
	if len(entries) != 2 {
		t.Errorf("referentiels dir has %d files, want 2", len(entries))
	}
}

func TestConsole(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	in := "/aide\ncoef e4 ccst\n/epreuve E9\n/diplome NRC\n/competence C 31\n/epreuve E4\n/epreuve\n/inconnue x\n/quitter\n"
	code, out, errs := run(t, in, env)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"/competence code —", "/quitter", "coefficient de 6", "n'existe pas", "BTS NRC.", "Intégrer les dimensions",
		"Selon le statut du candidat", "40 min", "Il manque le texte", "Commande inconnue", "Au revoir"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if strings.Contains(out, "**") {
		t.Error("markdown markers in the console")
	}
	// The setting is kept in the store: a new console still has it.
	_, out, _ = run(t, "/config voir\n", env)
	if !strings.Contains(out, "serveur : BTS NRC") {
		t.Errorf("setting lost between runs:\n%s", out)
	}
}

// fullWriter fails every write, as a full disk does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// Output that cannot be written is an error exit, whatever the command.
func TestOutputErrorsExitNonZero(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	for _, args := range [][]string{
		{"version"}, {"ask", "coef e4 ccst"}, {"ask", "--json", "coef e4 ccst"},
		{"search", "coef e4"}, {"referentiel", "--diploma", "NRC"}, {"quiz", "--bank", "--diploma", "CCST"},
	} {
		var errb bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: fullWriter{}, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Builds: testBuilds}
		if code := m.Run(context.Background(), args); code != exitError || !strings.Contains(errb.String(), "écriture de la sortie impossible") {
			t.Errorf("%v on a full disk: exit %d, %q", args, code, errb.String())
		}
	}
}

// A console left open survives a store another process keeps locked
// longer than the busy timeout: it says so, keeps the quiz answer pending,
// and records it once the lock is gone.
func TestConsoleSurvivesALockedStore(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	c := startConsole(t, env)
	c.say("/quiz CCST competences", "Répondez A, B, C ou D.")
	db, err := sql.Open("sqlite", filepath.Join(env["TUTOR_DATA_DIR"], "tutor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	c.say("A", "Rien n'est perdu")
	if !strings.Contains(c.out.String(), "occupée par un autre programme") {
		t.Errorf("no word on the locked store:\n%s", c.out.String())
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	conn.Close()
	c.say("A", "Prochaine révision") // right or wrong, the answer is recorded
	c.quit()
}

// A console left open survives a store damaged under it: it says so, with
// what to do, and goes on.
func TestConsoleSurvivesADamagedStore(t *testing.T) {
	t.Parallel()
	env := dataEnv(t)
	c := startConsole(t, env)
	c.say("/diplome NRC", "BTS NRC")
	// Everything into the file, then every page but the first damaged.
	path := filepath.Join(env["TUTOR_DATA_DIR"], "tutor.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(b); i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c.say("/config voir", "la console reste ouverte")
	c.say("/quiz CCST", "endommagée")
	c.quit()
}

// liveConsole is a console left running on a pipe, as a student keeps it
// open in a terminal.
type liveConsole struct {
	t    *testing.T
	feed *io.PipeWriter
	out  *syncbuf.Buffer
	done chan int
}

func startConsole(t *testing.T, env map[string]string) *liveConsole {
	in, feed := io.Pipe()
	c := &liveConsole{t: t, feed: feed, out: &syncbuf.Buffer{}, done: make(chan int, 1)}
	m := &Main{Stdin: in, Stdout: c.out, Stderr: c.out, Getenv: func(k string) string { return env[k] }, Builds: testBuilds}
	go func() { c.done <- m.Run(context.Background(), nil) }()
	return c
}

// say types a line and waits until the console prints want once more.
func (c *liveConsole) say(line, want string) {
	c.t.Helper()
	n := strings.Count(c.out.String(), want)
	io.WriteString(c.feed, line+"\n")
	stuck := time.After(time.Minute) // the console waits for a line: it will not say more
	for strings.Count(c.out.String(), want) == n {
		select {
		case code := <-c.done:
			c.t.Fatalf("the console quit (exit %d) after %q:\n%s", code, line, c.out.String())
		case <-stuck:
			c.t.Fatalf("no %q after %q:\n%s", want, line, c.out.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// quit leaves the console, which must say goodbye and exit 0.
func (c *liveConsole) quit() {
	c.t.Helper()
	io.WriteString(c.feed, "/quitter\n")
	if code := <-c.done; code != exitOK || !strings.Contains(c.out.String(), "Au revoir") {
		c.t.Errorf("exit %d:\n%s", code, c.out.String())
	}
}
