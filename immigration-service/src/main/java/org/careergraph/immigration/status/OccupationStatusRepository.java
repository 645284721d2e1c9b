package org.careergraph.immigration.status;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OccupationStatusRepository extends CrudRepository<OccupationStatus, Long> {

    Optional<OccupationStatus> findByOccupationIdAndCountryForUpdate(String occupationId, String country);

    /**
     * Every stored status of a country: one read for a whole recomputation. Not a locking read (that would lock every
     * row the scan passes, other countries' too): the caller holds the country's rule-set lock, which every writer of
     * these rows takes first, and took it before this transaction's first read, so its snapshot has every commit.
     */
    List<OccupationStatus> findByCountry(String country);
}
