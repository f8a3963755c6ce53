-- A sign-up is a request, not consent: the channels it asks for wait on the pending member (a comma-separated list
-- of ConsentChannel names) until the owner of the address, signed in, confirms them; only then are they granted.
ALTER TABLE dbo.members ADD requested_consents nvarchar(400) NULL;
GO
-- Pending sign-ups made before this migration had their consents recorded as granted: make them requests again.
UPDATE m
SET m.requested_consents = (SELECT STRING_AGG(c.channel, ',') FROM dbo.member_consents c WHERE c.member_id = m.id AND c.granted = 1),
    m.directory_listed = 0
FROM dbo.members m
WHERE m.status = 'Pending';
DELETE FROM dbo.member_consent_history WHERE member_id IN (SELECT id FROM dbo.members WHERE status = 'Pending');
DELETE FROM dbo.member_consents WHERE member_id IN (SELECT id FROM dbo.members WHERE status = 'Pending');
GO
