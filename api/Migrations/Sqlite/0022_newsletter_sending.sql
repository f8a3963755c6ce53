-- Newsletters: the hourly ceiling of newsletter mail (Newsletters:MessagesPerHour) counts the recipients sent (or in
-- flight) in the last hour, over every campaign, before each window of a send.
CREATE INDEX ix_newsletter_recipients_state_time ON newsletter_recipients (state, updated_at);
