-- Event registration: what the first answer to a registration said (so that a retry with the same Idempotency-Key
-- answers it again, whatever happened to the registration since), and the lease and back-off of the mail outbox
-- (a sender claims a row by setting its lease with a conditional update; a crashed sender's row is taken over when
-- the lease runs out; a failed send is tried again at next_attempt_at).
ALTER TABLE dbo.event_registrations ADD answer_status varchar(16) NULL, answer_position int NULL;
ALTER TABLE dbo.event_mail ADD lease_owner varchar(100) NULL, lease_until datetimeoffset(7) NULL, next_attempt_at datetimeoffset(7) NULL;
