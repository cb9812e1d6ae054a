-- Students flag a quiz question they find wrong; flagged by two, it is
-- withheld and listed for teachers.
CREATE TABLE item_flags (
	item_id    TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (item_id, user_id)
);
CREATE INDEX item_flags_user ON item_flags (user_id);
