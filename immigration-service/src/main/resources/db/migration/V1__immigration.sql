-- Occupations as the catalog last described them (event-carried state): what rules are matched against by code.
CREATE TABLE occupation (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    code_system  VARCHAR(16)  NOT NULL,
    code         VARCHAR(16)  NOT NULL,
    title_zh     VARCHAR(200) NOT NULL,
    title_en     VARCHAR(200) NOT NULL,
    skill_level  TINYINT      NULL,
    salary_bands LONGTEXT     NOT NULL,
    revision     INT          NOT NULL,
    updated_at   DATETIME(3)  NOT NULL
);
CREATE INDEX ix_occupation_code ON occupation (code_system, code);

-- One row per country with rules. Whatever records, applies or recomputes a country's rules locks its row first,
-- so that those changes happen one after the other and each sees the rules the previous one committed.
CREATE TABLE rule_set (
    country    CHAR(2)     NOT NULL PRIMARY KEY,
    changed_at DATETIME(3) NULL
);
INSERT INTO rule_set (country, changed_at) VALUES ('NZ', NULL);

-- The audit trail: what an admin recorded, from which source, and when it took effect (applied_at; NULL while
-- announced for a later date).
CREATE TABLE policy_update (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    country        CHAR(2)       NOT NULL,
    effective_from DATE          NOT NULL,
    source         VARCHAR(500)  NOT NULL,
    note           VARCHAR(2000) NULL,
    recorded_by    VARCHAR(200)  NOT NULL,
    recorded_at    DATETIME(3)   NOT NULL,
    applied_at     DATETIME(3)   NULL
);
CREATE INDEX ix_policy_update_due ON policy_update (country, applied_at, effective_from);
CREATE INDEX ix_policy_update_recorded ON policy_update (recorded_at);

-- Effective-dated rules, one per change of an update, never edited: a later update overrides an earlier one from its
-- own date. Kinds other than GREEN_LIST_TIER (median wage, SMC thresholds...) may have no code system and code.
CREATE TABLE policy_rule (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    policy_update_id CHAR(36)    NOT NULL,
    change_index     INT         NOT NULL,
    country          CHAR(2)     NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    code_system      VARCHAR(16) NULL,
    code             VARCHAR(16) NULL,
    rule_value       VARCHAR(64) NULL,
    effective_from   DATE        NOT NULL,
    recorded_at      DATETIME(3) NOT NULL,
    CONSTRAINT fk_policy_rule_update FOREIGN KEY (policy_update_id) REFERENCES policy_update (id),
    CONSTRAINT uq_policy_rule_change UNIQUE (policy_update_id, change_index)
);
CREATE INDEX ix_policy_rule_subject ON policy_rule (country, kind, code_system, code, effective_from);

-- Each occupation's status under the rules in force, per country: what a change is detected against.
CREATE TABLE occupation_status (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occupation_id    VARCHAR(64) NOT NULL,
    country          CHAR(2)     NOT NULL,
    green_list_tier  TINYINT     NULL,
    since            DATE        NULL,
    policy_update_id CHAR(36)    NULL,
    updated_at       DATETIME(3) NOT NULL,
    CONSTRAINT uq_occupation_status UNIQUE (occupation_id, country)
);
