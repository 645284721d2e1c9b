-- The eight-dimension model: inputs kept as the events carry them, a column per dimension for rankings, the history
-- of every move, model versions and the jobs that re-score the catalog under a new one. The skeleton's inputs lacked
-- most of what the model reads, so they and their scores start again from the next events.
DROP TABLE scoring_input;
DROP TABLE score;

CREATE TABLE scoring_input (
    occupation_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    facts          LONGTEXT     NULL,
    revision       INT          NULL,
    status         LONGTEXT     NULL,
    status_country VARCHAR(8)   NULL,
    status_from    DATE         NULL,
    updated_at     DATETIME(3)  NOT NULL
);

CREATE TABLE score (
    occupation_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    code_system       VARCHAR(16)  NOT NULL,
    title_en          VARCHAR(200) NULL,
    title_zh          VARCHAR(200) NULL,
    archived          BOOLEAN      NOT NULL,
    overall           DECIMAL(3,1) NOT NULL,
    income            DECIMAL(3,1) NULL,
    demand_outlook    DECIMAL(3,1) NULL,
    pr_friendliness   DECIMAL(3,1) NULL,
    ai_risk           DECIMAL(3,1) NULL,
    competition       DECIMAL(3,1) NULL,
    learning_duration DECIMAL(3,1) NULL,
    certification     DECIMAL(3,1) NULL,
    pr_difficulty     DECIMAL(3,1) NULL,
    model_version     VARCHAR(32)  NOT NULL,
    explanation       LONGTEXT     NOT NULL,
    computed_at       DATETIME(3)  NOT NULL,
    INDEX score_by_overall (overall)
);

CREATE TABLE score_history (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occupation_id    VARCHAR(64)  NOT NULL,
    overall          DECIMAL(3,1) NOT NULL,
    dimensions       LONGTEXT     NOT NULL,
    model_version    VARCHAR(32)  NOT NULL,
    reason           TEXT         NOT NULL,
    cause_event_id   VARCHAR(64)  NOT NULL,
    cause_event_type VARCHAR(100) NOT NULL,
    changed_at       DATETIME(3)  NOT NULL,
    INDEX score_history_by_occupation (occupation_id, id)
);

CREATE TABLE scoring_model (
    version    INT          NOT NULL PRIMARY KEY,
    model      LONGTEXT     NOT NULL,
    note       VARCHAR(500) NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at DATETIME(3)  NOT NULL
);

CREATE TABLE rescore_job (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    model_version INT          NOT NULL,
    cause_event_id VARCHAR(64)  NOT NULL,
    reason        TEXT         NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    total         INT          NULL,
    scored        INT          NOT NULL,
    changed       INT          NOT NULL,
    done_up_to    VARCHAR(64)  NULL,
    claimed_until DATETIME(3)  NULL,
    requested_at  DATETIME(3)  NOT NULL,
    started_at    DATETIME(3)  NULL,
    finished_at   DATETIME(3)  NULL,
    INDEX rescore_job_by_state (state, id)
);
