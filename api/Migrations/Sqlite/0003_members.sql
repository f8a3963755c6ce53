-- Members: the alumni database. Personal data lives in members, member_emails, member_interests and
-- member_notes; erasure clears it and keeps only the anonymous affiliation rows for statistics.
CREATE TABLE recruitment_campaigns (
    id             TEXT    NOT NULL PRIMARY KEY,
    department_id  TEXT    NOT NULL REFERENCES departments (id),
    channel        TEXT    NOT NULL,
    label          TEXT    NOT NULL,
    token          TEXT    NOT NULL,
    visits         INTEGER NOT NULL DEFAULT 0,
    created_by     TEXT    NULL REFERENCES users (id),
    created_at     TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_recruitment_campaigns_token ON recruitment_campaigns (token);
CREATE INDEX ix_recruitment_campaigns_department ON recruitment_campaigns (department_id);

CREATE TABLE members (
    id                   TEXT    NOT NULL PRIMARY KEY,
    user_id              TEXT    NULL REFERENCES users (id),
    email                TEXT    NULL,
    first_name           TEXT    NULL,
    last_name            TEXT    NULL,
    preferred_language   TEXT    NOT NULL DEFAULT 'sv',
    country              TEXT    NULL,
    city                 TEXT    NULL,
    employer             TEXT    NULL,
    job_title            TEXT    NULL,
    industry             TEXT    NULL,
    linkedin_url         TEXT    NULL,
    bio                  TEXT    NULL,
    offers_mentor        INTEGER NOT NULL DEFAULT 0,
    offers_guest_lecture INTEGER NOT NULL DEFAULT 0,
    offers_study_visit   INTEGER NOT NULL DEFAULT 0,
    offers_panel         INTEGER NOT NULL DEFAULT 0,
    directory_listed     INTEGER NOT NULL DEFAULT 0,
    directory_fields     TEXT    NOT NULL DEFAULT '',
    status               TEXT    NOT NULL,
    source               TEXT    NOT NULL,
    campaign_id          TEXT    NULL REFERENCES recruitment_campaigns (id),
    credits_confirmed    INTEGER NOT NULL DEFAULT 0,
    search_text          TEXT    NOT NULL DEFAULT '',
    created_at           TEXT    NOT NULL,
    verified_at          TEXT    NULL,
    updated_at           TEXT    NOT NULL,
    erased_at            TEXT    NULL,
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_members_email ON members (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ux_members_user ON members (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX ix_members_status_created ON members (status, created_at);
CREATE INDEX ix_members_campaign ON members (campaign_id);
CREATE INDEX ix_members_last_name ON members (last_name, first_name);

CREATE TABLE member_emails (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    PRIMARY KEY (member_id, email)
);
CREATE INDEX ix_member_emails_email ON member_emails (email);

CREATE TABLE member_interests (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (member_id, tag)
);
CREATE INDEX ix_member_interests_tag ON member_interests (tag);

CREATE TABLE member_affiliations (
    id             TEXT    NOT NULL PRIMARY KEY,
    member_id      TEXT    NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    department_id  TEXT    NOT NULL REFERENCES departments (id),
    programme      TEXT    NULL,
    degree_type    TEXT    NOT NULL,
    start_year     INTEGER NULL,
    end_year       INTEGER NULL,
    credits        REAL    NOT NULL DEFAULT 0,
    verified       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL
);
CREATE INDEX ix_member_affiliations_member ON member_affiliations (member_id);
CREATE INDEX ix_member_affiliations_department ON member_affiliations (department_id, end_year);

-- The current state of each consent; member_consent_history keeps every change.
CREATE TABLE member_consents (
    member_id   TEXT    NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    channel     TEXT    NOT NULL,
    granted     INTEGER NOT NULL,
    changed_at  TEXT    NOT NULL,
    PRIMARY KEY (member_id, channel)
);
CREATE INDEX ix_member_consents_channel ON member_consents (channel, granted);

CREATE TABLE member_consent_history (
    id          TEXT    NOT NULL PRIMARY KEY,
    member_id   TEXT    NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    channel     TEXT    NOT NULL,
    granted     INTEGER NOT NULL,
    method      TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL
);
CREATE INDEX ix_member_consent_history_member ON member_consent_history (member_id, changed_at);

CREATE TABLE member_notes (
    id          TEXT NOT NULL PRIMARY KEY,
    member_id   TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    author_id   TEXT NULL REFERENCES users (id),
    author_name TEXT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_member_notes_member ON member_notes (member_id, created_at);
