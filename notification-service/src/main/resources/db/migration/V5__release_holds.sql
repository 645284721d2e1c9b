-- A release's notice and the score change it causes reach subscribers as one alert: the first of the two to come is
-- held back from the fan-out for a short window, waiting for the other, which merges into it.
ALTER TABLE notice
    -- while set, the notice is held (fan_out_due is then the same time); cleared when a score change is merged into
    -- it or when the fan-out claims it, in the transaction that does so
    ADD COLUMN held_until      DATETIME(3)  NULL,
    -- a score notice: the event that caused the score change (a release notice coming later looks for it)
    ADD COLUMN cause_event_id  VARCHAR(128) NULL,
    -- a release notice told together with a score change: that event (webhooks get its payload as scoreChange)
    ADD COLUMN merged_event_id VARCHAR(128) NULL;
-- Looked up by occupation first: the lookup's locks then stay among the notices of the occupation being handled.
CREATE INDEX ix_notice_cause ON notice (occupation_id, cause_event_id);
