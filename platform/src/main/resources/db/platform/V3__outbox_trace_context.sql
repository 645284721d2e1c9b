-- The W3C trace context of the request or handler that wrote the event (ADR 0017); the relay sends it as the
-- CloudEvents distributed-tracing extension. Null where nothing was traced (and for rows written before).
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(55) NULL,
    ADD COLUMN tracestate VARCHAR(512) NULL;
