-- The O*NET job zone of an occupation: where BLS publishes no typical entry education, the US routes read the degree
-- an occupation needs from it (zone 5 a master's, 4 a bachelor's, 1-3 less) rather than from a page's words.
ALTER TABLE occupation
    ADD COLUMN job_zone TINYINT NULL,
    ADD COLUMN job_zone_source VARCHAR(100) NULL;
