-- Event registration: what the first answer to a registration said (so that a retry with the same Idempotency-Key
-- answers it again, whatever happened to the registration since), and the lease and back-off of the mail outbox
-- (a sender claims a row by setting its lease with a conditional update; a crashed sender's row is taken over when
-- the lease runs out; a failed send is tried again at next_attempt_at).
ALTER TABLE event_registrations ADD COLUMN answer_status TEXT NULL;
ALTER TABLE event_registrations ADD COLUMN answer_position INTEGER NULL;
ALTER TABLE event_mail ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE event_mail ADD COLUMN lease_until TEXT NULL;
ALTER TABLE event_mail ADD COLUMN next_attempt_at TEXT NULL;
