-- Member search at scale (hundreds of thousands of members).
--
-- Free text: a trigram full-text index over members.search_text, so a fragment of three or more characters is found
-- without reading every member. It is an external-content index keyed on the members' rowid. The triggers below keep
-- it in step when a member's search text changes or a member is deleted; a new member is indexed by the statement that
-- adds it (MemberSql.IndexNewMember, or once per batch in the import), because with an insert trigger writing the
-- full-text index every single-row insert flushes the index's pending data (measured: raw inserts 2.5 times slower).
-- Any new INSERT INTO members must index the member the same way.
-- VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY: after a VACUUM, rebuild the index with
--   INSERT INTO members_search (members_search) VALUES ('rebuild');
CREATE VIRTUAL TABLE members_search USING fts5 (search_text, content = 'members', content_rowid = 'rowid', tokenize = 'trigram');
INSERT INTO members_search (members_search) VALUES ('rebuild');

CREATE TRIGGER tr_members_search_delete AFTER DELETE ON members BEGIN
    INSERT INTO members_search (members_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER tr_members_search_update AFTER UPDATE OF search_text ON members BEGIN
    INSERT INTO members_search (members_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO members_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- Lists sorted by name, walked in order: the whole sort key and the status, so a page and a count need no table read.
DROP INDEX ix_members_last_name;
CREATE INDEX ix_members_name ON members (last_name, first_name, id, status);
CREATE INDEX ix_members_country ON members (country, last_name, first_name, id, status);
CREATE INDEX ix_members_offers_mentor ON members (last_name, first_name, id, status) WHERE offers_mentor = 1;
CREATE INDEX ix_members_offers_guest_lecture ON members (last_name, first_name, id, status) WHERE offers_guest_lecture = 1;
CREATE INDEX ix_members_offers_study_visit ON members (last_name, first_name, id, status) WHERE offers_study_visit = 1;
CREATE INDEX ix_members_offers_panel ON members (last_name, first_name, id, status) WHERE offers_panel = 1;
CREATE INDEX ix_members_created ON members (created_at, id, status);

-- The studies a filter picks (department, faculty, graduation years) give member ids without a table read.
DROP INDEX ix_member_affiliations_department;
CREATE INDEX ix_member_affiliations_department ON member_affiliations (department_id, end_year, member_id);
CREATE INDEX ix_member_affiliations_end_year ON member_affiliations (end_year, member_id);
DROP INDEX ix_member_consents_channel;
CREATE INDEX ix_member_consents_channel ON member_consents (channel, granted, member_id);
