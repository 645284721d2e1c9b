-- Who made a change is the admins' business, not the subscribers': a payload is now kept without it (recordedBy,
-- changedBy, withdrawnBy, stripped when it is written), so that webhooks get it as it is stored. The release a catalog
-- change came from (its author "release: <name>") is told in alerts, and is kept beside the payload instead.
ALTER TABLE change_event ADD COLUMN release_name VARCHAR(255) NULL AFTER payload;

-- Payloads stored by earlier versions: their release kept, their internal fields removed, once, here.
UPDATE change_event
SET release_name = SUBSTRING(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.changedBy')), 10)
WHERE JSON_VALID(payload) AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.changedBy')) LIKE 'release: %';

UPDATE change_event
SET payload = JSON_REMOVE(payload, '$.recordedBy', '$.changedBy', '$.withdrawnBy')
WHERE JSON_VALID(payload) AND JSON_CONTAINS_PATH(payload, 'one', '$.recordedBy', '$.changedBy', '$.withdrawnBy');
