-- Bulk imports from the student records system, run as background jobs.
ALTER TABLE dbo.members ADD external_id nvarchar(64) NULL, pnr_hash varchar(64) NULL;
GO
CREATE UNIQUE INDEX ux_members_external_id ON dbo.members (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX ux_members_pnr_hash ON dbo.members (pnr_hash) WHERE pnr_hash IS NOT NULL;
CREATE INDEX ix_member_affiliations_match ON dbo.member_affiliations (member_id, department_id, degree_type);

-- Background work shared by the slices: claimed with leases (UPDLOCK, READPAST), so several API instances can
-- share it and a crashed one's work is taken over when its lease runs out.
CREATE TABLE dbo.jobs (
    id           uniqueidentifier  NOT NULL CONSTRAINT pk_jobs PRIMARY KEY NONCLUSTERED,
    kind         varchar(64)       NOT NULL,
    status       varchar(16)       NOT NULL,
    attempts     int               NOT NULL CONSTRAINT df_jobs_attempts DEFAULT (0),
    lease_owner  varchar(100)      NULL,
    lease_until  datetimeoffset(7) NULL,
    created_at   datetimeoffset(7) NOT NULL,
    started_at   datetimeoffset(7) NULL,
    finished_at  datetimeoffset(7) NULL,
    error        nvarchar(2000)    NULL
);
CREATE CLUSTERED INDEX cx_jobs_created ON dbo.jobs (created_at, id);
CREATE INDEX ix_jobs_claim ON dbo.jobs (status, created_at);

CREATE TABLE dbo.import_jobs (
    id               uniqueidentifier NOT NULL CONSTRAINT pk_import_jobs PRIMARY KEY CONSTRAINT fk_import_jobs_job REFERENCES dbo.jobs (id),
    idempotency_key  nvarchar(200)    NULL,
    file_name        nvarchar(400)    NOT NULL,
    format           varchar(16)      NOT NULL,
    dry_run          bit              NOT NULL,
    rows_read        int              NOT NULL CONSTRAINT df_import_jobs_read DEFAULT (0),
    inserted         int              NOT NULL CONSTRAINT df_import_jobs_inserted DEFAULT (0),
    updated          int              NOT NULL CONSTRAINT df_import_jobs_updated DEFAULT (0),
    unchanged        int              NOT NULL CONSTRAINT df_import_jobs_unchanged DEFAULT (0),
    rejected         int              NOT NULL CONSTRAINT df_import_jobs_rejected DEFAULT (0),
    created_by       uniqueidentifier NULL
);
CREATE UNIQUE INDEX ux_import_jobs_idempotency ON dbo.import_jobs (idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE dbo.import_rejections (
    job_id      uniqueidentifier NOT NULL CONSTRAINT fk_import_rejections_job REFERENCES dbo.import_jobs (id),
    row_number  int              NOT NULL,
    reason      nvarchar(400)    NOT NULL,
    CONSTRAINT pk_import_rejections PRIMARY KEY (job_id, row_number)
);
