-- A wish to hear about every occupation whose code in one code system starts with a prefix, also about occupations
-- the catalog has not created yet. code_system is a CodeSystem name (ANZSCO, SOC ...); prefix is digits and '-'.
CREATE TABLE subscription_code_prefix (
    subscription_id CHAR(36)    NOT NULL,
    code_system     VARCHAR(16) NOT NULL,
    prefix          VARCHAR(16) NOT NULL,
    PRIMARY KEY (subscription_id, code_system, prefix),
    CONSTRAINT fk_subscription_code_prefix_subscription FOREIGN KEY (subscription_id)
        REFERENCES subscription (id) ON DELETE CASCADE
);
-- Matching looks up each leading part of an occupation's code (2, 25, 254, 2544 ...) for its code system.
CREATE INDEX ix_subscription_code_prefix_match ON subscription_code_prefix (code_system, prefix, subscription_id);
