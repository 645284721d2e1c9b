-- Shared by every service, tracked in its own history table (platform_schema_history).

-- Transactional outbox. Columns id, aggregatetype, aggregateid, type, payload follow Debezium's outbox layout so that
-- a CDC relay could replace the polling relay (aggregatetype holds the topic, Debezium's route-by field); seq keeps the
-- order in which events were written.
CREATE TABLE outbox_event (
    seq           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id            CHAR(36)     NOT NULL,
    aggregatetype VARCHAR(64)  NOT NULL,
    aggregateid   VARCHAR(128) NOT NULL,
    type          VARCHAR(128) NOT NULL,
    payload       LONGTEXT     NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    sent_at       DATETIME(3)  NULL,
    CONSTRAINT uq_outbox_event_id UNIQUE (id)
);
CREATE INDEX ix_outbox_event_unsent ON outbox_event (sent_at, seq);

-- Idempotent consumer: one row per processed CloudEvents id, written in the same transaction as the update.
CREATE TABLE processed_event (
    event_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    event_type   VARCHAR(128) NOT NULL,
    processed_at DATETIME(3)  NOT NULL
);
