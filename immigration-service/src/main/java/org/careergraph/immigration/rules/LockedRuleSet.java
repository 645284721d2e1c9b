package org.careergraph.immigration.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A country's rule set, locked until the transaction ends ({@link RuleSets#lock}), and its rules in force. The writer
 * that took the lock passes it down to applying and recomputing, which take no lock of their own. The rules in force
 * are read once, on first use, with locking reads; updates put in force in the transaction are added in memory, never
 * read back. One transaction's, never shared.
 */
public final class LockedRuleSet {

    private final RuleSets ruleSets;
    private final RuleBooks books;
    private final Country country;
    private final @Nullable LocalDate evaluatedOn;
    private @Nullable RuleBook inForce;

    LockedRuleSet(RuleSets ruleSets, RuleBooks books, Country country, @Nullable LocalDate evaluatedOn) {
        this.ruleSets = ruleSets;
        this.books = books;
        this.country = country;
        this.evaluatedOn = evaluatedOn;
    }

    public Country country() {
        return country;
    }

    /** The last day the country's statuses were recomputed for, when the lock was taken (null before the first). */
    public @Nullable LocalDate evaluatedOn() {
        return evaluatedOn;
    }

    /** The rules in force: read at the first call (two queries), then as this transaction put rules in force. */
    public RuleBook inForce() {
        if (inForce == null) {
            inForce = books.inForce(country);
        }
        return inForce;
    }

    /**
     * Puts rules in force at {@code at}: those of updates applied now, read with their applied update. Call it before
     * storing the updates as applied, so that the rules in force are not read with them (twice).
     */
    public RuleBook putInForce(List<Rule> started, Instant at) {
        inForce = inForce().plus(started);
        ruleSets.changed(country, at);
        return inForce;
    }

    /** Records that the country's statuses are now computed for {@code on}. */
    public void evaluated(LocalDate on) {
        ruleSets.evaluated(country, on);
    }
}
