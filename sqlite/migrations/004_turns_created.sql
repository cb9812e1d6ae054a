-- Retention deletes by age, every hour: turns are found by their date.
CREATE INDEX IF NOT EXISTS turns_created ON turns (created_at);
