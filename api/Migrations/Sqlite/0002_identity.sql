-- Identity: people who sign in, their roles and department assignments, one-time codes, sessions,
-- API keys for integrations, and the audit log.
CREATE TABLE users (
    id               TEXT    NOT NULL PRIMARY KEY,
    email            TEXT    NOT NULL,
    display_name     TEXT    NULL,
    is_admin         INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    last_sign_in_at  TEXT    NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

-- A coordinator is a user with one or more departments.
CREATE TABLE user_departments (
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id  TEXT NOT NULL REFERENCES departments (id),
    granted_at     TEXT NOT NULL,
    PRIMARY KEY (user_id, department_id)
);
CREATE INDEX ix_user_departments_department ON user_departments (department_id);

CREATE TABLE sign_in_codes (
    id               TEXT    NOT NULL PRIMARY KEY,
    email            TEXT    NOT NULL,
    code_hash        TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    expires_at       TEXT    NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    consumed_at      TEXT    NULL,
    client_ip        TEXT    NULL
);
CREATE INDEX ix_sign_in_codes_email ON sign_in_codes (email, created_at);

CREATE TABLE sessions (
    id                   TEXT NOT NULL PRIMARY KEY,
    user_id              TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash           TEXT NOT NULL,
    csrf_token           TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    last_seen_at         TEXT NOT NULL,
    idle_expires_at      TEXT NOT NULL,
    absolute_expires_at  TEXT NOT NULL,
    revoked_at           TEXT NULL,
    user_agent           TEXT NULL,
    client_ip            TEXT NULL
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
    id            TEXT NOT NULL PRIMARY KEY,
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL,
    secret_hash   TEXT NOT NULL,
    scopes        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NULL REFERENCES users (id),
    expires_at    TEXT NULL,
    last_used_at  TEXT NULL,
    revoked_at    TEXT NULL
);
CREATE UNIQUE INDEX ux_api_keys_prefix ON api_keys (prefix);

-- Append-only: rows are inserted, never updated or deleted by the application.
CREATE TABLE audit_log (
    id           TEXT NOT NULL PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_type   TEXT NOT NULL,
    actor_id     TEXT NULL,
    actor_name   TEXT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NULL,
    entity_id    TEXT NULL,
    client_ip    TEXT NULL,
    outcome      TEXT NOT NULL,
    detail       TEXT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);

-- Keys the application generates for itself on first start (shared by every instance).
CREATE TABLE app_secrets (
    name        TEXT NOT NULL PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
