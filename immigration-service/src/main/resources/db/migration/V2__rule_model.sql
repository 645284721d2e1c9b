-- The full rule model: rules about an occupation (code system + code) or a setting of the country's rules (rule_key,
-- e.g. the median wage for RESIDENCE), values up to a short text, an optional last day, and the United States.
ALTER TABLE policy_rule ADD COLUMN rule_key VARCHAR(32) NULL AFTER code;
ALTER TABLE policy_rule ADD COLUMN effective_to DATE NULL AFTER effective_from;
ALTER TABLE policy_rule MODIFY COLUMN rule_value VARCHAR(200) NULL;
CREATE INDEX ix_policy_rule_country_kind ON policy_rule (country, kind);

-- Withdrawn before its date: kept in the audit trail, never applied. The initial rule set is recorded by the service.
ALTER TABLE policy_update ADD COLUMN withdrawn_at DATETIME(3) NULL;
ALTER TABLE policy_update ADD COLUMN withdrawn_by VARCHAR(200) NULL;
ALTER TABLE policy_update ADD COLUMN withdrawal_reason VARCHAR(2000) NULL;

-- evaluated_on: the last day the country's statuses were recomputed for; a new day can end or start rules by date.
ALTER TABLE rule_set ADD COLUMN evaluated_on DATE NULL;
INSERT INTO rule_set (country, changed_at) VALUES ('US', NULL);

-- The whole status (what the event carries) beside the Green List columns, to tell a real change from none.
ALTER TABLE occupation_status ADD COLUMN summary LONGTEXT NULL;

-- What the US routes read from the page: the qualifications it marks as required (a degree among them or not).
ALTER TABLE occupation ADD COLUMN required_qualifications LONGTEXT NULL AFTER salary_bands;
