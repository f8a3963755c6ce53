-- Network: the moves of a support request kept on the request itself, for its history: who marked it done, who
-- withdrew it and when, and when and by whom its co-hosted event was linked (submitted: created_at/created_by;
-- approved or declined: decided_at/decided_by with decision_reason as the note or the reason).
ALTER TABLE dbo.network_support_requests ADD
    done_by          uniqueidentifier  NULL,
    withdrawn_at     datetimeoffset(7) NULL,
    withdrawn_by     uniqueidentifier  NULL,
    event_linked_at  datetimeoffset(7) NULL,
    event_linked_by  uniqueidentifier  NULL;
