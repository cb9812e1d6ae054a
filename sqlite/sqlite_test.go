package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/sqlite"
)

func open(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSettingsSurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "tutor.db")
	s := open(t, path)
	if got, err := s.Settings(ctx, "g1", "c1"); err != nil || got != (tutor.Settings{}) {
		t.Fatalf("unconfigured server: %+v, %v", got, err)
	}
	must(t, s.SetDiploma(ctx, "g1", "", "CCST"))
	must(t, s.SetDiploma(ctx, "g1", "c2", "NRC"))
	must(t, s.SetTeacherRole(ctx, "g1", "r9"))
	s.Close()

	s = open(t, path)
	cases := []struct {
		channel string
		want    tutor.Settings
	}{
		{"c1", tutor.Settings{Diploma: "CCST", TeacherRole: "r9"}},
		{"c2", tutor.Settings{Diploma: "NRC", TeacherRole: "r9"}},
	}
	for _, c := range cases {
		got, err := s.Settings(ctx, "g1", c.channel)
		if err != nil || got != c.want {
			t.Errorf("channel %s: %+v, %v; want %+v", c.channel, got, err, c.want)
		}
	}
	// Clearing the channel's diploma falls back to the server's.
	must(t, s.SetDiploma(ctx, "g1", "c2", ""))
	if got, _ := s.Settings(ctx, "g1", "c2"); got.Diploma != "CCST" {
		t.Errorf("after clearing channel: %q", got.Diploma)
	}
	if got, _ := s.Settings(ctx, "g2", "c2"); got != (tutor.Settings{}) {
		t.Errorf("other server sees %+v", got)
	}
	if err := s.SetDiploma(ctx, "", "", "NRC"); err == nil {
		t.Error("empty guild accepted")
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	a, b := open(t, path), open(t, path) // two processes on one file
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			r := tutor.StoredReply{GuildID: "g", Reply: tutor.Reply{Answer: "x"}}
			if err := s.SaveReply(ctx, &r); err != nil {
				t.Error(err)
				return
			}
			if _, err := s.Vote(ctx, r.ID, "u", tutor.VoteUp); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if up, _, _ := a.FeedbackCounts(ctx); up != 40 {
		t.Errorf("up votes = %d, want 40", up)
	}
	must(t, a.Ping(ctx))
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-db")
	must(t, os.WriteFile(bad, []byte("this is not sqlite, just text that is long enough to be a header......"), 0o644))
	if s, err := sqlite.Open(context.Background(), bad); err == nil {
		s.Close()
		t.Error("garbage file opened as a store")
	}
	mem := open(t, ":memory:")
	must(t, mem.Ping(context.Background()))
	must(t, mem.SetDiploma(context.Background(), "g", "", "NRC"))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A data directory whose name holds URI syntax keeps the database inside
// it, and what is created is readable by its owner alone.
func TestDataDirNamesAndPermissions(t *testing.T) {
	for _, name := range []string{"q?x=1", "frag#ment", "cent%20pour%", "avec des espaces", "a&b=c"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, name, "donnees")
			path := filepath.Join(dir, "tutor.db")
			s := open(t, path)
			must(t, s.SetDiploma(context.Background(), "g", "", "CCST"))
			s.Close()
			var found []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					found = append(found, p)
				}
				return nil
			})
			for _, p := range found {
				if filepath.Dir(p) != dir {
					t.Errorf("file written outside the data dir: %s", p)
				}
				if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
					t.Errorf("%s is %v, readable by others", filepath.Base(p), fi.Mode().Perm())
				}
			}
			if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
				t.Errorf("data dir mode: %v %v", fi.Mode().Perm(), err)
			}
			st := open(t, path)
			got, err := st.Settings(context.Background(), "g", "c")
			must(t, err)
			if got.Diploma != "CCST" {
				t.Errorf("reopened: %+v", got)
			}
		})
	}
}

// A database file an older version left readable by everyone is
// tightened when opened.
func TestOpenTightensAnOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tutor.db")
	open(t, path).Close()
	must(t, os.Chmod(path, 0o644))
	open(t, path)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after reopening: %v %v", fi.Mode().Perm(), err)
	}
}

// A store already migrated opens while another connection holds the write
// lock for longer than the busy timeout.
func TestOpenWhileAnotherWriterHoldsTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tutor.db")
	first := open(t, path)
	must(t, first.SetDiploma(context.Background(), "g", "", "NRC"))
	release := first.HoldWriteLock(t)
	defer release()
	second, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open while a writer holds the lock: %v", err)
	}
	defer second.Close()
	got, err := second.Settings(context.Background(), "g", "c")
	must(t, err)
	if got.Diploma != "NRC" {
		t.Errorf("read while locked: %+v", got)
	}
}
