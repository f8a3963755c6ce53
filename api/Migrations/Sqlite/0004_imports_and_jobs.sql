-- Bulk imports from the student records system, run as background jobs.
ALTER TABLE members ADD COLUMN external_id TEXT NULL;
ALTER TABLE members ADD COLUMN pnr_hash TEXT NULL;
CREATE UNIQUE INDEX ux_members_external_id ON members (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX ux_members_pnr_hash ON members (pnr_hash) WHERE pnr_hash IS NOT NULL;
CREATE INDEX ix_member_affiliations_match ON member_affiliations (member_id, department_id, degree_type);

-- Background work shared by the slices: claimed with leases, so several API instances can share it and a
-- crashed one's work is taken over when its lease runs out.
CREATE TABLE jobs (
    id           TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT    NULL,
    lease_until  TEXT    NULL,
    created_at   TEXT    NOT NULL,
    started_at   TEXT    NULL,
    finished_at  TEXT    NULL,
    error        TEXT    NULL
);
CREATE INDEX ix_jobs_claim ON jobs (status, created_at);

CREATE TABLE import_jobs (
    id               TEXT    NOT NULL PRIMARY KEY REFERENCES jobs (id),
    idempotency_key  TEXT    NULL,
    file_name        TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    dry_run          INTEGER NOT NULL,
    rows_read        INTEGER NOT NULL DEFAULT 0,
    inserted         INTEGER NOT NULL DEFAULT 0,
    updated          INTEGER NOT NULL DEFAULT 0,
    unchanged        INTEGER NOT NULL DEFAULT 0,
    rejected         INTEGER NOT NULL DEFAULT 0,
    created_by       TEXT    NULL
);
CREATE UNIQUE INDEX ux_import_jobs_idempotency ON import_jobs (idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE import_rejections (
    job_id      TEXT    NOT NULL REFERENCES import_jobs (id),
    row_number  INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    PRIMARY KEY (job_id, row_number)
);
