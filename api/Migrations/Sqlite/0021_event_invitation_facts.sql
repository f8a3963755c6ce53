-- Events publishes for Newsletters (docs/architecture.md): what an invitation to an event shows and links to, and
-- the organiser for the department scope of whoever invites (the title per language, when and where, the status).
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
