-- The list of past imports: the name of the uploaded file as the uploader gave it, and the API key that ran an import
-- (an import by a person keeps the person in created_by). Identity publishes the name of every caller, a person
-- (display name, else e-mail address; nothing once erased, see Accounts.ErasedDomain) or an API key (its name), so
-- that other slices can say who did something. An import's rejection reasons are written in the language of whoever
-- started it (sv or en).
ALTER TABLE dbo.import_jobs ADD original_name nvarchar(400) NULL, created_by_key uniqueidentifier NULL,
    language varchar(2) NOT NULL CONSTRAINT df_import_jobs_language DEFAULT 'en';
GO
CREATE INDEX ix_import_jobs_key ON dbo.import_jobs (created_by_key) WHERE created_by_key IS NOT NULL;
GO
CREATE VIEW dbo.caller_names AS
SELECT id AS id, CASE WHEN email LIKE N'%@erased.invalid' THEN NULL ELSE COALESCE(display_name, email) END AS name,
       CAST('person' AS varchar(8)) AS kind FROM dbo.users
UNION ALL
SELECT id AS id, name AS name, CAST('key' AS varchar(8)) AS kind FROM dbo.api_keys;
GO
