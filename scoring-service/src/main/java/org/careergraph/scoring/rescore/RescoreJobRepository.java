package org.careergraph.scoring.rescore;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RescoreJobRepository extends CrudRepository<RescoreJob, Long> {

    /** The oldest unfinished job no live instance holds, locked for claiming. */
    @Query("SELECT * FROM rescore_job WHERE state IN ('QUEUED', 'RUNNING') "
            + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id LIMIT 1 FOR UPDATE")
    Optional<RescoreJob> lockClaimable(Instant now);

    @Query("SELECT * FROM rescore_job WHERE id = :id FOR UPDATE")
    Optional<RescoreJob> lock(long id);

    @Query("SELECT * FROM rescore_job ORDER BY id DESC LIMIT 1")
    Optional<RescoreJob> findLatest();
}
