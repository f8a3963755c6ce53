-- Events publishes for Newsletters (docs/architecture.md): which departments host each event (the organiser, or none
-- for the central office's, and each co-host, once each) with the event's status, so that a coordinator invites only
-- to a published event of theirs.
CREATE VIEW dbo.event_hosts AS
SELECT id AS event_id, organiser_department_id AS department_id, status AS status FROM dbo.events
UNION
SELECT c.event_id AS event_id, c.department_id AS department_id, e.status AS status
FROM dbo.event_cohosts c JOIN dbo.events e ON e.id = c.event_id;
GO
