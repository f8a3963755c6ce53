-- What Events and Newsletters publish for the coordinator network.

-- Events: the network's meetings, events for the coordinators (audience coordinators), drafts left out.
CREATE VIEW network_meetings AS
SELECT id                      AS event_id,
       organiser_department_id AS organiser_department_id,
       status                  AS status,
       title_sv                AS title_sv,
       title_en                AS title_en,
       starts_at               AS starts_at,
       ends_at                 AS ends_at,
       time_zone               AS time_zone,
       venue                   AS venue,
       city                    AS city,
       country                 AS country,
       CASE WHEN online_url IS NULL THEN 0 ELSE 1 END AS online
FROM events
WHERE audience = 'coordinators' AND status <> 'draft';

-- Newsletters: each campaign's sender (a department, none for the central office), kind, status and when it was
-- started and finished, for the network's coverage and for linking a department's campaign to an initiative.
CREATE VIEW newsletter_campaign_facts AS
SELECT id            AS id,
       department_id AS department_id,
       kind          AS kind,
       name          AS name,
       status        AS status,
       created_at    AS created_at,
       started_at    AS started_at,
       finished_at   AS finished_at
FROM newsletter_campaigns;
