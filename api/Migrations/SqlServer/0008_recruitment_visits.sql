-- Who has visited an invitation link today, so that a visit counts once per client per link per day. A client is
-- kept only as a keyed hash of its address and the day (the key in app_secrets), never the address itself, and only
-- today's rows are kept: earlier days are deleted as visits come in.
CREATE TABLE dbo.recruitment_visits (
    campaign_id  uniqueidentifier NOT NULL CONSTRAINT fk_recruitment_visits_campaign REFERENCES dbo.recruitment_campaigns (id),
    day_number   int              NOT NULL,
    client_hash  varchar(64)      NOT NULL,
    CONSTRAINT pk_recruitment_visits PRIMARY KEY (campaign_id, day_number, client_hash)
);
CREATE INDEX ix_recruitment_visits_day ON dbo.recruitment_visits (day_number);
