-- Recruitment campaigns can be edited (their version guards it with If-Match) and closed: a closed campaign's link
-- says so to its visitors and counts no more visits or sign-ups; reopening it clears closed_at.
ALTER TABLE dbo.recruitment_campaigns ADD
    closed_at datetimeoffset(7) NULL,
    version   int               NOT NULL CONSTRAINT df_recruitment_campaigns_version DEFAULT (1);
GO
