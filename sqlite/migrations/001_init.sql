-- Server and channel settings. channel_id '' holds the server's own row.
CREATE TABLE settings (
	guild_id     TEXT NOT NULL,
	channel_id   TEXT NOT NULL DEFAULT '',
	diploma      TEXT NOT NULL DEFAULT '',
	teacher_role TEXT NOT NULL DEFAULT '',
	updated_at   INTEGER NOT NULL,
	PRIMARY KEY (guild_id, channel_id)
);

-- Replies shown with buttons, kept so that the buttons work after a restart.
CREATE TABLE replies (
	id         INTEGER PRIMARY KEY,
	created_at INTEGER NOT NULL,
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	command    TEXT NOT NULL,
	reply      TEXT NOT NULL
);
CREATE INDEX replies_created_at ON replies (created_at);
CREATE INDEX replies_user ON replies (user_id);

-- One vote per user and reply; a new click replaces the old vote.
CREATE TABLE feedback (
	reply_id   INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
	user_id    TEXT NOT NULL,
	vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
	created_at INTEGER NOT NULL,
	PRIMARY KEY (reply_id, user_id)
);

-- Written by health checks to prove the store is writable.
CREATE TABLE heartbeat (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	at INTEGER NOT NULL
);
