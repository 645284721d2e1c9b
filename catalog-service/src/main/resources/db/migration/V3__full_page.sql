-- The occupation holds its whole career page as a document; titles and code stay as columns for listing and keys.
ALTER TABLE occupation
    ADD COLUMN page LONGTEXT NULL,
    ADD COLUMN editorial LONGTEXT NULL,
    ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;

-- Occupations written before the full page keep what they had: titles, code and salary bands.
UPDATE occupation
SET page = JSON_OBJECT('title', JSON_OBJECT('zh', title_zh, 'en', title_en),
                       'codeSystem', code_system, 'code', code,
                       'salaryBands', JSON_EXTRACT(salary_bands, '$'))
WHERE page IS NULL;

ALTER TABLE occupation MODIFY COLUMN page LONGTEXT NOT NULL;
ALTER TABLE occupation DROP COLUMN salary_bands;

-- What the catalog hears from the other services, to show with the page and to search by.
CREATE TABLE occupation_signal (
    occupation_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    overall_score   DECIMAL(4,1) NULL,
    dimensions      LONGTEXT     NULL,
    score_model     VARCHAR(32)  NULL,
    green_list_tier TINYINT      NULL,
    status_since    DATE         NULL,
    updated_at      DATETIME(3)  NOT NULL
);
