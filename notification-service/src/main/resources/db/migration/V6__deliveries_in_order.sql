-- One occupation's alerts go out in the order of its changes.
-- Its notices are fanned out in order: the fan-out's claim looks for an earlier notice of the occupation still to fan
-- out.
CREATE INDEX ix_notice_fan_out_in_order ON notice (occupation_id, fan_out_due, id);
-- A subscription's notifications about one occupation are claimed one after the other, in notice order: the
-- dispatcher's claim looks for an earlier pending one of the same subscription and occupation.
ALTER TABLE notification ADD COLUMN occupation_id VARCHAR(64) NULL;
UPDATE notification n JOIN notice c ON c.id = n.notice_id SET n.occupation_id = c.occupation_id;
ALTER TABLE notification MODIFY occupation_id VARCHAR(64) NOT NULL;
CREATE INDEX ix_notification_in_order ON notification (subscription_id, occupation_id, status, notice_id);
