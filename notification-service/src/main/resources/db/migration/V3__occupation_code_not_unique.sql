-- Occupations reach this service from events on several partitions: when one occupation leaves a code and another
-- takes it, the second may arrive first. The code identifies no row here (the id does), so it is only indexed.
CREATE INDEX ix_occupation_code ON occupation (code_system, code);
ALTER TABLE occupation DROP INDEX uq_occupation_code;
