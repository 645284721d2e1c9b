package org.careergraph.scoring.model;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ModelVersionRepository extends CrudRepository<ModelVersion, Integer> {

    @Query("SELECT * FROM scoring_model ORDER BY version DESC LIMIT 1")
    Optional<ModelVersion> findLatest();

    /** The model in force, locked so that two admins cannot put the same next version. */
    @Query("SELECT * FROM scoring_model ORDER BY version DESC LIMIT 1 FOR UPDATE")
    Optional<ModelVersion> lockLatest();
}
