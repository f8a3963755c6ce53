-- Newsletters: topics members subscribe to (over their consents), saved segments, the office's layouts and the library
-- of ready-made messages, campaigns with their fixed recipient lists and send batches (each batch a job in jobs),
-- bounces and the addresses no longer mailed, and the welcome series. Department, member, event and job ids are
-- references to other owners' rows without foreign keys (read through what those owners publish).

-- A topic is a list a member can be on: the central newsletter, one per department's mailings, event invitations,
-- and any the office adds. A member is on a topic only while the topic's consent channel (Members' consent) is given
-- and they have not turned the topic off (newsletter_topic_choices).
CREATE TABLE dbo.newsletter_topics (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_topics PRIMARY KEY,
    topic_key         varchar(100)      NOT NULL,
    kind              varchar(32)       NOT NULL,
    department_id     uniqueidentifier  NULL,
    consent_channel   varchar(32)       NOT NULL,
    name_sv           nvarchar(200)     NOT NULL,
    name_en           nvarchar(200)     NOT NULL,
    description_sv    nvarchar(1000)    NULL,
    description_en    nvarchar(1000)    NULL,
    active            bit               NOT NULL CONSTRAINT df_newsletter_topics_active DEFAULT (1),
    created_at        datetimeoffset(7) NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_topics_version DEFAULT (1)
);
CREATE UNIQUE INDEX ux_newsletter_topics_key ON dbo.newsletter_topics (topic_key);
CREATE INDEX ix_newsletter_topics_department ON dbo.newsletter_topics (department_id);

-- A member's own choice per topic, on top of the consent: subscribed = 0 turns one topic off.
CREATE TABLE dbo.newsletter_topic_choices (
    member_id         uniqueidentifier  NOT NULL,
    topic_id          uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_topic_choices_topic_id REFERENCES dbo.newsletter_topics (id),
    subscribed        bit               NOT NULL,
    method            varchar(32)       NOT NULL,
    campaign_id       uniqueidentifier  NULL,
    changed_at        datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_newsletter_topic_choices PRIMARY KEY (member_id, topic_id)
);
CREATE INDEX ix_newsletter_topic_choices_topic ON dbo.newsletter_topic_choices (topic_id, subscribed);

-- Every unsubscribe (from one topic, or from everything when topic_id is null), for the figures: which campaign's
-- link caused it. member_id is cleared on erasure.
CREATE TABLE dbo.newsletter_unsubscribes (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_unsubscribes PRIMARY KEY,
    member_id         uniqueidentifier  NULL,
    topic_id          uniqueidentifier  NULL,
    campaign_id       uniqueidentifier  NULL,
    method            varchar(32)       NOT NULL,
    created_at        datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_newsletter_unsubscribes_campaign ON dbo.newsletter_unsubscribes (campaign_id);
CREATE INDEX ix_newsletter_unsubscribes_topic ON dbo.newsletter_unsubscribes (topic_id, created_at);

-- A saved dynamic filter over members (JSON in the member search's vocabulary), evaluated when a send starts.
-- department_id: the department a coordinator's segment belongs to (null: the central office's).
CREATE TABLE dbo.newsletter_segments (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_segments PRIMARY KEY,
    name              nvarchar(200)     NOT NULL,
    description       nvarchar(1000)    NULL,
    department_id     uniqueidentifier  NULL,
    filter            nvarchar(max)     NOT NULL,
    created_by        uniqueidentifier  NULL,
    created_at        datetimeoffset(7) NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_segments_version DEFAULT (1)
);
CREATE INDEX ix_newsletter_segments_department ON dbo.newsletter_segments (department_id);

-- The office's layout: header and footer (Markdown, per language) and the postal address around every mail's body.
CREATE TABLE dbo.newsletter_layouts (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_layouts PRIMARY KEY,
    name              nvarchar(200)     NOT NULL,
    header_sv         nvarchar(max)     NULL,
    header_en         nvarchar(max)     NULL,
    footer_sv         nvarchar(max)     NULL,
    footer_en         nvarchar(max)     NULL,
    postal_address    nvarchar(500)     NOT NULL,
    is_default        bit               NOT NULL CONSTRAINT df_newsletter_layouts_is_default DEFAULT (0),
    created_at        datetimeoffset(7) NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_layouts_version DEFAULT (1)
);

-- The library of ready-made messages coordinators copy into their own campaigns.
CREATE TABLE dbo.newsletter_messages (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_messages PRIMARY KEY,
    title             nvarchar(200)     NOT NULL,
    subject_sv        nvarchar(300)     NULL,
    subject_en        nvarchar(300)     NULL,
    preheader_sv      nvarchar(300)     NULL,
    preheader_en      nvarchar(300)     NULL,
    body_sv           nvarchar(max)     NULL,
    body_en           nvarchar(max)     NULL,
    created_by        uniqueidentifier  NULL,
    created_at        datetimeoffset(7) NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_messages_version DEFAULT (1)
);

CREATE TABLE dbo.newsletter_message_tags (
    message_id        uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_message_tags_message_id REFERENCES dbo.newsletter_messages (id) ON DELETE CASCADE,
    tag               nvarchar(50)      NOT NULL,
    tag_key           nvarchar(50)      NOT NULL,
    CONSTRAINT pk_newsletter_message_tags PRIMARY KEY (message_id, tag_key)
);
CREATE INDEX ix_newsletter_message_tags_key ON dbo.newsletter_message_tags (tag_key);

-- A campaign: a newsletter or an event invitation (event_id), sent by the central office or a department, to a topic
-- (intersected with a segment when one is given). status: draft, scheduled, sending, paused, sent, cancelled.
CREATE TABLE dbo.newsletter_campaigns (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_campaigns PRIMARY KEY,
    kind              varchar(32)       NOT NULL CONSTRAINT df_newsletter_campaigns_kind DEFAULT ('newsletter'),
    name              nvarchar(200)     NOT NULL,
    department_id     uniqueidentifier  NULL,
    topic_id          uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_campaigns_topic_id REFERENCES dbo.newsletter_topics (id),
    segment_id        uniqueidentifier  NULL CONSTRAINT fk_newsletter_campaigns_segment_id REFERENCES dbo.newsletter_segments (id),
    event_id          uniqueidentifier  NULL,
    layout_id         uniqueidentifier  NULL CONSTRAINT fk_newsletter_campaigns_layout_id REFERENCES dbo.newsletter_layouts (id),
    source_message_id uniqueidentifier  NULL,
    subject_sv        nvarchar(300)     NULL,
    subject_en        nvarchar(300)     NULL,
    preheader_sv      nvarchar(300)     NULL,
    preheader_en      nvarchar(300)     NULL,
    body_sv           nvarchar(max)     NULL,
    body_en           nvarchar(max)     NULL,
    status            varchar(16)       NOT NULL CONSTRAINT df_newsletter_campaigns_status DEFAULT ('draft'),
    scheduled_at      datetimeoffset(7) NULL,
    started_at        datetimeoffset(7) NULL,
    finished_at       datetimeoffset(7) NULL,
    recipient_count   int               NOT NULL CONSTRAINT df_newsletter_campaigns_recipient_count DEFAULT (0),
    created_by        uniqueidentifier  NULL,
    created_at        datetimeoffset(7) NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_campaigns_version DEFAULT (1)
);
CREATE INDEX ix_newsletter_campaigns_status ON dbo.newsletter_campaigns (status, scheduled_at);
CREATE INDEX ix_newsletter_campaigns_department ON dbo.newsletter_campaigns (department_id, created_at);

-- The recipients, fixed when sending starts: one row each, in batches; state: queued, sending (handed to SMTP, not
-- yet accepted), sent, failed, skipped, uncertain (was sending when its sender died; the operator decides).
CREATE TABLE dbo.newsletter_recipients (
    campaign_id       uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_recipients_campaign_id REFERENCES dbo.newsletter_campaigns (id),
    member_id         uniqueidentifier  NOT NULL,
    email             nvarchar(320)     NULL,
    language          varchar(2)        NOT NULL,
    batch             int               NOT NULL,
    state             varchar(16)       NOT NULL CONSTRAINT df_newsletter_recipients_state DEFAULT ('queued'),
    reason            nvarchar(1000)    NULL,
    attempts          int               NOT NULL CONSTRAINT df_newsletter_recipients_attempts DEFAULT (0),
    next_attempt_at   datetimeoffset(7) NULL,
    message_id        varchar(400)      NULL,
    updated_at        datetimeoffset(7) NULL,
    CONSTRAINT pk_newsletter_recipients PRIMARY KEY (campaign_id, member_id)
);
CREATE INDEX ix_newsletter_recipients_batch ON dbo.newsletter_recipients (campaign_id, batch, state);
CREATE INDEX ix_newsletter_recipients_member ON dbo.newsletter_recipients (member_id);

-- A batch of a campaign's recipients is one job (jobs.id = job_id), so that several instances share the work.
CREATE TABLE dbo.newsletter_send_batches (
    job_id            uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_send_batches PRIMARY KEY,
    campaign_id       uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_send_batches_campaign_id REFERENCES dbo.newsletter_campaigns (id),
    batch             int               NOT NULL
);
CREATE UNIQUE INDEX ux_newsletter_send_batches ON dbo.newsletter_send_batches (campaign_id, batch);

-- Bounces as recorded (by an integration, by staff, or read from DSN reports), and the addresses no longer mailed.
CREATE TABLE dbo.newsletter_bounces (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_bounces PRIMARY KEY,
    email             nvarchar(320)     NOT NULL,
    kind              varchar(32)       NOT NULL,
    reason            nvarchar(1000)    NULL,
    source            varchar(16)       NOT NULL,
    campaign_id       uniqueidentifier  NULL,
    recorded_by       uniqueidentifier  NULL,
    created_at        datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_newsletter_bounces_email ON dbo.newsletter_bounces (email, created_at);

CREATE TABLE dbo.newsletter_suppressions (
    email             nvarchar(320)     NOT NULL CONSTRAINT pk_newsletter_suppressions PRIMARY KEY,
    reason            nvarchar(1000)    NOT NULL,
    bounce_id         uniqueidentifier  NULL,
    created_at        datetimeoffset(7) NOT NULL
);

-- The welcome series: steps the office edits (sent delay_days after verification, skipped by skip_rule), and one row
-- per member and step so that each is sent (or skipped) once.
CREATE TABLE dbo.newsletter_welcome_steps (
    id                uniqueidentifier  NOT NULL CONSTRAINT pk_newsletter_welcome_steps PRIMARY KEY,
    step_key          varchar(64)       NOT NULL,
    position          int               NOT NULL,
    delay_days        int               NOT NULL,
    skip_rule         varchar(32)       NOT NULL CONSTRAINT df_newsletter_welcome_steps_skip_rule DEFAULT ('none'),
    subject_sv        nvarchar(300)     NULL,
    subject_en        nvarchar(300)     NULL,
    body_sv           nvarchar(max)     NULL,
    body_en           nvarchar(max)     NULL,
    active            bit               NOT NULL CONSTRAINT df_newsletter_welcome_steps_active DEFAULT (1),
    updated_at        datetimeoffset(7) NOT NULL,
    version           int               NOT NULL CONSTRAINT df_newsletter_welcome_steps_version DEFAULT (1)
);
CREATE UNIQUE INDEX ux_newsletter_welcome_steps_key ON dbo.newsletter_welcome_steps (step_key);

CREATE TABLE dbo.newsletter_welcome_mail (
    member_id         uniqueidentifier  NOT NULL,
    step_id           uniqueidentifier  NOT NULL CONSTRAINT fk_newsletter_welcome_mail_step_id REFERENCES dbo.newsletter_welcome_steps (id),
    due_at            datetimeoffset(7) NOT NULL,
    state             varchar(16)       NOT NULL CONSTRAINT df_newsletter_welcome_mail_state DEFAULT ('queued'),
    reason            nvarchar(1000)    NULL,
    attempts          int               NOT NULL CONSTRAINT df_newsletter_welcome_mail_attempts DEFAULT (0),
    lease_owner       varchar(100)      NULL,
    lease_until       datetimeoffset(7) NULL,
    sent_at           datetimeoffset(7) NULL,
    CONSTRAINT pk_newsletter_welcome_mail PRIMARY KEY (member_id, step_id)
);
CREATE INDEX ix_newsletter_welcome_mail_due ON dbo.newsletter_welcome_mail (state, due_at);
GO

-- Members publishes for Newsletters (docs/architecture.md): the consents in force, one row per member and channel.
CREATE VIEW dbo.member_channel_consents AS
SELECT member_id AS member_id, channel AS channel
FROM dbo.member_consents
WHERE granted = 1;
