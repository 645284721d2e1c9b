-- Email beside webhooks, filters beside occupation and prefix watches, and notices: what the service learned about
-- one occupation from one event, kept once (the Atom feed reads them) and fanned out to the watching subscriptions
-- in the background, so that the Kafka consumer never waits for thousands of inserts.

ALTER TABLE subscription
    MODIFY webhook_url VARCHAR(2048) NULL,
    ADD COLUMN channel         VARCHAR(16)  NOT NULL DEFAULT 'WEBHOOK',
    ADD COLUMN email           VARCHAR(254) NULL,
    ADD COLUMN email_delivery  VARCHAR(16)  NULL,
    -- PENDING_CONFIRMATION (email not yet confirmed), ACTIVE, DISABLED (by the subscriber or by failing deliveries)
    ADD COLUMN status          VARCHAR(24)  NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN status_reason   VARCHAR(500) NULL,
    -- the kinds of change wanted, one bit each (ChangeKind); 63 = all
    ADD COLUMN kinds           INT          NOT NULL DEFAULT 63,
    ADD COLUMN any_green_list  BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the Standard Webhooks secret (whsec_...), shown once; deliveries are signed with it
    ADD COLUMN signing_secret  VARCHAR(64)  NULL,
    -- proves a mail reached the address: carried by the confirmation and unsubscribe links
    ADD COLUMN mailbox_token   VARCHAR(64)  NULL,
    ADD COLUMN confirmed_at    DATETIME(3)  NULL;
CREATE INDEX ix_subscription_green_list ON subscription (any_green_list, id);
-- Confirmation mails to one address are limited, and unconfirmed addresses forgotten, by these.
CREATE INDEX ix_subscription_email ON subscription (email, created_at);
CREATE INDEX ix_subscription_unconfirmed ON subscription (confirmed_at, created_at);

-- A wish to hear of every immigration status change and announced policy in a country (NZ, US ...).
CREATE TABLE subscription_country (
    subscription_id CHAR(36) NOT NULL,
    country         CHAR(2)  NOT NULL,
    PRIMARY KEY (subscription_id, country),
    CONSTRAINT fk_subscription_country_subscription FOREIGN KEY (subscription_id)
        REFERENCES subscription (id) ON DELETE CASCADE
);
CREATE INDEX ix_subscription_country_match ON subscription_country (country, subscription_id);

-- One change to one occupation told by one event, in both languages. fan_out_due is set until every watching
-- subscription has its notification; fan_out_after is how far (by subscription id) the fan-out got.
CREATE TABLE notice (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id       VARCHAR(128) NOT NULL,
    event_type     VARCHAR(128) NOT NULL,
    occupation_id  VARCHAR(64)  NOT NULL,
    code_system    VARCHAR(16)  NOT NULL,
    code           VARCHAR(16)  NOT NULL,
    country        CHAR(2)      NULL,
    kinds          INT          NOT NULL,
    green_list     BOOLEAN      NOT NULL,
    title_en       VARCHAR(200) NOT NULL,
    title_zh       VARCHAR(200) NOT NULL,
    message_en     MEDIUMTEXT   NOT NULL,
    message_zh     MEDIUMTEXT   NOT NULL,
    effective_from DATE         NOT NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    -- when this service learned of it: subscriptions made later do not hear of it
    recorded_at    DATETIME(3)  NOT NULL,
    fan_out_due    DATETIME(3)  NULL,
    fan_out_after  CHAR(36)     NOT NULL DEFAULT '',
    CONSTRAINT uq_notice_event UNIQUE (event_id, occupation_id)
);
CREATE INDEX ix_notice_feed ON notice (occupation_id, id);
CREATE INDEX ix_notice_fan_out ON notice (fan_out_due);

-- The notifications written before notices existed keep their text, now in a notice of their own.
INSERT INTO notice (event_id, event_type, occupation_id, code_system, code, country, kinds, green_list, title_en,
                    title_zh, message_en, message_zh, effective_from, occurred_at, recorded_at)
SELECT n.event_id, MIN(n.event_type), n.occupation_id, COALESCE(MIN(o.code_system), ''), COALESCE(MIN(o.code), ''),
       NULL, 63, FALSE, MIN(n.title_en), MIN(n.title_zh), MIN(n.message_en), MIN(n.message_zh),
       DATE(MIN(n.created_at)), MIN(n.created_at), MIN(n.created_at)
FROM notification n
LEFT JOIN occupation o ON o.id = n.occupation_id
GROUP BY n.event_id, n.occupation_id;

ALTER TABLE notification
    ADD COLUMN notice_id   BIGINT   NULL,
    -- which claim of a dispatcher the current attempt belongs to; a late result of an older claim is ignored
    ADD COLUMN claim_token CHAR(36) NULL;
UPDATE notification n
JOIN notice c ON c.event_id = n.event_id AND c.occupation_id = n.occupation_id
SET n.notice_id = c.id;

ALTER TABLE notification
    DROP INDEX uq_notification_event,
    DROP COLUMN event_id,
    DROP COLUMN event_type,
    DROP COLUMN occupation_id,
    DROP COLUMN title_en,
    DROP COLUMN title_zh,
    DROP COLUMN message_en,
    DROP COLUMN message_zh,
    MODIFY notice_id BIGINT NOT NULL,
    ADD CONSTRAINT uq_notification_notice UNIQUE (subscription_id, notice_id),
    ADD CONSTRAINT fk_notification_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE;

-- Webhook subscriptions from before signing get a secret of their own; their owners never saw it, so to verify
-- signatures they subscribe again.
UPDATE subscription SET signing_secret = CONCAT('whsec_', TO_BASE64(RANDOM_BYTES(24))) WHERE channel = 'WEBHOOK';
