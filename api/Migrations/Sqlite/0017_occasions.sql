-- Events: occasions abroad, a visit or delegation (city, country, dates, purpose) that events belong to, planned with
-- how many members live there. Dates are ISO text (yyyy-MM-dd), so text order is date order.
CREATE TABLE occasions (
    id          TEXT    NOT NULL PRIMARY KEY,
    title       TEXT    NOT NULL,
    purpose     TEXT    NULL,
    city        TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    starts_on   TEXT    NOT NULL,
    ends_on     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_occasions_starts ON occasions (starts_on, id);
CREATE INDEX ix_occasions_country ON occasions (country, starts_on);

-- Members publishes where its active members live and whether each agreed to be invited to events
-- (docs/architecture.md, "Reading another slice's data"): Events counts them to plan an occasion. Pending,
-- unsubscribed and erased members are not in it.
CREATE VIEW member_event_reach AS
SELECT m.id      AS member_id,
       m.country AS country,
       m.city    AS city,
       CASE WHEN EXISTS (SELECT 1 FROM member_consents c
                         WHERE c.member_id = m.id AND c.channel = 'EventInvitations' AND c.granted = 1)
            THEN 1 ELSE 0 END AS consented
FROM members m
WHERE m.status = 'Active';
