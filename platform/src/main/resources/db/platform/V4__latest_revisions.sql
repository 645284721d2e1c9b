-- The one rule for out-of-date events (ADR 0018): the latest revision handled per aggregate, for payloads that carry
-- one. A consumer skips an older revision, written in the same transaction as the processed event.
CREATE TABLE latest_revision (
    topic        VARCHAR(64)  NOT NULL,
    aggregate_id VARCHAR(128) NOT NULL,
    revision     INT          NOT NULL,
    PRIMARY KEY (topic, aggregate_id)
);
