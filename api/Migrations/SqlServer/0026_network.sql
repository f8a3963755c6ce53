-- Network: the local coordinator network. Coordinators' assignments to departments (the record; Identity's
-- user_departments is the access they give), the toolkit of ready messages, templates, guides and checklists with
-- their versions, tags and files, central initiatives that departments join, requests for support with
-- cross-department activities, notes and decisions of network meetings (events of Events), and news for the network.
-- User, department, event and campaign ids are references to other owners' rows without foreign keys.

-- A person's assignment as coordinator of a department, from started_on until ended_on (null while active). At most
-- one active assignment per person and department; ended ones stay as the network's history.
-- kind: formal (appointed), informal. time_share: the share of a full-time post in percent, when known.
CREATE TABLE dbo.coordinator_assignments (
    id              uniqueidentifier  NOT NULL CONSTRAINT pk_coordinator_assignments PRIMARY KEY,
    user_id         uniqueidentifier  NOT NULL,
    department_id   uniqueidentifier  NOT NULL,
    kind            varchar(16)       NOT NULL,
    time_share      int               NULL,
    started_on      date              NOT NULL,
    ended_on        date              NULL,
    end_reason      nvarchar(500)     NULL,
    role_title      nvarchar(200)     NULL,
    contact_email   nvarchar(254)     NULL,
    contact_phone   nvarchar(40)      NULL,
    created_by      uniqueidentifier  NULL,
    created_at      datetimeoffset(7) NOT NULL,
    updated_at      datetimeoffset(7) NOT NULL,
    ended_at        datetimeoffset(7) NULL,
    ended_by        uniqueidentifier  NULL,
    version         int               NOT NULL CONSTRAINT df_coordinator_assignments_version DEFAULT (1)
);
CREATE UNIQUE INDEX ux_coordinator_assignments_active ON dbo.coordinator_assignments (user_id, department_id) WHERE ended_on IS NULL;
CREATE INDEX ix_coordinator_assignments_department ON dbo.coordinator_assignments (department_id, ended_on);

-- The toolkit: an item (kind: message, template, guide, checklist) and its versions; the item's current texts are
-- those of version current_version. Each edit adds a version with a note of what changed.
CREATE TABLE dbo.toolkit_items (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_toolkit_items PRIMARY KEY,
    kind             varchar(16)       NOT NULL,
    current_version  int               NOT NULL CONSTRAINT df_toolkit_items_current_version DEFAULT (1),
    created_by       uniqueidentifier  NULL,
    created_at       datetimeoffset(7) NOT NULL,
    updated_at       datetimeoffset(7) NOT NULL,
    archived_at      datetimeoffset(7) NULL,
    version          int               NOT NULL CONSTRAINT df_toolkit_items_version DEFAULT (1)
);
CREATE INDEX ix_toolkit_items_updated ON dbo.toolkit_items (updated_at);

CREATE TABLE dbo.toolkit_item_versions (
    item_id      uniqueidentifier  NOT NULL CONSTRAINT fk_toolkit_item_versions_item_id REFERENCES dbo.toolkit_items (id) ON DELETE CASCADE,
    number       int               NOT NULL,
    title_sv     nvarchar(200)     NULL,
    title_en     nvarchar(200)     NULL,
    summary_sv   nvarchar(1000)    NULL,
    summary_en   nvarchar(1000)    NULL,
    body_sv      nvarchar(max)     NULL,
    body_en      nvarchar(max)     NULL,
    change_note  nvarchar(1000)    NULL,
    created_by   uniqueidentifier  NULL,
    created_at   datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_toolkit_item_versions PRIMARY KEY (item_id, number)
);

CREATE TABLE dbo.toolkit_item_tags (
    item_id  uniqueidentifier NOT NULL CONSTRAINT fk_toolkit_item_tags_item_id REFERENCES dbo.toolkit_items (id) ON DELETE CASCADE,
    tag      nvarchar(50)     NOT NULL,
    tag_key  nvarchar(50)     NOT NULL,
    CONSTRAINT pk_toolkit_item_tags PRIMARY KEY (item_id, tag_key)
);
CREATE INDEX ix_toolkit_item_tags_key ON dbo.toolkit_item_tags (tag_key);

-- A file of a toolkit item (PDF, image, slides), its content kept by the configured store (storage: database, folder,
-- s3) under storage_key; content_type is what the content was found to be, not what its name says.
CREATE TABLE dbo.toolkit_files (
    id            uniqueidentifier  NOT NULL CONSTRAINT pk_toolkit_files PRIMARY KEY,
    item_id       uniqueidentifier  NOT NULL CONSTRAINT fk_toolkit_files_item_id REFERENCES dbo.toolkit_items (id),
    file_name     nvarchar(255)     NOT NULL,
    content_type  varchar(100)      NOT NULL,
    byte_size     bigint            NOT NULL,
    sha256        varchar(64)       NOT NULL,
    storage       varchar(16)       NOT NULL,
    storage_key   varchar(200)      NOT NULL,
    created_by    uniqueidentifier  NULL,
    created_at    datetimeoffset(7) NOT NULL,
    removed_at    datetimeoffset(7) NULL
);
CREATE INDEX ix_toolkit_files_item ON dbo.toolkit_files (item_id, created_at);

-- The database store's contents.
CREATE TABLE dbo.toolkit_file_contents (
    storage_key  varchar(200)   NOT NULL CONSTRAINT pk_toolkit_file_contents PRIMARY KEY,
    content      varbinary(max) NOT NULL
);

-- A central initiative, platform or meeting place (kind: initiative, platform, meeting-place) with a period;
-- status: open (departments may join), closed.
CREATE TABLE dbo.network_initiatives (
    id              uniqueidentifier  NOT NULL CONSTRAINT pk_network_initiatives PRIMARY KEY,
    kind            varchar(16)       NOT NULL,
    title_sv        nvarchar(200)     NULL,
    title_en        nvarchar(200)     NULL,
    description_sv  nvarchar(max)     NULL,
    description_en  nvarchar(max)     NULL,
    starts_on       date              NOT NULL,
    ends_on         date              NULL,
    status          varchar(16)       NOT NULL CONSTRAINT df_network_initiatives_status DEFAULT ('open'),
    created_by      uniqueidentifier  NULL,
    created_at      datetimeoffset(7) NOT NULL,
    updated_at      datetimeoffset(7) NOT NULL,
    version         int               NOT NULL CONSTRAINT df_network_initiatives_version DEFAULT (1)
);
CREATE INDEX ix_network_initiatives_starts ON dbo.network_initiatives (starts_on);

-- A department's joining ("haka på") with what it will offer, and the department's own event or campaign under it.
CREATE TABLE dbo.network_initiative_joins (
    initiative_id  uniqueidentifier  NOT NULL CONSTRAINT fk_network_initiative_joins_initiative_id REFERENCES dbo.network_initiatives (id),
    department_id  uniqueidentifier  NOT NULL,
    offer_note     nvarchar(2000)    NULL,
    event_id       uniqueidentifier  NULL,
    campaign_id    uniqueidentifier  NULL,
    joined_by      uniqueidentifier  NULL,
    joined_at      datetimeoffset(7) NOT NULL,
    updated_at     datetimeoffset(7) NOT NULL,
    version        int               NOT NULL CONSTRAINT df_network_initiative_joins_version DEFAULT (1),
    CONSTRAINT pk_network_initiative_joins PRIMARY KEY (initiative_id, department_id)
);
CREATE INDEX ix_network_initiative_joins_department ON dbo.network_initiative_joins (department_id);

-- A coordinator's request for support with a cross-department activity, asked on behalf of department_id.
-- status: submitted, approved, declined, done, withdrawn. An approved request may link its co-hosted event.
CREATE TABLE dbo.network_support_requests (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_network_support_requests PRIMARY KEY,
    department_id    uniqueidentifier  NOT NULL,
    title            nvarchar(200)     NOT NULL,
    description      nvarchar(4000)    NULL,
    starts_on        date              NOT NULL,
    ends_on          date              NOT NULL,
    help_note        nvarchar(2000)    NULL,
    status           varchar(16)       NOT NULL CONSTRAINT df_network_support_requests_status DEFAULT ('submitted'),
    decision_reason  nvarchar(2000)    NULL,
    decided_by       uniqueidentifier  NULL,
    decided_at       datetimeoffset(7) NULL,
    done_at          datetimeoffset(7) NULL,
    event_id         uniqueidentifier  NULL,
    created_by       uniqueidentifier  NULL,
    created_at       datetimeoffset(7) NOT NULL,
    updated_at       datetimeoffset(7) NOT NULL,
    version          int               NOT NULL CONSTRAINT df_network_support_requests_version DEFAULT (1)
);
CREATE INDEX ix_network_support_requests_department ON dbo.network_support_requests (department_id, status);
CREATE INDEX ix_network_support_requests_created ON dbo.network_support_requests (created_at);

-- The departments taking part (the asking department is one of them).
CREATE TABLE dbo.network_support_request_departments (
    request_id     uniqueidentifier NOT NULL CONSTRAINT fk_network_support_request_departments_request_id REFERENCES dbo.network_support_requests (id) ON DELETE CASCADE,
    department_id  uniqueidentifier NOT NULL,
    CONSTRAINT pk_network_support_request_departments PRIMARY KEY (request_id, department_id)
);
CREATE INDEX ix_network_support_request_departments_department ON dbo.network_support_request_departments (department_id);

-- The help asked for: funding, communication, venue, speaker.
CREATE TABLE dbo.network_support_request_help (
    request_id  uniqueidentifier NOT NULL CONSTRAINT fk_network_support_request_help_request_id REFERENCES dbo.network_support_requests (id) ON DELETE CASCADE,
    help        varchar(32)      NOT NULL,
    CONSTRAINT pk_network_support_request_help PRIMARY KEY (request_id, help)
);

-- Notes and decisions (kind: note, decision) of a network meeting: an event of Events with the coordinator audience.
CREATE TABLE dbo.network_meeting_notes (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_network_meeting_notes PRIMARY KEY,
    event_id    uniqueidentifier  NOT NULL,
    kind        varchar(16)       NOT NULL,
    body        nvarchar(4000)    NOT NULL,
    created_by  uniqueidentifier  NULL,
    created_at  datetimeoffset(7) NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    version     int               NOT NULL CONSTRAINT df_network_meeting_notes_version DEFAULT (1)
);
CREATE INDEX ix_network_meeting_notes_event ON dbo.network_meeting_notes (event_id, created_at);

-- Short items from the office about university-wide matters, for the network.
CREATE TABLE dbo.network_news (
    id            uniqueidentifier  NOT NULL CONSTRAINT pk_network_news PRIMARY KEY,
    title_sv      nvarchar(200)     NULL,
    title_en      nvarchar(200)     NULL,
    body_sv       nvarchar(4000)    NULL,
    body_en       nvarchar(4000)    NULL,
    published_at  datetimeoffset(7) NOT NULL,
    created_by    uniqueidentifier  NULL,
    created_at    datetimeoffset(7) NOT NULL,
    updated_at    datetimeoffset(7) NOT NULL,
    archived_at   datetimeoffset(7) NULL,
    version       int               NOT NULL CONSTRAINT df_network_news_version DEFAULT (1)
);
CREATE INDEX ix_network_news_published ON dbo.network_news (published_at);
GO

-- Identity's access of staff to departments, for the network's record of who covers what.
CREATE VIEW dbo.staff_department_access AS
SELECT user_id AS user_id, department_id AS department_id, granted_at AS granted_at FROM dbo.user_departments;
GO
