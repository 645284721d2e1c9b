-- A subscription's notifications are claimed one after the other, in notice order: the claim looks for an earlier
-- pending one of the same subscription.
CREATE INDEX ix_notification_in_order ON notification (subscription_id, status, notice_id);
