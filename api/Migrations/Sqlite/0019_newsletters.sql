-- Newsletters: topics members subscribe to (over their consents), saved segments, the office's layouts and the library
-- of ready-made messages, campaigns with their fixed recipient lists and send batches (each batch a job in jobs),
-- bounces and the addresses no longer mailed, and the welcome series. Department, member, event and job ids are
-- references to other owners' rows without foreign keys (read through what those owners publish).

-- A topic is a list a member can be on: the central newsletter, one per department's mailings, event invitations,
-- and any the office adds. A member is on a topic only while the topic's consent channel (Members' consent) is given
-- and they have not turned the topic off (newsletter_topic_choices).
CREATE TABLE newsletter_topics (
    id               TEXT    NOT NULL PRIMARY KEY,
    topic_key        TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    department_id    TEXT    NULL,
    consent_channel  TEXT    NOT NULL,
    name_sv          TEXT    NOT NULL,
    name_en          TEXT    NOT NULL,
    description_sv   TEXT    NULL,
    description_en   TEXT    NULL,
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_newsletter_topics_key ON newsletter_topics (topic_key);
CREATE INDEX ix_newsletter_topics_department ON newsletter_topics (department_id);

-- A member's own choice per topic, on top of the consent: subscribed = 0 turns one topic off.
CREATE TABLE newsletter_topic_choices (
    member_id    TEXT    NOT NULL,
    topic_id     TEXT    NOT NULL REFERENCES newsletter_topics (id),
    subscribed   INTEGER NOT NULL,
    method       TEXT    NOT NULL,
    campaign_id  TEXT    NULL,
    changed_at   TEXT    NOT NULL,
    PRIMARY KEY (member_id, topic_id)
);
CREATE INDEX ix_newsletter_topic_choices_topic ON newsletter_topic_choices (topic_id, subscribed);

-- Every unsubscribe (from one topic, or from everything when topic_id is null), for the figures: which campaign's
-- link caused it. member_id is cleared on erasure.
CREATE TABLE newsletter_unsubscribes (
    id           TEXT    NOT NULL PRIMARY KEY,
    member_id    TEXT    NULL,
    topic_id     TEXT    NULL,
    campaign_id  TEXT    NULL,
    method       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_newsletter_unsubscribes_campaign ON newsletter_unsubscribes (campaign_id);
CREATE INDEX ix_newsletter_unsubscribes_topic ON newsletter_unsubscribes (topic_id, created_at);

-- A saved dynamic filter over members (JSON in the member search's vocabulary), evaluated when a send starts.
-- department_id: the department a coordinator's segment belongs to (null: the central office's).
CREATE TABLE newsletter_segments (
    id             TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL,
    description    TEXT    NULL,
    department_id  TEXT    NULL,
    filter         TEXT    NOT NULL,
    created_by     TEXT    NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_newsletter_segments_department ON newsletter_segments (department_id);

-- The office's layout: header and footer (Markdown, per language) and the postal address around every mail's body.
CREATE TABLE newsletter_layouts (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    header_sv       TEXT    NULL,
    header_en       TEXT    NULL,
    footer_sv       TEXT    NULL,
    footer_en       TEXT    NULL,
    postal_address  TEXT    NOT NULL,
    is_default      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);

-- The library of ready-made messages coordinators copy into their own campaigns.
CREATE TABLE newsletter_messages (
    id            TEXT    NOT NULL PRIMARY KEY,
    title         TEXT    NOT NULL,
    subject_sv    TEXT    NULL,
    subject_en    TEXT    NULL,
    preheader_sv  TEXT    NULL,
    preheader_en  TEXT    NULL,
    body_sv       TEXT    NULL,
    body_en       TEXT    NULL,
    created_by    TEXT    NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE newsletter_message_tags (
    message_id  TEXT NOT NULL REFERENCES newsletter_messages (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    tag_key     TEXT NOT NULL,
    PRIMARY KEY (message_id, tag_key)
);
CREATE INDEX ix_newsletter_message_tags_key ON newsletter_message_tags (tag_key);

-- A campaign: a newsletter or an event invitation (event_id), sent by the central office or a department, to a topic
-- (intersected with a segment when one is given). status: draft, scheduled, sending, paused, sent, cancelled.
CREATE TABLE newsletter_campaigns (
    id                 TEXT    NOT NULL PRIMARY KEY,
    kind               TEXT    NOT NULL DEFAULT 'newsletter',
    name               TEXT    NOT NULL,
    department_id      TEXT    NULL,
    topic_id           TEXT    NOT NULL REFERENCES newsletter_topics (id),
    segment_id         TEXT    NULL REFERENCES newsletter_segments (id),
    event_id           TEXT    NULL,
    layout_id          TEXT    NULL REFERENCES newsletter_layouts (id),
    source_message_id  TEXT    NULL,
    subject_sv         TEXT    NULL,
    subject_en         TEXT    NULL,
    preheader_sv       TEXT    NULL,
    preheader_en       TEXT    NULL,
    body_sv            TEXT    NULL,
    body_en            TEXT    NULL,
    status             TEXT    NOT NULL DEFAULT 'draft',
    scheduled_at       TEXT    NULL,
    started_at         TEXT    NULL,
    finished_at        TEXT    NULL,
    recipient_count    INTEGER NOT NULL DEFAULT 0,
    created_by         TEXT    NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_newsletter_campaigns_status ON newsletter_campaigns (status, scheduled_at);
CREATE INDEX ix_newsletter_campaigns_department ON newsletter_campaigns (department_id, created_at);

-- The recipients, fixed when sending starts: one row each, in batches; state: queued, sending (handed to SMTP, not
-- yet accepted), sent, failed, skipped, uncertain (was sending when its sender died; the operator decides).
CREATE TABLE newsletter_recipients (
    campaign_id      TEXT    NOT NULL REFERENCES newsletter_campaigns (id),
    member_id        TEXT    NOT NULL,
    email            TEXT    NULL,
    language         TEXT    NOT NULL,
    batch            INTEGER NOT NULL,
    state            TEXT    NOT NULL DEFAULT 'queued',
    reason           TEXT    NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NULL,
    message_id       TEXT    NULL,
    updated_at       TEXT    NULL,
    PRIMARY KEY (campaign_id, member_id)
);
CREATE INDEX ix_newsletter_recipients_batch ON newsletter_recipients (campaign_id, batch, state);
CREATE INDEX ix_newsletter_recipients_member ON newsletter_recipients (member_id);

-- A batch of a campaign's recipients is one job (jobs.id = job_id), so that several instances share the work.
CREATE TABLE newsletter_send_batches (
    job_id       TEXT    NOT NULL PRIMARY KEY,
    campaign_id  TEXT    NOT NULL REFERENCES newsletter_campaigns (id),
    batch        INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_newsletter_send_batches ON newsletter_send_batches (campaign_id, batch);

-- Bounces as recorded (by an integration, by staff, or read from DSN reports), and the addresses no longer mailed.
CREATE TABLE newsletter_bounces (
    id           TEXT    NOT NULL PRIMARY KEY,
    email        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    reason       TEXT    NULL,
    source       TEXT    NOT NULL,
    campaign_id  TEXT    NULL,
    recorded_by  TEXT    NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_newsletter_bounces_email ON newsletter_bounces (email, created_at);

CREATE TABLE newsletter_suppressions (
    email       TEXT NOT NULL PRIMARY KEY,
    reason      TEXT NOT NULL,
    bounce_id   TEXT NULL,
    created_at  TEXT NOT NULL
);

-- The welcome series: steps the office edits (sent delay_days after verification, skipped by skip_rule), and one row
-- per member and step so that each is sent (or skipped) once.
CREATE TABLE newsletter_welcome_steps (
    id          TEXT    NOT NULL PRIMARY KEY,
    step_key    TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    delay_days  INTEGER NOT NULL,
    skip_rule   TEXT    NOT NULL DEFAULT 'none',
    subject_sv  TEXT    NULL,
    subject_en  TEXT    NULL,
    body_sv     TEXT    NULL,
    body_en     TEXT    NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_newsletter_welcome_steps_key ON newsletter_welcome_steps (step_key);

CREATE TABLE newsletter_welcome_mail (
    member_id    TEXT    NOT NULL,
    step_id      TEXT    NOT NULL REFERENCES newsletter_welcome_steps (id),
    due_at       TEXT    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'queued',
    reason       TEXT    NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT    NULL,
    lease_until  TEXT    NULL,
    sent_at      TEXT    NULL,
    PRIMARY KEY (member_id, step_id)
);
CREATE INDEX ix_newsletter_welcome_mail_due ON newsletter_welcome_mail (state, due_at);

-- Members publishes for Newsletters (docs/architecture.md): the consents in force, one row per member and channel.
CREATE VIEW member_channel_consents AS
SELECT member_id AS member_id, channel AS channel
FROM member_consents
WHERE granted = 1;
