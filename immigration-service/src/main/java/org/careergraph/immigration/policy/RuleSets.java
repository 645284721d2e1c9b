package org.careergraph.immigration.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import org.careergraph.immigration.rules.Country;

/**
 * Serializes the changes to a country's rules and statuses. Recording an update, applying it and recomputing statuses
 * each lock the country's rule set first, so that two of them never compute a status from rules the other is still
 * writing.
 */
@Singleton
public class RuleSets {

    private final RuleSetRepository repository;

    RuleSets(RuleSetRepository repository) {
        this.repository = repository;
    }

    /**
     * Held until the transaction ends; taking it again in the same transaction returns at once. Returns the last day
     * the country's statuses were recomputed for (null before the first time).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public @Nullable LocalDate lock(Country country) {
        return repository.findByCountryForUpdate(country.name())
                .orElseThrow(() -> new IllegalStateException("no rule set for " + country + "; a migration is missing"))
                .evaluatedOn();
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void changed(Country country, Instant at) {
        repository.updateChangedAt(country.name(), at);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void evaluated(Country country, LocalDate on) {
        repository.updateEvaluatedOn(country.name(), on);
    }
}
