-- Subscriptions to one webhook endpoint are capped (careergraph.notification.subscribe-limits.per-webhook-url): each
-- webhook subscription keeps its URL's normal form (WebhookUrls.endpoint: no query, port written), counted by this
-- index. Rows from before keep their URL as given, which counts them at least for the very same URL.
ALTER TABLE subscription ADD COLUMN webhook_endpoint VARCHAR(2048) NULL;
UPDATE subscription SET webhook_endpoint = webhook_url WHERE webhook_url IS NOT NULL;
CREATE INDEX ix_subscription_webhook_endpoint ON subscription (webhook_endpoint(255));

-- One row per webhook endpoint ever subscribed (the SHA-256 of its normal form), locked while a subscription to it is
-- counted and stored, so that concurrent requests on any instance cannot pass the cap together.
CREATE TABLE webhook_endpoint_lock (
    endpoint_hash BINARY(32) NOT NULL PRIMARY KEY
);
