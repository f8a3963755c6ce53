-- Who has visited an invitation link today, so that a visit counts once per client per link per day. A client is
-- kept only as a keyed hash of its address and the day (the key in app_secrets), never the address itself, and only
-- today's rows are kept: earlier days are deleted as visits come in.
CREATE TABLE recruitment_visits (
    campaign_id  TEXT    NOT NULL REFERENCES recruitment_campaigns (id),
    day_number   INTEGER NOT NULL,
    client_hash  TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, day_number, client_hash)
);
CREATE INDEX ix_recruitment_visits_day ON recruitment_visits (day_number);
