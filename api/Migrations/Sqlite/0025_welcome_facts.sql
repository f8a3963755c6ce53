-- Members publishes for Newsletters' welcome series (docs/architecture.md): when each member was verified (proved
-- their address), and whether they have done what the series' later steps ask for, as flags, so that the series reads
-- no member table. The profile is complete (skip rule profile-complete) when all four of has_country, has_affiliation,
-- has_work and has_interest are 1; the member offers help (skip rule offers-help) when offers_any is 1.
CREATE VIEW member_welcome_facts AS
SELECT m.id          AS member_id,
       m.verified_at AS verified_at,
       CASE WHEN m.country IS NOT NULL AND m.country <> '' THEN 1 ELSE 0 END AS has_country,
       CASE WHEN EXISTS (SELECT 1 FROM member_affiliations a WHERE a.member_id = m.id) THEN 1 ELSE 0 END AS has_affiliation,
       CASE WHEN (m.employer IS NOT NULL AND m.employer <> '') OR (m.job_title IS NOT NULL AND m.job_title <> '') THEN 1 ELSE 0 END AS has_work,
       CASE WHEN EXISTS (SELECT 1 FROM member_interests i WHERE i.member_id = m.id) THEN 1 ELSE 0 END AS has_interest,
       CASE WHEN m.offers_mentor = 1 OR m.offers_guest_lecture = 1 OR m.offers_study_visit = 1 OR m.offers_panel = 1 THEN 1 ELSE 0 END AS offers_any
FROM members m;

-- The series looks for the recently verified at every run.
CREATE INDEX ix_members_verified_at ON members (verified_at);
