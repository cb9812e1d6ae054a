// Package sqlite is the tutor's store: server and channel settings, replies
// with buttons and their feedback, in one SQLite file (pure Go driver, WAL,
// busy timeout). Migrations are embedded and each is applied in its own
// transaction, so a failed upgrade leaves the file as it was.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	tutor "github.com/btstutor/tutor"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open SQLite database. Its methods are safe for concurrent use.
type Store struct {
	db *sql.DB
	// Now is the clock used for timestamps (time.Now by default).
	Now func() time.Time
	// erasureKey keys the pseudonyms of erased users (tutor.ErasedKey).
	erasureKey []byte
}

// Open opens (creating it if needed) the database at path and applies the
// pending migrations. ":memory:" opens a private in-memory database. It fails
// when the file cannot be created or read as SQLite, or a migration fails.
func Open(ctx context.Context, path string) (*Store, error) {
	memory := path == ":memory:"
	name := path
	if !memory {
		var err error
		if name, err = prepareFile(path); err != nil {
			return nil, err
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Deleted rows are overwritten, not left in free pages: an erased
	// user's ID is gone from the file.
	q.Add("_pragma", "secure_delete(1)")
	if !memory {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", name+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("ouverture de la base %s : %w", path, err)
	}
	if memory {
		// Every connection to ":memory:" is a new database: keep one.
		db.SetMaxOpenConns(1)
	}
	s := &Store{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("base %s : %w", path, err)
	}
	if err := db.QueryRowContext(ctx, `SELECT value FROM store_keys WHERE name = 'erasure'`).Scan(&s.erasureKey); err != nil {
		db.Close()
		return nil, fmt.Errorf("base %s : clé d'effacement illisible : %w", path, err)
	}
	return s, nil
}

// prepareFile creates the database's directory (0700) and file (0600) when
// they do not exist, so that what students said is readable by its owner
// alone, and returns the file's URI: a path is escaped there, so that "?",
// "#" or "%" in a directory's name cannot move the database elsewhere.
func prepareFile(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("chemin de la base %s : %w", path, err)
	}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("création du dossier de données %s : %w", dir, err)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return "", fmt.Errorf("ouverture de la base %s : %w", path, err)
	}
	f.Close()
	// A file made by an older version (0644) is tightened, with its journal.
	for _, p := range []string{abs, abs + "-wal", abs + "-shm"} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, 0o600)
		}
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// Close closes the database; pending writes are already committed.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies, in order, the embedded migrations not yet recorded. It
// reads first which are recorded, so that a store already up to date opens
// without taking the write lock (another process may hold it).
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	applied, err := s.applied(ctx)
	if err != nil {
		return fmt.Errorf("lecture du schéma : %w", err)
	}
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration mal nommée %s", base)
		}
		if applied[version] {
			continue
		}
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("lecture du schéma : %w", err)
		}
		if err := s.apply(ctx, version, name); err != nil {
			return fmt.Errorf("migration %s : %w", base, err)
		}
	}
	return nil
}

// applied reads the versions recorded, none in a new file.
func (s *Store) applied(ctx context.Context) (map[int]bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func (s *Store) apply(ctx context.Context, version int, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, s.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) now() int64 { return s.Now().UnixMilli() }

// Ping proves the store is readable and writable: it writes a heartbeat row.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO heartbeat (id, at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET at = excluded.at`, s.now())
	return err
}

// Settings returns the settings that apply in a channel: the channel's
// diploma when set, else the server's; the server's teacher role. A server
// never configured has zero Settings.
func (s *Store) Settings(ctx context.Context, guildID, channelID string) (tutor.Settings, error) {
	var out tutor.Settings
	rows, err := s.db.QueryContext(ctx, `SELECT channel_id, diploma, teacher_role, retention FROM settings
		WHERE guild_id = ? AND channel_id IN ('', ?)`, guildID, channelID)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	var guildDiploma, channelDiploma string
	for rows.Next() {
		var ch, dip, role string
		var retention float64
		if err := rows.Scan(&ch, &dip, &role, &retention); err != nil {
			return out, err
		}
		if ch == "" {
			guildDiploma, out.TeacherRole, out.Retention = dip, role, retention
		} else {
			channelDiploma = dip
		}
	}
	out.Diploma = guildDiploma
	if channelDiploma != "" {
		out.Diploma = channelDiploma
	}
	return out, rows.Err()
}

// SetDiploma sets the default diploma of a server (channelID "") or of one
// channel; "" removes it.
func (s *Store) SetDiploma(ctx context.Context, guildID, channelID, diploma string) error {
	if guildID == "" {
		return errors.New("serveur manquant")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO settings (guild_id, channel_id, diploma, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (guild_id, channel_id) DO UPDATE SET diploma = excluded.diploma, updated_at = excluded.updated_at`,
		guildID, channelID, diploma, s.now())
	return err
}

// SetTeacherRole sets the role whose members may configure the bot on a
// server; "" removes it.
func (s *Store) SetTeacherRole(ctx context.Context, guildID, roleID string) error {
	return s.setGuild(ctx, guildID, "teacher_role", roleID)
}

// SetRetention sets a server's target retention for spaced repetition.
func (s *Store) SetRetention(ctx context.Context, guildID string, retention float64) error {
	return s.setGuild(ctx, guildID, "retention", retention)
}

// setGuild sets one column of a server's own settings (column is one of
// this file's constants, never input).
func (s *Store) setGuild(ctx context.Context, guildID, column string, value any) error {
	if guildID == "" {
		return errors.New("serveur manquant")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO settings (guild_id, channel_id, `+column+`, updated_at) VALUES (?, '', ?, ?)
		ON CONFLICT (guild_id, channel_id) DO UPDATE SET `+column+` = excluded.`+column+`, updated_at = excluded.updated_at`,
		guildID, value, s.now())
	return err
}

var _ tutor.Store = (*Store)(nil)
