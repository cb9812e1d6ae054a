-- Recurring quizzes set by teachers.
CREATE TABLE quiz_schedules (
	id           INTEGER PRIMARY KEY,
	guild_id     TEXT NOT NULL,
	channel_id   TEXT NOT NULL,
	expr         TEXT NOT NULL, -- cron expression, 5 fields
	zone         TEXT NOT NULL,
	diploma      TEXT NOT NULL DEFAULT '',
	theme        TEXT NOT NULL DEFAULT '',
	questions    INTEGER NOT NULL,
	open_minutes INTEGER NOT NULL,
	created_by   TEXT NOT NULL,
	created_at   INTEGER NOT NULL
);
CREATE INDEX quiz_schedules_guild ON quiz_schedules (guild_id);

-- One row per firing. The unique key (schedule, scheduled time) lets one
-- process claim a firing, once: restarts and second processes never post it
-- again.
CREATE TABLE quiz_runs (
	id           INTEGER PRIMARY KEY,
	schedule_id  INTEGER NOT NULL REFERENCES quiz_schedules (id) ON DELETE CASCADE,
	scheduled_at INTEGER NOT NULL,
	closes_at    INTEGER NOT NULL,
	guild_id     TEXT NOT NULL,
	channel_id   TEXT NOT NULL,
	thread_id    TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL,
	claimed_at   INTEGER NOT NULL,
	UNIQUE (schedule_id, scheduled_at)
);
CREATE INDEX quiz_runs_closing ON quiz_runs (status, closes_at);

-- Questions shown with answer buttons.
CREATE TABLE quiz_posts (
	id         INTEGER PRIMARY KEY,
	run_id     INTEGER REFERENCES quiz_runs (id) ON DELETE CASCADE,
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	user_id    TEXT NOT NULL DEFAULT '', -- who asked; '' for scheduled posts
	item_id    TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	closes_at  INTEGER NOT NULL DEFAULT 0 -- 0: open
);
CREATE INDEX quiz_posts_run ON quiz_posts (run_id);
CREATE INDEX quiz_posts_user ON quiz_posts (user_id);

-- One answer per student and question: the first click counts.
CREATE TABLE quiz_answers (
	post_id     INTEGER NOT NULL REFERENCES quiz_posts (id) ON DELETE CASCADE,
	user_id     TEXT NOT NULL,
	guild_id    TEXT NOT NULL,
	choice      INTEGER NOT NULL,
	correct     INTEGER NOT NULL,
	answered_at INTEGER NOT NULL,
	PRIMARY KEY (post_id, user_id)
);
CREATE INDEX quiz_answers_user ON quiz_answers (user_id);
CREATE INDEX quiz_answers_guild ON quiz_answers (guild_id, answered_at);

-- Spaced repetition (SM-2), per student and item.
CREATE TABLE sr_cards (
	user_id       TEXT NOT NULL,
	item_id       TEXT NOT NULL,
	ease          REAL NOT NULL,
	interval_days INTEGER NOT NULL,
	reps          INTEGER NOT NULL,
	lapses        INTEGER NOT NULL,
	due           INTEGER NOT NULL,
	reviewed      INTEGER NOT NULL,
	PRIMARY KEY (user_id, item_id)
);
CREATE INDEX sr_cards_due ON sr_cards (user_id, due);

-- Opt-in daily reminders by direct message.
CREATE TABLE reminders (
	user_id       TEXT PRIMARY KEY,
	minute_of_day INTEGER NOT NULL,
	zone          TEXT NOT NULL,
	last_sent     TEXT NOT NULL DEFAULT '', -- local date of the last check
	created_at    INTEGER NOT NULL
);
