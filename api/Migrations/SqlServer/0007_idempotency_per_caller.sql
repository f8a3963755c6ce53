-- An import's Idempotency-Key belongs to the caller who sent it (the person's user id or the API key's id): another
-- caller's same key is another import. The SHA-256 of the uploaded body is kept, so that the same key with another
-- body is refused instead of answered with the first job. Jobs from before keep their person as the caller; a key's
-- earlier jobs have none, so a retry of them starts a new job.
ALTER TABLE dbo.import_jobs ADD idempotency_caller uniqueidentifier NULL, body_sha256 varchar(64) NULL;
GO
UPDATE dbo.import_jobs SET idempotency_caller = created_by WHERE idempotency_key IS NOT NULL;
DROP INDEX ux_import_jobs_idempotency ON dbo.import_jobs;
CREATE UNIQUE INDEX ux_import_jobs_idempotency ON dbo.import_jobs (idempotency_caller, idempotency_key) WHERE idempotency_key IS NOT NULL;
