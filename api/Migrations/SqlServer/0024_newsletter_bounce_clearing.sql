-- Newsletters: when an admin lifts the suppression of an address, its bounces until then no longer count towards the
-- soft bounces that stop mail again (cleared_at set); they stay recorded.
ALTER TABLE dbo.newsletter_bounces ADD cleared_at datetimeoffset(7) NULL;
