-- Members: the alumni database. Personal data lives in members, member_emails, member_interests and
-- member_notes; erasure clears it and keeps only the anonymous affiliation rows for statistics.
CREATE TABLE dbo.recruitment_campaigns (
    id             uniqueidentifier  NOT NULL CONSTRAINT pk_recruitment_campaigns PRIMARY KEY,
    department_id  uniqueidentifier  NOT NULL CONSTRAINT fk_recruitment_campaigns_department REFERENCES dbo.departments (id),
    channel        nvarchar(100)     NOT NULL,
    label          nvarchar(200)     NOT NULL,
    token          varchar(64)       NOT NULL,
    visits         int               NOT NULL CONSTRAINT df_recruitment_campaigns_visits DEFAULT (0),
    created_by     uniqueidentifier  NULL CONSTRAINT fk_recruitment_campaigns_user REFERENCES dbo.users (id),
    created_at     datetimeoffset(7) NOT NULL,
    CONSTRAINT ux_recruitment_campaigns_token UNIQUE (token)
);
CREATE INDEX ix_recruitment_campaigns_department ON dbo.recruitment_campaigns (department_id);

CREATE TABLE dbo.members (
    id                   uniqueidentifier  NOT NULL CONSTRAINT pk_members PRIMARY KEY NONCLUSTERED,
    user_id              uniqueidentifier  NULL CONSTRAINT fk_members_user REFERENCES dbo.users (id),
    email                nvarchar(320)     NULL,
    first_name           nvarchar(100)     NULL,
    last_name            nvarchar(100)     NULL,
    preferred_language   varchar(2)        NOT NULL CONSTRAINT df_members_language DEFAULT ('sv'),
    country              char(2)           NULL,
    city                 nvarchar(100)     NULL,
    employer             nvarchar(200)     NULL,
    job_title            nvarchar(200)     NULL,
    industry             nvarchar(100)     NULL,
    linkedin_url         nvarchar(300)     NULL,
    bio                  nvarchar(2000)    NULL,
    offers_mentor        bit               NOT NULL CONSTRAINT df_members_mentor DEFAULT (0),
    offers_guest_lecture bit               NOT NULL CONSTRAINT df_members_guest DEFAULT (0),
    offers_study_visit   bit               NOT NULL CONSTRAINT df_members_visit DEFAULT (0),
    offers_panel         bit               NOT NULL CONSTRAINT df_members_panel DEFAULT (0),
    directory_listed     bit               NOT NULL CONSTRAINT df_members_listed DEFAULT (0),
    directory_fields     varchar(400)      NOT NULL CONSTRAINT df_members_fields DEFAULT (''),
    status               varchar(16)       NOT NULL,
    source               varchar(16)       NOT NULL,
    campaign_id          uniqueidentifier  NULL CONSTRAINT fk_members_campaign REFERENCES dbo.recruitment_campaigns (id),
    credits_confirmed    bit               NOT NULL CONSTRAINT df_members_credits DEFAULT (0),
    search_text          nvarchar(1000)    NOT NULL CONSTRAINT df_members_search DEFAULT (''),
    created_at           datetimeoffset(7) NOT NULL,
    verified_at          datetimeoffset(7) NULL,
    updated_at           datetimeoffset(7) NOT NULL,
    erased_at            datetimeoffset(7) NULL,
    version              int               NOT NULL CONSTRAINT df_members_version DEFAULT (1)
);
CREATE CLUSTERED INDEX cx_members_created ON dbo.members (created_at, id);
CREATE UNIQUE INDEX ux_members_email ON dbo.members (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ux_members_user ON dbo.members (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX ix_members_status_created ON dbo.members (status, created_at);
CREATE INDEX ix_members_campaign ON dbo.members (campaign_id);
CREATE INDEX ix_members_last_name ON dbo.members (last_name, first_name);

CREATE TABLE dbo.member_emails (
    member_id  uniqueidentifier NOT NULL CONSTRAINT fk_member_emails_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    email      nvarchar(320)    NOT NULL,
    CONSTRAINT pk_member_emails PRIMARY KEY (member_id, email)
);
CREATE INDEX ix_member_emails_email ON dbo.member_emails (email);

CREATE TABLE dbo.member_interests (
    member_id  uniqueidentifier NOT NULL CONSTRAINT fk_member_interests_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    tag        nvarchar(50)     NOT NULL,
    CONSTRAINT pk_member_interests PRIMARY KEY (member_id, tag)
);
CREATE INDEX ix_member_interests_tag ON dbo.member_interests (tag);

CREATE TABLE dbo.member_affiliations (
    id             uniqueidentifier  NOT NULL CONSTRAINT pk_member_affiliations PRIMARY KEY NONCLUSTERED,
    member_id      uniqueidentifier  NOT NULL CONSTRAINT fk_member_affiliations_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    department_id  uniqueidentifier  NOT NULL CONSTRAINT fk_member_affiliations_department REFERENCES dbo.departments (id),
    programme      nvarchar(200)     NULL,
    degree_type    varchar(16)       NOT NULL,
    start_year     int               NULL,
    end_year       int               NULL,
    credits        decimal(7, 1)     NOT NULL CONSTRAINT df_member_affiliations_credits DEFAULT (0),
    verified       bit               NOT NULL CONSTRAINT df_member_affiliations_verified DEFAULT (0),
    created_at     datetimeoffset(7) NOT NULL
);
CREATE CLUSTERED INDEX cx_member_affiliations_member ON dbo.member_affiliations (member_id);
CREATE INDEX ix_member_affiliations_department ON dbo.member_affiliations (department_id, end_year) INCLUDE (member_id);

-- The current state of each consent; member_consent_history keeps every change.
CREATE TABLE dbo.member_consents (
    member_id   uniqueidentifier  NOT NULL CONSTRAINT fk_member_consents_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    channel     varchar(32)       NOT NULL,
    granted     bit               NOT NULL,
    changed_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_member_consents PRIMARY KEY (member_id, channel)
);
CREATE INDEX ix_member_consents_channel ON dbo.member_consents (channel, granted) INCLUDE (member_id);

CREATE TABLE dbo.member_consent_history (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_member_consent_history PRIMARY KEY NONCLUSTERED,
    member_id   uniqueidentifier  NOT NULL CONSTRAINT fk_member_consent_history_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    channel     varchar(32)       NOT NULL,
    granted     bit               NOT NULL,
    method      varchar(32)       NOT NULL,
    changed_at  datetimeoffset(7) NOT NULL
);
CREATE CLUSTERED INDEX cx_member_consent_history_member ON dbo.member_consent_history (member_id, changed_at);

CREATE TABLE dbo.member_notes (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_member_notes PRIMARY KEY NONCLUSTERED,
    member_id   uniqueidentifier  NOT NULL CONSTRAINT fk_member_notes_member REFERENCES dbo.members (id) ON DELETE CASCADE,
    author_id   uniqueidentifier  NULL CONSTRAINT fk_member_notes_author REFERENCES dbo.users (id),
    author_name nvarchar(320)     NULL,
    text        nvarchar(4000)    NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE CLUSTERED INDEX cx_member_notes_member ON dbo.member_notes (member_id, created_at);
