-- Network: the moves of a support request kept on the request itself, for its history: who marked it done, who
-- withdrew it and when, and when and by whom its co-hosted event was linked (submitted: created_at/created_by;
-- approved or declined: decided_at/decided_by with decision_reason as the note or the reason).
ALTER TABLE network_support_requests ADD COLUMN done_by TEXT NULL;
ALTER TABLE network_support_requests ADD COLUMN withdrawn_at TEXT NULL;
ALTER TABLE network_support_requests ADD COLUMN withdrawn_by TEXT NULL;
ALTER TABLE network_support_requests ADD COLUMN event_linked_at TEXT NULL;
ALTER TABLE network_support_requests ADD COLUMN event_linked_by TEXT NULL;
