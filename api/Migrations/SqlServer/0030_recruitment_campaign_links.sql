-- Members publishes its recruitment campaigns' links for the coordinator network's toolkit, which fills a department's
-- newest open link (and its QR code) into ready messages. closed_at: null while the link is open.
CREATE VIEW dbo.recruitment_campaign_links AS
SELECT id            AS id,
       department_id AS department_id,
       channel       AS channel,
       label         AS label,
       token         AS token,
       closed_at     AS closed_at,
       created_at    AS created_at
FROM dbo.recruitment_campaigns;
