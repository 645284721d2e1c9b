package org.careergraph.scoring.score;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ScoreHistoryRepository extends CrudRepository<ScoreHistory, Long> {

    List<ScoreHistory> findByOccupationId(String occupationId, Pageable pageable);
}
