-- Member search at scale (hundreds of thousands of members).
--
-- Free text stays LIKE '%fragment%' on SQL Server (its full-text search matches words and prefixes, not fragments);
-- a narrow index holds what the search reads, so a fragment search scans it instead of the whole table.
CREATE INDEX ix_members_search_text ON dbo.members (status) INCLUDE (search_text, last_name, first_name);

-- Lists sorted by name, walked in order: the whole sort key and the status. The offers' filtered indexes match the
-- literal predicates (offers_mentor = 1, ...) the search writes.
DROP INDEX ix_members_last_name ON dbo.members;
CREATE INDEX ix_members_name ON dbo.members (last_name, first_name, id) INCLUDE (status);
CREATE INDEX ix_members_country ON dbo.members (country, last_name, first_name, id) INCLUDE (status);
CREATE INDEX ix_members_offers_mentor ON dbo.members (last_name, first_name, id) INCLUDE (status) WHERE offers_mentor = 1;
CREATE INDEX ix_members_offers_guest_lecture ON dbo.members (last_name, first_name, id) INCLUDE (status) WHERE offers_guest_lecture = 1;
CREATE INDEX ix_members_offers_study_visit ON dbo.members (last_name, first_name, id) INCLUDE (status) WHERE offers_study_visit = 1;
CREATE INDEX ix_members_offers_panel ON dbo.members (last_name, first_name, id) INCLUDE (status) WHERE offers_panel = 1;

-- Graduation years alone (department and faculty already lead ix_member_affiliations_department).
CREATE INDEX ix_member_affiliations_end_year ON dbo.member_affiliations (end_year) INCLUDE (department_id);
