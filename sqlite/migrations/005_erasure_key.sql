-- The key of the pseudonym under which an erased user's tokens of the day
-- stay counted (their quota survives erasure; their ID does not).
CREATE TABLE IF NOT EXISTS store_keys (name TEXT PRIMARY KEY, value BLOB NOT NULL);
INSERT OR IGNORE INTO store_keys (name, value) VALUES ('erasure', randomblob(32));
