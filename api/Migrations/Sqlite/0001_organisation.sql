-- Faculties and departments: the organisation that members, coordinators and events hang on.
CREATE TABLE faculties (
    id          TEXT    NOT NULL PRIMARY KEY,
    code        TEXT    NOT NULL,
    name_sv     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_faculties_code ON faculties (code);

CREATE TABLE departments (
    id          TEXT    NOT NULL PRIMARY KEY,
    code        TEXT    NOT NULL,
    faculty_id  TEXT    NOT NULL REFERENCES faculties (id),
    name_sv     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    is_active   INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_departments_code ON departments (code);
CREATE INDEX ix_departments_faculty ON departments (faculty_id);
