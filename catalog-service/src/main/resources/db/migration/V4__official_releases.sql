-- Where each value of an occupation came from, and what its code and title disagree on with the classification.
ALTER TABLE occupation
    ADD COLUMN provenance LONGTEXT NULL,
    ADD COLUMN findings LONGTEXT NULL;

-- A publisher's release as imported: the files it came in, and its records by code. The release in force in a
-- series is the applied one with the latest date.
CREATE TABLE data_release (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    series      VARCHAR(32)  NOT NULL,
    label       VARCHAR(64)  NOT NULL,
    released_on DATE         NOT NULL,
    files       LONGTEXT     NOT NULL,
    records     INT          NOT NULL,
    imported_by VARCHAR(200) NOT NULL,
    imported_at DATETIME(3)  NOT NULL,
    CONSTRAINT uq_data_release UNIQUE (series, label)
);

CREATE TABLE release_record (
    release_id  VARCHAR(36)  NOT NULL,
    record_key  VARCHAR(32)  NOT NULL,
    payload     LONGTEXT     NOT NULL,
    PRIMARY KEY (release_id, record_key),
    CONSTRAINT fk_record_release FOREIGN KEY (release_id) REFERENCES data_release (id) ON DELETE CASCADE
);

-- Every release import asked for: who, when, which files, how far it got and what it did (the audit trail).
CREATE TABLE release_import (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    series       LONGTEXT     NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    files        LONGTEXT     NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    requested_at DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL,
    total        INT          NOT NULL,
    done         INT          NOT NULL,
    outcome      LONGTEXT     NULL
);
CREATE INDEX ix_release_import_requested_at ON release_import (requested_at);
