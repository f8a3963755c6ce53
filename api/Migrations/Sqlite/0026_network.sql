-- Network: the local coordinator network. Coordinators' assignments to departments (the record; Identity's
-- user_departments is the access they give), the toolkit of ready messages, templates, guides and checklists with
-- their versions, tags and files, central initiatives that departments join, requests for support with
-- cross-department activities, notes and decisions of network meetings (events of Events), and news for the network.
-- User, department, event and campaign ids are references to other owners' rows without foreign keys.

-- A person's assignment as coordinator of a department, from started_on until ended_on (null while active). At most
-- one active assignment per person and department; ended ones stay as the network's history.
-- kind: formal (appointed), informal. time_share: the share of a full-time post in percent, when known.
CREATE TABLE coordinator_assignments (
    id             TEXT    NOT NULL PRIMARY KEY,
    user_id        TEXT    NOT NULL,
    department_id  TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    time_share     INTEGER NULL,
    started_on     TEXT    NOT NULL,
    ended_on       TEXT    NULL,
    end_reason     TEXT    NULL,
    role_title     TEXT    NULL,
    contact_email  TEXT    NULL,
    contact_phone  TEXT    NULL,
    created_by     TEXT    NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    ended_at       TEXT    NULL,
    ended_by       TEXT    NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_coordinator_assignments_active ON coordinator_assignments (user_id, department_id) WHERE ended_on IS NULL;
CREATE INDEX ix_coordinator_assignments_department ON coordinator_assignments (department_id, ended_on);

-- The toolkit: an item (kind: message, template, guide, checklist) and its versions; the item's current texts are
-- those of version current_version. Each edit adds a version with a note of what changed.
CREATE TABLE toolkit_items (
    id               TEXT    NOT NULL PRIMARY KEY,
    kind             TEXT    NOT NULL,
    current_version  INTEGER NOT NULL DEFAULT 1,
    created_by       TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    archived_at      TEXT    NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_toolkit_items_updated ON toolkit_items (updated_at);

CREATE TABLE toolkit_item_versions (
    item_id      TEXT    NOT NULL REFERENCES toolkit_items (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    title_sv     TEXT    NULL,
    title_en     TEXT    NULL,
    summary_sv   TEXT    NULL,
    summary_en   TEXT    NULL,
    body_sv      TEXT    NULL,
    body_en      TEXT    NULL,
    change_note  TEXT    NULL,
    created_by   TEXT    NULL,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (item_id, number)
);

CREATE TABLE toolkit_item_tags (
    item_id  TEXT NOT NULL REFERENCES toolkit_items (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    tag_key  TEXT NOT NULL,
    PRIMARY KEY (item_id, tag_key)
);
CREATE INDEX ix_toolkit_item_tags_key ON toolkit_item_tags (tag_key);

-- A file of a toolkit item (PDF, image, slides), its content kept by the configured store (storage: database, folder,
-- s3) under storage_key; content_type is what the content was found to be, not what its name says.
CREATE TABLE toolkit_files (
    id            TEXT    NOT NULL PRIMARY KEY,
    item_id       TEXT    NOT NULL REFERENCES toolkit_items (id),
    file_name     TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    byte_size     INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    storage       TEXT    NOT NULL,
    storage_key   TEXT    NOT NULL,
    created_by    TEXT    NULL,
    created_at    TEXT    NOT NULL,
    removed_at    TEXT    NULL
);
CREATE INDEX ix_toolkit_files_item ON toolkit_files (item_id, created_at);

-- The database store's contents.
CREATE TABLE toolkit_file_contents (
    storage_key  TEXT NOT NULL PRIMARY KEY,
    content      BLOB NOT NULL
);

-- A central initiative, platform or meeting place (kind: initiative, platform, meeting-place) with a period;
-- status: open (departments may join), closed.
CREATE TABLE network_initiatives (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL,
    title_sv        TEXT    NULL,
    title_en        TEXT    NULL,
    description_sv  TEXT    NULL,
    description_en  TEXT    NULL,
    starts_on       TEXT    NOT NULL,
    ends_on         TEXT    NULL,
    status          TEXT    NOT NULL DEFAULT 'open',
    created_by      TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_network_initiatives_starts ON network_initiatives (starts_on);

-- A department's joining ("haka på") with what it will offer, and the department's own event or campaign under it.
CREATE TABLE network_initiative_joins (
    initiative_id  TEXT    NOT NULL REFERENCES network_initiatives (id),
    department_id  TEXT    NOT NULL,
    offer_note     TEXT    NULL,
    event_id       TEXT    NULL,
    campaign_id    TEXT    NULL,
    joined_by      TEXT    NULL,
    joined_at      TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (initiative_id, department_id)
);
CREATE INDEX ix_network_initiative_joins_department ON network_initiative_joins (department_id);

-- A coordinator's request for support with a cross-department activity, asked on behalf of department_id.
-- status: submitted, approved, declined, done, withdrawn. An approved request may link its co-hosted event.
CREATE TABLE network_support_requests (
    id               TEXT    NOT NULL PRIMARY KEY,
    department_id    TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    description      TEXT    NULL,
    starts_on        TEXT    NOT NULL,
    ends_on          TEXT    NOT NULL,
    help_note        TEXT    NULL,
    status           TEXT    NOT NULL DEFAULT 'submitted',
    decision_reason  TEXT    NULL,
    decided_by       TEXT    NULL,
    decided_at       TEXT    NULL,
    done_at          TEXT    NULL,
    event_id         TEXT    NULL,
    created_by       TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_network_support_requests_department ON network_support_requests (department_id, status);
CREATE INDEX ix_network_support_requests_created ON network_support_requests (created_at);

-- The departments taking part (the asking department is one of them).
CREATE TABLE network_support_request_departments (
    request_id     TEXT NOT NULL REFERENCES network_support_requests (id) ON DELETE CASCADE,
    department_id  TEXT NOT NULL,
    PRIMARY KEY (request_id, department_id)
);
CREATE INDEX ix_network_support_request_departments_department ON network_support_request_departments (department_id);

-- The help asked for: funding, communication, venue, speaker.
CREATE TABLE network_support_request_help (
    request_id  TEXT NOT NULL REFERENCES network_support_requests (id) ON DELETE CASCADE,
    help        TEXT NOT NULL,
    PRIMARY KEY (request_id, help)
);

-- Notes and decisions (kind: note, decision) of a network meeting: an event of Events with the coordinator audience.
CREATE TABLE network_meeting_notes (
    id          TEXT    NOT NULL PRIMARY KEY,
    event_id    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_by  TEXT    NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_network_meeting_notes_event ON network_meeting_notes (event_id, created_at);

-- Short items from the office about university-wide matters, for the network.
CREATE TABLE network_news (
    id            TEXT    NOT NULL PRIMARY KEY,
    title_sv      TEXT    NULL,
    title_en      TEXT    NULL,
    body_sv       TEXT    NULL,
    body_en       TEXT    NULL,
    published_at  TEXT    NOT NULL,
    created_by    TEXT    NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    archived_at   TEXT    NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_network_news_published ON network_news (published_at);

-- Identity's access of staff to departments, for the network's record of who covers what.
CREATE VIEW staff_department_access AS
SELECT user_id AS user_id, department_id AS department_id, granted_at AS granted_at FROM user_departments;
