-- The typical entry education BLS publishes for an occupation, and the release it is from: the US routes read the
-- degree an occupation needs from it rather than from a page's words.
ALTER TABLE occupation
    ADD COLUMN entry_education VARCHAR(200) NULL,
    ADD COLUMN entry_education_source VARCHAR(200) NULL;
