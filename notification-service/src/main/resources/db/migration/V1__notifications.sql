-- The occupations the catalog has announced (event-carried state): what a subscription may watch, and the titles
-- and codes that messages and policy matching need.
CREATE TABLE occupation (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    code_system VARCHAR(16)  NOT NULL,
    code        VARCHAR(16)  NOT NULL,
    title_en    VARCHAR(200) NOT NULL,
    title_zh    VARCHAR(200) NOT NULL,
    revision    INT          NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uq_occupation_code UNIQUE (code_system, code)
);

-- A subscriber's wish to hear about occupations, and where to tell them. Only the SHA-256 of the manage token is kept.
CREATE TABLE subscription (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    webhook_url       VARCHAR(2048) NOT NULL,
    manage_token_hash BINARY(32)    NOT NULL,
    created_at        DATETIME(3)   NOT NULL
);

CREATE TABLE subscription_occupation (
    subscription_id CHAR(36)    NOT NULL,
    occupation_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (subscription_id, occupation_id),
    CONSTRAINT fk_subscription_occupation_subscription FOREIGN KEY (subscription_id)
        REFERENCES subscription (id) ON DELETE CASCADE
);
-- Matching goes from an occupation to the subscriptions watching it.
CREATE INDEX ix_subscription_occupation_occupation ON subscription_occupation (occupation_id, subscription_id);

-- The payload of each event that notified someone, once, however many subscribers it reached.
CREATE TABLE change_event (
    event_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    event_type  VARCHAR(128) NOT NULL,
    payload     LONGTEXT     NOT NULL,
    received_at DATETIME(3)  NOT NULL
);

-- One message to one subscription about one occupation in one event, and the state of its delivery. The unique key
-- makes a redelivered event notify nobody twice; next_attempt_at doubles as the lease of a dispatcher that claimed it.
CREATE TABLE notification (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    subscription_id CHAR(36)     NOT NULL,
    event_id        VARCHAR(128) NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    occupation_id   VARCHAR(64)  NOT NULL,
    title_en        VARCHAR(200) NOT NULL,
    title_zh        VARCHAR(200) NOT NULL,
    message_en      MEDIUMTEXT   NOT NULL,
    message_zh      MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(3)  NOT NULL,
    last_attempt_at DATETIME(3)  NULL,
    last_error      VARCHAR(500) NULL,
    created_at      DATETIME(3)  NOT NULL,
    delivered_at    DATETIME(3)  NULL,
    CONSTRAINT uq_notification_event UNIQUE (subscription_id, event_id, occupation_id),
    CONSTRAINT fk_notification_subscription FOREIGN KEY (subscription_id)
        REFERENCES subscription (id) ON DELETE CASCADE
);
CREATE INDEX ix_notification_due ON notification (status, next_attempt_at);
CREATE INDEX ix_notification_subscription ON notification (subscription_id, created_at);
