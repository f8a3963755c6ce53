-- Interests keep the member's spelling ("AI" stays "AI"); tag_key, the lower-cased tag, is what search matches and
-- what makes two spellings of one interest the same. Tags written before this were stored lower-cased already.
ALTER TABLE member_interests ADD COLUMN tag_key TEXT NOT NULL DEFAULT '';
UPDATE member_interests SET tag_key = LOWER(tag);
DROP INDEX ix_member_interests_tag;
CREATE INDEX ix_member_interests_tag_key ON member_interests (tag_key, member_id);
