-- Events publishes for Newsletters' segments (docs/architecture.md): who registered for which event and whether they
-- were checked in, one row per registration. status: confirmed, waiting, cancelled, left (as event_registrations).
CREATE VIEW dbo.event_attendance AS
SELECT event_id AS event_id,
       member_id AS member_id,
       status AS status,
       CASE WHEN checked_in_at IS NULL THEN 0 ELSE 1 END AS checked_in
FROM dbo.event_registrations;
