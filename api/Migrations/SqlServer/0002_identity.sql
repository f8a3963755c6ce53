-- Identity: people who sign in, their roles and department assignments, one-time codes, sessions,
-- API keys for integrations, and the audit log.
CREATE TABLE dbo.users (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    email            nvarchar(320)     NOT NULL,
    display_name     nvarchar(200)     NULL,
    is_admin         bit               NOT NULL CONSTRAINT df_users_is_admin DEFAULT (0),
    created_at       datetimeoffset(7) NOT NULL,
    updated_at       datetimeoffset(7) NOT NULL,
    last_sign_in_at  datetimeoffset(7) NULL,
    CONSTRAINT ux_users_email UNIQUE (email)
);

-- A coordinator is a user with one or more departments.
CREATE TABLE dbo.user_departments (
    user_id        uniqueidentifier  NOT NULL CONSTRAINT fk_user_departments_user REFERENCES dbo.users (id) ON DELETE CASCADE,
    department_id  uniqueidentifier  NOT NULL CONSTRAINT fk_user_departments_department REFERENCES dbo.departments (id),
    granted_at     datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_user_departments PRIMARY KEY (user_id, department_id)
);
CREATE INDEX ix_user_departments_department ON dbo.user_departments (department_id);

CREATE TABLE dbo.sign_in_codes (
    id               uniqueidentifier  NOT NULL CONSTRAINT pk_sign_in_codes PRIMARY KEY,
    email            nvarchar(320)     NOT NULL,
    code_hash        varchar(64)       NOT NULL,
    created_at       datetimeoffset(7) NOT NULL,
    expires_at       datetimeoffset(7) NOT NULL,
    failed_attempts  int               NOT NULL CONSTRAINT df_sign_in_codes_failed DEFAULT (0),
    consumed_at      datetimeoffset(7) NULL,
    client_ip        varchar(45)       NULL
);
CREATE INDEX ix_sign_in_codes_email ON dbo.sign_in_codes (email, created_at);

CREATE TABLE dbo.sessions (
    id                   uniqueidentifier  NOT NULL CONSTRAINT pk_sessions PRIMARY KEY,
    user_id              uniqueidentifier  NOT NULL CONSTRAINT fk_sessions_user REFERENCES dbo.users (id) ON DELETE CASCADE,
    token_hash           varchar(64)       NOT NULL,
    csrf_token           varchar(64)       NOT NULL,
    created_at           datetimeoffset(7) NOT NULL,
    last_seen_at         datetimeoffset(7) NOT NULL,
    idle_expires_at      datetimeoffset(7) NOT NULL,
    absolute_expires_at  datetimeoffset(7) NOT NULL,
    revoked_at           datetimeoffset(7) NULL,
    user_agent           nvarchar(400)     NULL,
    client_ip            varchar(45)       NULL,
    CONSTRAINT ux_sessions_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_sessions_user ON dbo.sessions (user_id);

CREATE TABLE dbo.api_keys (
    id            uniqueidentifier  NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name          nvarchar(200)     NOT NULL,
    prefix        varchar(32)       NOT NULL,
    secret_hash   varchar(64)       NOT NULL,
    scopes        nvarchar(1000)    NOT NULL,
    created_at    datetimeoffset(7) NOT NULL,
    created_by    uniqueidentifier  NULL CONSTRAINT fk_api_keys_created_by REFERENCES dbo.users (id),
    expires_at    datetimeoffset(7) NULL,
    last_used_at  datetimeoffset(7) NULL,
    revoked_at    datetimeoffset(7) NULL,
    CONSTRAINT ux_api_keys_prefix UNIQUE (prefix)
);

-- Append-only: rows are inserted, never updated or deleted by the application.
CREATE TABLE dbo.audit_log (
    id           uniqueidentifier  NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY NONCLUSTERED,
    at           datetimeoffset(7) NOT NULL,
    actor_type   varchar(16)       NOT NULL,
    actor_id     nvarchar(64)      NULL,
    actor_name   nvarchar(320)     NULL,
    action       varchar(64)       NOT NULL,
    entity_type  varchar(64)       NULL,
    entity_id    nvarchar(320)     NULL,
    client_ip    varchar(45)       NULL,
    outcome      varchar(16)       NOT NULL,
    detail       nvarchar(1000)    NULL
);
CREATE CLUSTERED INDEX ix_audit_log_at ON dbo.audit_log (at);
CREATE INDEX ix_audit_log_entity ON dbo.audit_log (entity_type, entity_id);

-- Keys the application generates for itself on first start (shared by every instance).
CREATE TABLE dbo.app_secrets (
    name        varchar(64)       NOT NULL CONSTRAINT pk_app_secrets PRIMARY KEY,
    value       varchar(200)      NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
