package org.careergraph.notification.occupation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OccupationRepository extends CrudRepository<Occupation, String> {

    List<Occupation> findByIdIn(Collection<String> ids);

    List<Occupation> findByCodeSystemAndCodeIn(String codeSystem, Collection<String> codes);

    /** Locks the row so that two events about one occupation apply one after the other. */
    Optional<Occupation> findByIdForUpdate(String id);
}
