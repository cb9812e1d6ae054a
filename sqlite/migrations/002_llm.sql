-- Tokens spent on the language model, per day, server and user.
CREATE TABLE llm_usage (
	day      TEXT NOT NULL, -- YYYY-MM-DD, UTC
	guild_id TEXT NOT NULL,
	user_id  TEXT NOT NULL,
	tokens   INTEGER NOT NULL,
	requests INTEGER NOT NULL,
	PRIMARY KEY (day, guild_id, user_id)
);

-- Turns of the conversations held in threads, for follow-up questions.
CREATE TABLE turns (
	id         INTEGER PRIMARY KEY,
	channel_id TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	role       TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
	content    TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX turns_channel ON turns (channel_id, id);
CREATE INDEX turns_user ON turns (user_id);
