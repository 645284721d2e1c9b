package org.careergraph.immigration.rules;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RuleSetRepository extends CrudRepository<RuleSet, String> {

    Optional<RuleSet> findByCountryForUpdate(String country);

    void updateChangedAt(@Id String country, Instant changedAt);

    void updateEvaluatedOn(@Id String country, LocalDate evaluatedOn);
}
