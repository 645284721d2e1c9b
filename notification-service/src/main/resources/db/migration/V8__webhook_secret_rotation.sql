-- Webhook signing-secret rotation: the secret a rotation replaced stays valid (deliveries carry its signature beside
-- the new one's) until previous_secret_expires_at; then it is nulled. Stored like signing_secret, as it is: every
-- delivery must be signed with it. The index finds the few subscriptions in an overlap without scanning them all.
ALTER TABLE subscription
    ADD COLUMN previous_signing_secret    VARCHAR(64) NULL,
    ADD COLUMN previous_secret_expires_at DATETIME(3) NULL;
CREATE INDEX ix_subscription_previous_secret_expires ON subscription (previous_secret_expires_at);
