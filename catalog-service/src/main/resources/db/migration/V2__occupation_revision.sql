-- Every change to an occupation: who, when, which fields (before and after), and the page as it was then.
CREATE TABLE occupation_revision (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occupation_id VARCHAR(64)  NOT NULL,
    revision      INT          NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    changed_by    VARCHAR(200) NOT NULL,
    changed_at    DATETIME(3)  NOT NULL,
    changes       LONGTEXT     NOT NULL,
    snapshot      LONGTEXT     NOT NULL,
    CONSTRAINT uq_occupation_revision UNIQUE (occupation_id, revision),
    CONSTRAINT fk_revision_occupation FOREIGN KEY (occupation_id) REFERENCES occupation (id)
);
CREATE INDEX ix_occupation_updated_at ON occupation (updated_at);
