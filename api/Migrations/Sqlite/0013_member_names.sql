-- Members publishes the names of members for the other slices (docs/architecture.md, "Reading another slice's data"):
-- Identity shows people and audit entries by name. An erased member has no name left, only the mark.
CREATE VIEW member_names AS
SELECT id         AS id,
       user_id    AS user_id,
       first_name AS first_name,
       last_name  AS last_name,
       CASE WHEN status = 'Erased' THEN 1 ELSE 0 END AS is_erased
FROM members;
