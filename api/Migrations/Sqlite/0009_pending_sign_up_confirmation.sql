-- A sign-up is a request, not consent: the channels it asks for wait on the pending member (a comma-separated list
-- of ConsentChannel names) until the owner of the address, signed in, confirms them; only then are they granted.
ALTER TABLE members ADD COLUMN requested_consents TEXT NULL;

-- Pending sign-ups made before this migration had their consents recorded as granted: make them requests again.
UPDATE members
SET requested_consents = (SELECT group_concat(c.channel, ',') FROM member_consents c WHERE c.member_id = members.id AND c.granted = 1),
    directory_listed = 0
WHERE status = 'Pending';
DELETE FROM member_consent_history WHERE member_id IN (SELECT id FROM members WHERE status = 'Pending');
DELETE FROM member_consents WHERE member_id IN (SELECT id FROM members WHERE status = 'Pending');
