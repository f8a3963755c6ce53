-- Faculties and departments: the organisation that members, coordinators and events hang on.
CREATE TABLE dbo.faculties (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_faculties PRIMARY KEY,
    code        nvarchar(16)      NOT NULL,
    name_sv     nvarchar(200)     NOT NULL,
    name_en     nvarchar(200)     NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT ux_faculties_code UNIQUE (code)
);

CREATE TABLE dbo.departments (
    id          uniqueidentifier  NOT NULL CONSTRAINT pk_departments PRIMARY KEY,
    code        nvarchar(16)      NOT NULL,
    faculty_id  uniqueidentifier  NOT NULL CONSTRAINT fk_departments_faculty REFERENCES dbo.faculties (id),
    name_sv     nvarchar(200)     NOT NULL,
    name_en     nvarchar(200)     NOT NULL,
    is_active   bit               NOT NULL CONSTRAINT df_departments_is_active DEFAULT (1),
    version     int               NOT NULL CONSTRAINT df_departments_version DEFAULT (1),
    created_at  datetimeoffset(7) NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT ux_departments_code UNIQUE (code)
);

CREATE INDEX ix_departments_faculty ON dbo.departments (faculty_id);
