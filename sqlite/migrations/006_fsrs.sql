-- Spaced repetition moves from SM-2 to FSRS-6 (package srs). A card keeps
-- its history as a stability (the interval SM-2 last gave it, at least a
-- day) and a difficulty (10 at the lowest ease, 1.3, down to 5 at the
-- starting one, 2.5): quiz.FromSM2, which a test checks against this.
ALTER TABLE sr_cards ADD COLUMN stability REAL NOT NULL DEFAULT 0;
ALTER TABLE sr_cards ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;
UPDATE sr_cards SET stability = MAX(interval_days, 1), difficulty = MIN(MAX(10 - (ease - 1.3) / 1.2 * 5, 1), 10);
ALTER TABLE sr_cards DROP COLUMN ease;
ALTER TABLE sr_cards DROP COLUMN interval_days;

-- Every review, to check the schedule against what students did.
CREATE TABLE sr_reviews (
	id           INTEGER PRIMARY KEY,
	user_id      TEXT NOT NULL,
	item_id      TEXT NOT NULL,
	grade        INTEGER NOT NULL,
	reviewed_at  INTEGER NOT NULL,
	elapsed_days INTEGER NOT NULL,
	answer_ms    INTEGER NOT NULL,
	stability    REAL NOT NULL,
	difficulty   REAL NOT NULL,
	due          INTEGER NOT NULL
);
CREATE INDEX sr_reviews_user ON sr_reviews (user_id);
