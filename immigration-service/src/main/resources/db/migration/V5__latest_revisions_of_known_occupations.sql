-- The platform's rule for out-of-date events (ADR 0018) starts from the catalog revisions this service holds already,
-- so that an older revision replayed after the upgrade is skipped as it would be after any later event. The platform's
-- tables are migrated before the service's (PlatformSchema).
INSERT IGNORE INTO latest_revision (topic, aggregate_id, revision)
SELECT 'careergraph.occupations', id, revision FROM occupation WHERE revision IS NOT NULL;
