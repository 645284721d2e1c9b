package org.careergraph.immigration.status;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OccupationStatusRepository extends CrudRepository<OccupationStatus, Long> {

    Optional<OccupationStatus> findByOccupationIdAndCountryForUpdate(String occupationId, String country);

    /** Every stored status of a country, locked: one read for a whole recomputation. */
    List<OccupationStatus> findByCountryForUpdate(String country);
}
