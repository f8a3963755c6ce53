-- The list of past imports: the name of the uploaded file as the uploader gave it, and the API key that ran an import
-- (an import by a person keeps the person in created_by). Identity publishes the name of every caller, a person
-- (display name, else e-mail address; nothing once erased, see Accounts.ErasedDomain) or an API key (its name), so
-- that other slices can say who did something. An import's rejection reasons are written in the language of whoever
-- started it (sv or en).
ALTER TABLE import_jobs ADD COLUMN original_name TEXT NULL;
ALTER TABLE import_jobs ADD COLUMN created_by_key TEXT NULL;
ALTER TABLE import_jobs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
CREATE INDEX ix_import_jobs_key ON import_jobs (created_by_key) WHERE created_by_key IS NOT NULL;

CREATE VIEW caller_names AS
SELECT id AS id, CASE WHEN email LIKE '%@erased.invalid' THEN NULL ELSE COALESCE(display_name, email) END AS name, 'person' AS kind FROM users
UNION ALL
SELECT id AS id, name AS name, 'key' AS kind FROM api_keys;
