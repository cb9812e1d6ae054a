package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dockerfile reads the repository's Dockerfile: one instruction a line,
// continuations joined, comments dropped.
func dockerfile(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(s + " ")
			continue
		}
		cur.WriteString(line)
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// words splits a shell line on spaces outside double quotes.
func words(s string) []string {
	var out []string
	var w strings.Builder
	quoted, in := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				out = append(out, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, w.String())
	}
	return out
}

// The image runs as a non-root user whose data directory exists and is its
// own, checks its health with the binary itself, and is built by a command
// that needs no cgo. There is no Docker engine here: the Dockerfile is read.
func TestDockerfile(t *testing.T) {
	lines := dockerfile(t)
	has := func(what string, re *regexp.Regexp) string {
		t.Helper()
		for _, l := range lines {
			if m := re.FindString(l); m != "" {
				return l
			}
		}
		t.Errorf("Dockerfile: no %s (%s)", what, re)
		return ""
	}
	has("non-root final stage", regexp.MustCompile(`^FROM \S*distroless\S*:nonroot$`))
	has("non-root user", regexp.MustCompile(`^USER nonroot`))
	has("data dir made and owned by 65532 with 0700", regexp.MustCompile(`^RUN mkdir -p (\S+) && chown 65532:65532 (\S+) && chmod 0700 \S+$`))
	has("data dir copied with its owner", regexp.MustCompile(`^COPY --from=build --chown=65532:65532 \S+ /data$`))
	has("data dir variable", regexp.MustCompile(`^ENV TUTOR_DATA_DIR=/data$`))
	has("health address", regexp.MustCompile(`^ENV TUTOR_HTTP_ADDR=:\d+$`))
	hc := has("health check by the binary", regexp.MustCompile(`^HEALTHCHECK .*CMD \["/usr/local/bin/tutor", "healthcheck"\]$`))
	if hc != "" {
		// The command exists: without an address it asks for one.
		if code, _, errOut := run(t, "", nil, "healthcheck"); code != exitUsage || strings.Contains(errOut, "commande inconnue") {
			t.Errorf("tutor healthcheck: exit %d, %q", code, errOut)
		}
	}
	build := has("static build", regexp.MustCompile(`^RUN CGO_ENABLED=0 go build `))
	if build == "" {
		return
	}
	// The exact build command, its -o redirected: it builds with cgo off,
	// and what it makes is a static binary (no ELF interpreter), as a
	// distroless static image needs.
	args := words(strings.TrimPrefix(build, "RUN "))
	env := []string{}
	for len(args) > 0 && strings.Contains(args[0], "=") {
		env = append(env, args[0])
		args = args[1:]
	}
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "${VERSION}", "test")
		if a == "-o" && i+1 < len(args) {
			args[i+1] = filepath.Join(t.TempDir(), "tutor")
		}
	}
	if len(args) < 2 || args[0] != "go" || args[1] != "build" {
		t.Fatalf("build command: %q", args)
	}
	var bin string
	for i, a := range args {
		if a == "-o" && i+1 < len(args) {
			bin = args[i+1]
		}
	}
	cmd := exec.Command("go", args[1:]...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", build, err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the image's binary is dynamically linked")
		}
	}
	if out, err := exec.Command(bin, "version").Output(); err != nil || !strings.Contains(string(out), "tutor test") {
		t.Errorf("the built binary: %q %v", out, err)
	}
	list := exec.Command("go", "list", "-deps", "-f", "{{if .CgoFiles}}{{.ImportPath}}{{end}}", "./cmd/tutor")
	list.Dir = "../.."
	list.Env = append(os.Environ(), env...)
	out, err := list.Output()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("packages needing cgo in the image's build: %q %v", out, err)
	}
}

// make docker passes the repository's version into the image.
func TestMakeDockerPassesVersion(t *testing.T) {
	b, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^docker:.*\n\tdocker build --build-arg VERSION=\$\(VERSION\) `).Match(b) {
		t.Error("make docker does not pass --build-arg VERSION=$(VERSION)")
	}
}
