-- Events: bilingual events of the central office and the departments, their questions, registrations with a waiting
-- list, check-in, feedback, private calendar feeds and the slice's mail outbox. Occasions (the visits abroad events
-- belong to) come in 0017; events.occasion_id names one without a foreign key here.
-- Department ids are references to Departments' rows through department_directory, without foreign keys.
CREATE TABLE dbo.events (
    id                       uniqueidentifier  NOT NULL CONSTRAINT pk_events PRIMARY KEY,
    occasion_id              uniqueidentifier  NULL,
    organiser_department_id  uniqueidentifier  NULL,
    kind                     varchar(32)       NOT NULL,
    status                   varchar(16)       NOT NULL CONSTRAINT df_events_status DEFAULT ('draft'),
    title_sv                 nvarchar(200)     NULL,
    title_en                 nvarchar(200)     NULL,
    summary_sv               nvarchar(500)     NULL,
    summary_en               nvarchar(500)     NULL,
    description_sv           nvarchar(max)     NULL,
    description_en           nvarchar(max)     NULL,
    starts_at                datetimeoffset(7) NOT NULL,
    ends_at                  datetimeoffset(7) NOT NULL,
    time_zone                varchar(64)       NOT NULL,
    venue                    nvarchar(200)     NULL,
    address                  nvarchar(300)     NULL,
    city                     nvarchar(100)     NULL,
    country                  char(2)           NULL,
    online_url               nvarchar(500)     NULL,
    audience                 varchar(16)       NOT NULL CONSTRAINT df_events_audience DEFAULT ('all'),
    capacity                 int               NULL,
    seats_taken              int               NOT NULL CONSTRAINT df_events_seats_taken DEFAULT (0),
    next_queue_number        bigint            NOT NULL CONSTRAINT df_events_next_queue DEFAULT (1),
    guests_allowed           int               NOT NULL CONSTRAINT df_events_guests DEFAULT (0),
    registration_opens_at    datetimeoffset(7) NULL,
    registration_closes_at   datetimeoffset(7) NULL,
    follow_up_sv             nvarchar(max)     NULL,
    follow_up_en             nvarchar(max)     NULL,
    sequence                 int               NOT NULL CONSTRAINT df_events_sequence DEFAULT (0),
    version                  int               NOT NULL CONSTRAINT df_events_version DEFAULT (1),
    created_at               datetimeoffset(7) NOT NULL,
    updated_at               datetimeoffset(7) NOT NULL,
    published_at             datetimeoffset(7) NULL,
    cancelled_at             datetimeoffset(7) NULL,
    reminder_sent_at         datetimeoffset(7) NULL,
    feedback_sent_at         datetimeoffset(7) NULL,
    anonymised_at            datetimeoffset(7) NULL
);
CREATE INDEX ix_events_status_starts ON dbo.events (status, starts_at);
CREATE INDEX ix_events_organiser ON dbo.events (organiser_department_id);
CREATE INDEX ix_events_occasion ON dbo.events (occasion_id);

CREATE TABLE dbo.event_cohosts (
    event_id       uniqueidentifier NOT NULL CONSTRAINT fk_event_cohosts_event REFERENCES dbo.events (id) ON DELETE CASCADE,
    department_id  uniqueidentifier NOT NULL,
    CONSTRAINT pk_event_cohosts PRIMARY KEY (event_id, department_id)
);
CREATE INDEX ix_event_cohosts_department ON dbo.event_cohosts (department_id);

CREATE TABLE dbo.event_audience_departments (
    event_id       uniqueidentifier NOT NULL CONSTRAINT fk_event_audience_departments_event REFERENCES dbo.events (id) ON DELETE CASCADE,
    department_id  uniqueidentifier NOT NULL,
    CONSTRAINT pk_event_audience_departments PRIMARY KEY (event_id, department_id)
);
CREATE INDEX ix_event_audience_departments_department ON dbo.event_audience_departments (department_id);

CREATE TABLE dbo.event_questions (
    id        uniqueidentifier NOT NULL CONSTRAINT pk_event_questions PRIMARY KEY,
    event_id  uniqueidentifier NOT NULL CONSTRAINT fk_event_questions_event REFERENCES dbo.events (id) ON DELETE CASCADE,
    position  int              NOT NULL,
    kind      varchar(16)      NOT NULL,
    label_sv  nvarchar(300)    NULL,
    label_en  nvarchar(300)    NULL,
    choices   nvarchar(max)    NULL,
    required  bit              NOT NULL CONSTRAINT df_event_questions_required DEFAULT (0)
);
CREATE INDEX ix_event_questions_event ON dbo.event_questions (event_id, position);

CREATE TABLE dbo.event_registrations (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_event_registrations PRIMARY KEY,
    event_id         uniqueidentifier  NOT NULL CONSTRAINT fk_event_registrations_event REFERENCES dbo.events (id),
    member_id        uniqueidentifier  NOT NULL,
    status           varchar(16)       NOT NULL,
    seats            int               NOT NULL CONSTRAINT df_event_registrations_seats DEFAULT (1),
    queue_number     bigint            NULL,
    check_in_code    varchar(16)       NOT NULL,
    checked_in_at    datetimeoffset(7) NULL,
    checked_in_by    uniqueidentifier  NULL,
    registered_at    datetimeoffset(7) NOT NULL,
    confirmed_at     datetimeoffset(7) NULL,
    cancelled_at     datetimeoffset(7) NULL,
    idempotency_key  nvarchar(200)     NULL,
    request_hash     varchar(64)       NULL,
    language         varchar(2)        NOT NULL CONSTRAINT df_event_registrations_language DEFAULT ('sv'),
    anonymised_at    datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_event_registrations_active ON dbo.event_registrations (event_id, member_id) WHERE status IN ('confirmed', 'waiting');
CREATE UNIQUE INDEX ux_event_registrations_code ON dbo.event_registrations (event_id, check_in_code);
CREATE UNIQUE INDEX ux_event_registrations_idempotency ON dbo.event_registrations (member_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_event_registrations_queue ON dbo.event_registrations (event_id, status, queue_number);
CREATE INDEX ix_event_registrations_member ON dbo.event_registrations (member_id);

CREATE TABLE dbo.event_registration_guests (
    registration_id  uniqueidentifier NOT NULL CONSTRAINT fk_event_registration_guests_registration REFERENCES dbo.event_registrations (id) ON DELETE CASCADE,
    position         int              NOT NULL,
    name             nvarchar(200)    NULL,
    CONSTRAINT pk_event_registration_guests PRIMARY KEY (registration_id, position)
);

CREATE TABLE dbo.event_answers (
    registration_id  uniqueidentifier NOT NULL CONSTRAINT fk_event_answers_registration REFERENCES dbo.event_registrations (id) ON DELETE CASCADE,
    question_id      uniqueidentifier NOT NULL CONSTRAINT fk_event_answers_question REFERENCES dbo.event_questions (id),
    answer           nvarchar(2000)   NULL,
    CONSTRAINT pk_event_answers PRIMARY KEY (registration_id, question_id)
);

CREATE TABLE dbo.event_feedback (
    registration_id  uniqueidentifier  NOT NULL CONSTRAINT pk_event_feedback PRIMARY KEY
                     CONSTRAINT fk_event_feedback_registration REFERENCES dbo.event_registrations (id) ON DELETE CASCADE,
    rating           int               NOT NULL,
    comment          nvarchar(2000)    NULL,
    submitted_at     datetimeoffset(7) NOT NULL
);

CREATE TABLE dbo.event_calendar_feeds (
    member_id   uniqueidentifier  NOT NULL CONSTRAINT pk_event_calendar_feeds PRIMARY KEY,
    token_hash  varchar(64)       NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_event_calendar_feeds_token ON dbo.event_calendar_feeds (token_hash);

-- The slice's outbox: written in the transaction of the change it reports, sent after commit; sent_at only after
-- the SMTP send succeeded.
CREATE TABLE dbo.event_mail (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_event_mail PRIMARY KEY,
    registration_id  uniqueidentifier  NULL CONSTRAINT fk_event_mail_registration REFERENCES dbo.event_registrations (id),
    event_id         uniqueidentifier  NOT NULL CONSTRAINT fk_event_mail_event REFERENCES dbo.events (id),
    member_id        uniqueidentifier  NOT NULL,
    kind             varchar(16)       NOT NULL,
    created_at       datetimeoffset(7) NOT NULL,
    sent_at          datetimeoffset(7) NULL,
    attempts         int               NOT NULL CONSTRAINT df_event_mail_attempts DEFAULT (0),
    last_error       nvarchar(1000)    NULL
);
CREATE INDEX ix_event_mail_unsent ON dbo.event_mail (sent_at, created_at);
CREATE INDEX ix_event_mail_event ON dbo.event_mail (event_id);
GO
-- Members publishes for Events (docs/architecture.md): whom to write to, and which departments a member belongs to.
CREATE VIEW dbo.member_contacts AS
SELECT id                 AS member_id,
       user_id            AS user_id,
       email              AS email,
       first_name         AS first_name,
       last_name          AS last_name,
       preferred_language AS preferred_language,
       status             AS status,
       CAST(CASE WHEN status = 'Erased' THEN 1 ELSE 0 END AS bit) AS is_erased
FROM dbo.members;
GO
CREATE VIEW dbo.member_departments AS
SELECT DISTINCT member_id AS member_id, department_id AS department_id
FROM dbo.member_affiliations;
GO
