package org.careergraph.immigration.occupation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface KnownOccupationRepository extends CrudRepository<KnownOccupation, String> {

    /** Every occupation a rule on this code applies to (normally one: the id is made of the code). */
    List<KnownOccupation> findByCodeSystemAndCode(String codeSystem, String code);

    boolean existsByCodeSystemAndCode(String codeSystem, String code);

    /** Locks the row, so that two events about one occupation are applied one after the other. */
    Optional<KnownOccupation> findByIdForUpdate(String id);
}
