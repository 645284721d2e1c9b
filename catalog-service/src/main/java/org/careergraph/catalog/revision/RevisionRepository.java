package org.careergraph.catalog.revision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RevisionRepository extends CrudRepository<Revision, Long> {

    List<Revision> findByOccupationIdOrderByRevisionDesc(String occupationId);

    Optional<Revision> findByOccupationIdAndRevision(String occupationId, int revision);
}
