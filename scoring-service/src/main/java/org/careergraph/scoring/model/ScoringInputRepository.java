package org.careergraph.scoring.model;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ScoringInputRepository extends CrudRepository<ScoringInput, String> {

    /** Locks the inputs so that two events about one occupation are scored one after the other. */
    Optional<ScoringInput> findByOccupationIdForUpdate(String occupationId);
}
