-- Recruitment campaigns can be edited (their version guards it with If-Match) and closed: a closed campaign's link
-- says so to its visitors and counts no more visits or sign-ups; reopening it clears closed_at.
ALTER TABLE recruitment_campaigns ADD COLUMN closed_at TEXT NULL;
ALTER TABLE recruitment_campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
