-- A server's target retention for spaced repetition (0: the default, 0.9).
ALTER TABLE settings ADD COLUMN retention REAL NOT NULL DEFAULT 0;
