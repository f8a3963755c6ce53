-- Events: bilingual events of the central office and the departments, their questions, registrations with a waiting
-- list, check-in, feedback, private calendar feeds and the slice's mail outbox. Occasions (the visits abroad events
-- belong to) come in 0017; events.occasion_id names one without a foreign key here.
-- Department ids are references to Departments' rows through department_directory, without foreign keys.
CREATE TABLE events (
    id                       TEXT    NOT NULL PRIMARY KEY,
    occasion_id              TEXT    NULL,
    organiser_department_id  TEXT    NULL,
    kind                     TEXT    NOT NULL,
    status                   TEXT    NOT NULL DEFAULT 'draft',
    title_sv                 TEXT    NULL,
    title_en                 TEXT    NULL,
    summary_sv               TEXT    NULL,
    summary_en               TEXT    NULL,
    description_sv           TEXT    NULL,
    description_en           TEXT    NULL,
    starts_at                TEXT    NOT NULL,
    ends_at                  TEXT    NOT NULL,
    time_zone                TEXT    NOT NULL,
    venue                    TEXT    NULL,
    address                  TEXT    NULL,
    city                     TEXT    NULL,
    country                  TEXT    NULL,
    online_url               TEXT    NULL,
    audience                 TEXT    NOT NULL DEFAULT 'all',
    capacity                 INTEGER NULL,
    seats_taken              INTEGER NOT NULL DEFAULT 0,
    next_queue_number        INTEGER NOT NULL DEFAULT 1,
    guests_allowed           INTEGER NOT NULL DEFAULT 0,
    registration_opens_at    TEXT    NULL,
    registration_closes_at   TEXT    NULL,
    follow_up_sv             TEXT    NULL,
    follow_up_en             TEXT    NULL,
    sequence                 INTEGER NOT NULL DEFAULT 0,
    version                  INTEGER NOT NULL DEFAULT 1,
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL,
    published_at             TEXT    NULL,
    cancelled_at             TEXT    NULL,
    reminder_sent_at         TEXT    NULL,
    feedback_sent_at         TEXT    NULL,
    anonymised_at            TEXT    NULL
);
CREATE INDEX ix_events_status_starts ON events (status, starts_at);
CREATE INDEX ix_events_organiser ON events (organiser_department_id);
CREATE INDEX ix_events_occasion ON events (occasion_id);

CREATE TABLE event_cohosts (
    event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    department_id  TEXT NOT NULL,
    PRIMARY KEY (event_id, department_id)
);
CREATE INDEX ix_event_cohosts_department ON event_cohosts (department_id);

CREATE TABLE event_audience_departments (
    event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    department_id  TEXT NOT NULL,
    PRIMARY KEY (event_id, department_id)
);
CREATE INDEX ix_event_audience_departments_department ON event_audience_departments (department_id);

CREATE TABLE event_questions (
    id        TEXT    NOT NULL PRIMARY KEY,
    event_id  TEXT    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    label_sv  TEXT    NULL,
    label_en  TEXT    NULL,
    choices   TEXT    NULL,
    required  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_event_questions_event ON event_questions (event_id, position);

CREATE TABLE event_registrations (
    id               TEXT    NOT NULL PRIMARY KEY,
    event_id         TEXT    NOT NULL REFERENCES events (id),
    member_id        TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    seats            INTEGER NOT NULL DEFAULT 1,
    queue_number     INTEGER NULL,
    check_in_code    TEXT    NOT NULL,
    checked_in_at    TEXT    NULL,
    checked_in_by    TEXT    NULL,
    registered_at    TEXT    NOT NULL,
    confirmed_at     TEXT    NULL,
    cancelled_at     TEXT    NULL,
    idempotency_key  TEXT    NULL,
    request_hash     TEXT    NULL,
    language         TEXT    NOT NULL DEFAULT 'sv',
    anonymised_at    TEXT    NULL
);
CREATE UNIQUE INDEX ux_event_registrations_active ON event_registrations (event_id, member_id) WHERE status IN ('confirmed', 'waiting');
CREATE UNIQUE INDEX ux_event_registrations_code ON event_registrations (event_id, check_in_code);
CREATE UNIQUE INDEX ux_event_registrations_idempotency ON event_registrations (member_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_event_registrations_queue ON event_registrations (event_id, status, queue_number);
CREATE INDEX ix_event_registrations_member ON event_registrations (member_id);

CREATE TABLE event_registration_guests (
    registration_id  TEXT    NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    name             TEXT    NULL,
    PRIMARY KEY (registration_id, position)
);

CREATE TABLE event_answers (
    registration_id  TEXT NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    question_id      TEXT NOT NULL REFERENCES event_questions (id),
    answer           TEXT NULL,
    PRIMARY KEY (registration_id, question_id)
);

CREATE TABLE event_feedback (
    registration_id  TEXT    NOT NULL PRIMARY KEY REFERENCES event_registrations (id) ON DELETE CASCADE,
    rating           INTEGER NOT NULL,
    comment          TEXT    NULL,
    submitted_at     TEXT    NOT NULL
);

CREATE TABLE event_calendar_feeds (
    member_id   TEXT NOT NULL PRIMARY KEY,
    token_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_event_calendar_feeds_token ON event_calendar_feeds (token_hash);

-- The slice's outbox: written in the transaction of the change it reports, sent after commit; sent_at only after
-- the SMTP send succeeded.
CREATE TABLE event_mail (
    id               TEXT    NOT NULL PRIMARY KEY,
    registration_id  TEXT    NULL REFERENCES event_registrations (id),
    event_id         TEXT    NOT NULL REFERENCES events (id),
    member_id        TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT    NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NULL
);
CREATE INDEX ix_event_mail_unsent ON event_mail (sent_at, created_at);
CREATE INDEX ix_event_mail_event ON event_mail (event_id);

-- Members publishes for Events (docs/architecture.md): whom to write to, and which departments a member belongs to.
CREATE VIEW member_contacts AS
SELECT id                 AS member_id,
       user_id            AS user_id,
       email              AS email,
       first_name         AS first_name,
       last_name          AS last_name,
       preferred_language AS preferred_language,
       status             AS status,
       CASE WHEN status = 'Erased' THEN 1 ELSE 0 END AS is_erased
FROM members;

CREATE VIEW member_departments AS
SELECT DISTINCT member_id AS member_id, department_id AS department_id
FROM member_affiliations;
