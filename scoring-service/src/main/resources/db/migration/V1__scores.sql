-- What the scoring model reads, kept from the events that carry it (event-carried state).
CREATE TABLE scoring_input (
    occupation_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    title_en        VARCHAR(200)  NULL,
    currency        CHAR(3)       NULL,
    mid_salary      DECIMAL(12,2) NULL,
    facts_known     BOOLEAN       NOT NULL,
    green_list_tier TINYINT       NULL,
    updated_at      DATETIME(3)   NOT NULL
);

CREATE TABLE score (
    occupation_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    overall       DECIMAL(4,1) NOT NULL,
    dimensions    LONGTEXT     NOT NULL,
    model_version VARCHAR(32)  NOT NULL,
    explanation   LONGTEXT     NOT NULL,
    computed_at   DATETIME(3)  NOT NULL
);
