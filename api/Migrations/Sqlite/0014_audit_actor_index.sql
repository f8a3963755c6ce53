-- Erasure takes a person's address out of the audit log entries of what they did (Accounts.EraseUserAsync), found by
-- the actor's id: an index, so that it does not scan the whole log inside the erasure's transaction.
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id) WHERE actor_id IS NOT NULL;
