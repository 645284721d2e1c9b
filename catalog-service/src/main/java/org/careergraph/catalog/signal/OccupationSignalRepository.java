package org.careergraph.catalog.signal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OccupationSignalRepository extends CrudRepository<OccupationSignal, String> {

    Optional<OccupationSignal> findByOccupationIdForUpdate(String occupationId);

    List<OccupationSignal> findByUpdatedAtGreaterThanEquals(Instant since);

    List<OccupationSignal> findByOccupationIdIn(Collection<String> occupationIds);
}
