-- Events: occasions abroad, a visit or delegation (city, country, dates, purpose) that events belong to, planned with
-- how many members live there.
CREATE TABLE dbo.occasions (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_occasions PRIMARY KEY,
    title       nvarchar(200)     NOT NULL,
    purpose     nvarchar(2000)    NULL,
    city        nvarchar(100)     NOT NULL,
    country     char(2)           NOT NULL,
    starts_on   date              NOT NULL,
    ends_on     date              NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    version     int               NOT NULL CONSTRAINT df_occasions_version DEFAULT (1)
);
CREATE INDEX ix_occasions_starts ON dbo.occasions (starts_on, id);
CREATE INDEX ix_occasions_country ON dbo.occasions (country, starts_on);
GO
-- Members publishes where its active members live and whether each agreed to be invited to events
-- (docs/architecture.md, "Reading another slice's data"): Events counts them to plan an occasion. Pending,
-- unsubscribed and erased members are not in it.
CREATE VIEW dbo.member_event_reach AS
SELECT m.id      AS member_id,
       m.country AS country,
       m.city    AS city,
       CAST(CASE WHEN EXISTS (SELECT 1 FROM dbo.member_consents c
                              WHERE c.member_id = m.id AND c.channel = 'EventInvitations' AND c.granted = 1)
                 THEN 1 ELSE 0 END AS bit) AS consented
FROM dbo.members m
WHERE m.status = 'Active';
GO
