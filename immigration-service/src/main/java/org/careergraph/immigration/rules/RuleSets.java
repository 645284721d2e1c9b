package org.careergraph.immigration.rules;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Serializes the changes to a country's rules and statuses. Every writer (recording, withdrawing or applying an
 * update, a new day's recomputation, an occupation's) locks the country's rule set once, first, and passes the
 * {@link LockedRuleSet} down, so that two of them never compute a status from rules the other is still writing. A
 * writer of several countries (an occupation's) locks them all in {@link Country} order before anything else of
 * theirs; a rule-set holder takes no locking read of occupations, which an occupation's writer locks before.
 */
@Singleton
public class RuleSets {

    private final RuleSetRepository repository;
    private final RuleBooks books;

    RuleSets(RuleSetRepository repository, RuleBooks books) {
        this.repository = repository;
        this.books = books;
    }

    /** Locks the country's rule set until the transaction ends; the first thing a writer does, once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public LockedRuleSet lock(Country country) {
        RuleSet locked = repository.findByCountryForUpdate(country.name())
                .orElseThrow(() -> new IllegalStateException("no rule set for " + country + "; a migration is missing"));
        return new LockedRuleSet(this, books, country, locked.evaluatedOn());
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
