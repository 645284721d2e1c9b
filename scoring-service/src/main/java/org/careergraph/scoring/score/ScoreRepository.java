package org.careergraph.scoring.score;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ScoreRepository extends CrudRepository<StoredScore, String> {

    List<StoredScore> findByOccupationIdIn(Collection<String> occupationIds);
}
