-- What one part of the application publishes for the others to read (docs/architecture.md, "Tables belong to one slice").
-- Departments: every department with its code, names, faculty code and whether it is active.
-- Infrastructure: where each background job stands.
CREATE VIEW department_directory AS
SELECT d.id        AS id,
       d.code      AS code,
       d.name_sv   AS name_sv,
       d.name_en   AS name_en,
       d.is_active AS is_active,
       f.code      AS faculty_code
FROM departments d
JOIN faculties f ON f.id = d.faculty_id;

CREATE VIEW job_status AS
SELECT id, kind, status, attempts, created_at, started_at, finished_at, error
FROM jobs;
