package org.careergraph.immigration.rules;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PolicyUpdateRepository extends CrudRepository<PolicyUpdate, String> {

    Page<PolicyUpdate> findAll(Pageable pageable);

    Page<PolicyUpdate> findByCountry(String country, Pageable pageable);

    Optional<PolicyUpdate> findByIdForUpdate(String id);

    /** The country's updates that are or will be in force: what the rule book reads sources from. */
    List<PolicyUpdate> findByCountryAndWithdrawnAtIsNull(String country);

    /** The same, as a locking read: it sees every committed update, as the rules read with it do. */
    List<PolicyUpdate> findByCountryAndWithdrawnAtIsNullForUpdate(String country);

    /** The announced updates whose date has come, in the order they take effect. */
    @Query("""
            SELECT * FROM policy_update
            WHERE country = :country AND applied_at IS NULL AND withdrawn_at IS NULL AND effective_from <= :today
            ORDER BY effective_from, recorded_at""")
    List<PolicyUpdate> findDue(String country, LocalDate today);
}
