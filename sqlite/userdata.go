package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	tutor "github.com/btstutor/tutor"
)

// userColumns are where a user's ID is stored: every row found there is the
// user's data (schedules are the server's: their author is only forgotten).
// Children come before their parents, so that the counts of an erasure are
// the user's own rows (deleting a parent cascades to its children).
var userColumns = []struct{ table, column string }{
	{"feedback", "user_id"},
	{"replies", "user_id"},
	{"llm_usage", "user_id"},
	{"turns", "user_id"},
	{"quiz_answers", "user_id"},
	{"quiz_posts", "user_id"},
	{"sr_cards", "user_id"},
	{"sr_reviews", "user_id"},
	{"item_flags", "user_id"},
	{"reminders", "user_id"},
	{"quiz_schedules", "created_by"},
}

// UserData returns every row holding the user's ID, by table.
func (s *Store) UserData(ctx context.Context, userID string) (map[string][]map[string]any, error) {
	out := map[string][]map[string]any{}
	for _, uc := range userColumns {
		rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT * FROM %s WHERE %s = ?`, uc.table, uc.column), userID)
		if err != nil {
			return nil, err
		}
		list, err := scanMaps(rows)
		if err != nil {
			return nil, err
		}
		if len(list) > 0 {
			out[uc.table] = list
		}
	}
	return out, nil
}

// EraseUser deletes every row of the user, in one transaction, and returns
// how many rows each table lost.
func (s *Store) EraseUser(ctx context.Context, userID string) (map[string]int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	counts := map[string]int64{}
	for _, uc := range userColumns {
		q := fmt.Sprintf(`DELETE FROM %s WHERE %s = ?`, uc.table, uc.column)
		switch uc.table {
		case "quiz_schedules":
			q = fmt.Sprintf(`UPDATE %s SET %s = '' WHERE %s = ?`, uc.table, uc.column, uc.column)
		case "llm_usage":
			// The day's tokens stay counted under a pseudonym: erasure
			// does not reset the quota. Earlier days go.
			res, err := tx.ExecContext(ctx, `UPDATE llm_usage SET user_id = ? WHERE user_id = ? AND day = ?`, tutor.ErasedKey(s.erasureKey, userID), userID, day(s.Now()))
			if err != nil {
				return nil, fmt.Errorf("%s : %w", uc.table, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				counts[uc.table] = n
			}
		}
		res, err := tx.ExecContext(ctx, q, userID)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", uc.table, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			counts[uc.table] += n
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	// The old pages in the write-ahead log go too.
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return counts, fmt.Errorf("effacement enregistré, mais journal non vidé : %w", err)
	}
	return counts, nil
}

// scanMaps reads every row as a map from column to value (text as
// strings) and closes rows.
func scanMaps(rows *sql.Rows) ([]map[string]any, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := map[string]any{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
