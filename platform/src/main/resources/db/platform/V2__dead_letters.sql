-- The dead letters of this service's consumer group, kept so that an admin can read them, replay them after a fix or
-- discard them (/api/<service>/dead-letters). DeadLetterInbox writes a row for each record that EventConsumer sent to a
-- <topic>.dlt topic: the topic stays the durable record, and a row is unique by its place on it (topic, partition,
-- offset), so reading a dead letter again stores it once, and by its origin and group, so that a record dead-lettered
-- again (a consumer that crashed before committing past it) is listed once. headers is a JSON list of {name, value | base64}; the
-- value is kept up to 1 MiB (value_size is the record's own size, truncated says something was cut).
CREATE TABLE dead_letter (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dlt_topic          VARCHAR(249) NOT NULL,
    dlt_partition      INT          NOT NULL,
    dlt_offset         BIGINT       NOT NULL,
    original_topic     VARCHAR(249) NOT NULL,
    original_partition INT          NULL,
    original_offset    BIGINT       NULL,
    consumer_group     VARCHAR(255) NOT NULL,
    record_key         VARCHAR(512) NULL,
    event_id           VARCHAR(255) NULL,
    event_type         VARCHAR(255) NULL,
    error              TEXT         NOT NULL,
    dead_lettered_at   DATETIME(3)  NOT NULL,
    stored_at          DATETIME(3)  NOT NULL,
    headers            MEDIUMTEXT   NOT NULL,
    record_value       MEDIUMBLOB   NULL,
    value_size         INT          NOT NULL,
    truncated          BOOLEAN      NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    replayed_at        DATETIME(3)  NULL,
    replayed_by        VARCHAR(255) NULL,
    discarded_at       DATETIME(3)  NULL,
    discarded_by       VARCHAR(255) NULL,
    CONSTRAINT uq_dead_letter_place UNIQUE (dlt_topic, dlt_partition, dlt_offset),
    CONSTRAINT uq_dead_letter_origin UNIQUE (consumer_group, original_topic, original_partition, original_offset)
);
CREATE INDEX ix_dead_letter_newest ON dead_letter (dead_lettered_at, id);
CREATE INDEX ix_dead_letter_state_newest ON dead_letter (state, dead_lettered_at, id);
