package org.careergraph.immigration.occupation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface KnownOccupationRepository extends CrudRepository<KnownOccupation, String> {

    /** Every occupation coded in one of these systems: those a country's rules speak of. */
    List<KnownOccupation> findByCodeSystemIn(Collection<String> codeSystems);

    boolean existsByCodeSystemAndCode(String codeSystem, String code);

    /** Locks the row, so that two events about one occupation are applied one after the other. */
    Optional<KnownOccupation> findByIdForUpdate(String id);
}
