-- Members publishes for the network's coverage and the coordinator's start page (docs/architecture.md): each member's
-- status, when they joined the network and whether their departments' mailings reach them, as a flag, so that the
-- network counts members per department (through member_departments) without reading a member table. No names, no
-- addresses: counts only.
-- joined_at: a sign-up joins when it is confirmed (verified_at; created_at while still pending), an imported or
-- staff-made member when the record was made.
-- reachable: 1 when the member's consent to department mailings (channel DepartmentMailings, the channel a
-- department's own mailings go out on) is in force.
CREATE VIEW member_figure_facts AS
SELECT m.id     AS member_id,
       m.status AS status,
       CASE WHEN m.source = 'SignUp' THEN COALESCE(m.verified_at, m.created_at) ELSE m.created_at END AS joined_at,
       CASE WHEN EXISTS (SELECT 1 FROM member_consents c
                         WHERE c.member_id = m.id AND c.channel = 'DepartmentMailings' AND c.granted = 1) THEN 1 ELSE 0 END AS reachable
FROM members m;
