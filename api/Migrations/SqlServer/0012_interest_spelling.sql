-- Interests keep the member's spelling ("AI" stays "AI"); tag_key, the lower-cased tag, is what search matches and
-- what makes two spellings of one interest the same. Tags written before this were stored lower-cased already.
ALTER TABLE dbo.member_interests ADD tag_key nvarchar(50) NOT NULL CONSTRAINT df_member_interests_tag_key DEFAULT N'';
GO
UPDATE dbo.member_interests SET tag_key = LOWER(tag);
DROP INDEX ix_member_interests_tag ON dbo.member_interests;
CREATE INDEX ix_member_interests_tag_key ON dbo.member_interests (tag_key, member_id);
GO
