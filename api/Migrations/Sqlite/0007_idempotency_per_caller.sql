-- An import's Idempotency-Key belongs to the caller who sent it (the person's user id or the API key's id): another
-- caller's same key is another import. The SHA-256 of the uploaded body is kept, so that the same key with another
-- body is refused instead of answered with the first job. Jobs from before keep their person as the caller; a key's
-- earlier jobs have none, so a retry of them starts a new job.
ALTER TABLE import_jobs ADD COLUMN idempotency_caller TEXT NULL;
ALTER TABLE import_jobs ADD COLUMN body_sha256 TEXT NULL;
UPDATE import_jobs SET idempotency_caller = created_by WHERE idempotency_key IS NOT NULL;
DROP INDEX ux_import_jobs_idempotency;
CREATE UNIQUE INDEX ux_import_jobs_idempotency ON import_jobs (idempotency_caller, idempotency_key) WHERE idempotency_key IS NOT NULL;
