CREATE TABLE occupation (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    code_system  VARCHAR(16)  NOT NULL,
    code         VARCHAR(16)  NOT NULL,
    title_zh     VARCHAR(200) NOT NULL,
    title_en     VARCHAR(200) NOT NULL,
    skill_level  TINYINT      NULL,
    salary_bands LONGTEXT     NOT NULL,
    revision     INT          NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    updated_by   VARCHAR(200) NOT NULL,
    CONSTRAINT uq_occupation_code UNIQUE (code_system, code)
);
