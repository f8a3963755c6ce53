-- Events publishes for Newsletters (docs/architecture.md): what an invitation campaign needs of an event, and which
-- departments host it (the organiser and the co-hosts), so that a coordinator invites only to an event of theirs.
CREATE VIEW event_invitation_facts AS
SELECT id                      AS id,
       organiser_department_id AS organiser_department_id,
       status                  AS status,
       title_sv                AS title_sv,
       title_en                AS title_en,
       starts_at               AS starts_at,
       ends_at                 AS ends_at,
       time_zone               AS time_zone,
       venue                   AS venue,
       city                    AS city,
       country                 AS country
FROM events;

CREATE VIEW event_hosts AS
SELECT id AS event_id, organiser_department_id AS department_id FROM events WHERE organiser_department_id IS NOT NULL
UNION
SELECT event_id AS event_id, department_id AS department_id FROM event_cohosts;
