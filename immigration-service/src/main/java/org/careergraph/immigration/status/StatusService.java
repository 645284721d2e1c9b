package org.careergraph.immigration.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.immigration.occupation.KnownOccupation;
import org.careergraph.immigration.occupation.KnownOccupationRepository;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.Explanation;
import org.careergraph.immigration.rules.LockedRuleSet;
import org.careergraph.immigration.rules.Rule;
import org.careergraph.immigration.rules.RuleBook;
import org.careergraph.immigration.rules.RuleBooks;
import org.careergraph.immigration.rules.RuleKind;
import org.careergraph.immigration.rules.RuleSets;
import org.careergraph.platform.outbox.Outbox;

/**
 * Occupations' immigration statuses. A recomputation reads the country's rules in force once, assesses each
 * occupation in memory, stores what changed, and publishes {@code immigration status changed} only for occupations
 * whose status really changed, with before and after.
 */
@Singleton
public class StatusService {

    private final RuleSets ruleSets;
    private final RuleBooks books;
    private final OccupationStatusRepository statuses;
    private final KnownOccupationRepository occupations;
    private final Outbox outbox;
    private final Clock clock;

    StatusService(RuleSets ruleSets, RuleBooks books, OccupationStatusRepository statuses,
                  KnownOccupationRepository occupations, Outbox outbox, Clock clock) {
        this.ruleSets = ruleSets;
        this.books = books;
        this.statuses = statuses;
        this.occupations = occupations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * One occupation, in every country (a recoded occupation may leave one country's rules for another's): locks
     * every country's rule set, once, before any status. A writer of one country's rules inserts statuses while it
     * holds its rule set; a status (or the gap where one goes) locked here before waiting for that rule set would
     * close a deadlock, in which the side rolled back could be the initial rule set at start.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recompute(KnownOccupation occupation, StatusCause cause) {
        List<LockedRuleSet> locked = Arrays.stream(Country.values()).map(ruleSets::lock).toList();
        for (LockedRuleSet rules : locked) {
            Country country = rules.country();
            store(occupation, rules.inForce(), country.today(clock),
                    statuses.findByOccupationIdAndCountryForUpdate(occupation.id(), country.name()).orElse(null),
                    cause);
        }
    }

    /**
     * Every occupation the country's rules speak of, after its rules or the date changed, by the rules in force the
     * caller locked (taking no lock of its own: see {@link OccupationStatusRepository#findByCountry} on why the lock
     * comes first); {@code causeOf} says, per occupation, what to name as the cause. Returns how many statuses changed.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int recomputeAll(LockedRuleSet rules, Function<KnownOccupation, StatusCause> causeOf) {
        Country country = rules.country();
        RuleBook book = rules.inForce();
        LocalDate today = country.today(clock);
        Map<String, OccupationStatus> stored = statuses.findByCountry(country.name()).stream()
                .collect(Collectors.toMap(OccupationStatus::occupationId, Function.identity()));
        int changed = 0;
        for (KnownOccupation occupation : coveredBy(country)) {
            if (store(occupation, book, today, stored.get(occupation.id()), causeOf.apply(occupation))) {
                changed++;
            }
        }
        return changed;
    }

    /** Stores the status if anything in it changed; publishes it if the summary changed. Returns whether it did. */
    private boolean store(KnownOccupation occupation, RuleBook book, LocalDate today, @Nullable OccupationStatus row,
                          StatusCause cause) {
        Assessment assessment = StatusCalculator.assess(occupation, book, today);
        ImmigrationStatus before = row == null ? ImmigrationStatus.NONE : row.current();
        ImmigrationStatus after = assessment.summary();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (row == null && !after.equals(ImmigrationStatus.NONE)) {
            statuses.save(OccupationStatus.of(null, occupation.id(), book.country().name(), assessment, now));
        } else if (row != null && row.differsFrom(assessment)) {
            // A rule confirming a tier from another date moves only "since": stored, but no change to tell.
            statuses.update(OccupationStatus.of(row.id(), occupation.id(), book.country().name(), assessment, now));
        }
        if (before.equals(after)) {
            return false;
        }
        Explanation reason = StatusTexts.reason(before, after);
        String policyUpdateId = cause.policyUpdateId() != null ? cause.policyUpdateId()
                : assessment.greenListUpdateId();
        String source = cause.policyUpdateId() != null ? cause.source() : sourceOf(assessment, policyUpdateId);
        outbox.add(new ImmigrationStatusChanged(occupation.id(), book.country().name(),
                cause.effectiveFrom() != null ? cause.effectiveFrom() : today, before, after, policyUpdateId, source,
                reason.en() + (cause.contextEn() == null ? "" : " (" + cause.contextEn() + ")"),
                reason.zh() + (cause.contextZh() == null ? "" : "（" + cause.contextZh() + "）")));
        return true;
    }

    /**
     * The status on a date, by the rules in force and, for a date to come, the rules announced for it; empty for an
     * unknown occupation. {@code country} defaults to the one whose rules speak of the occupation's code.
     */
    @Transactional(readOnly = true)
    public Optional<StatusView> statusOn(String occupationId, @Nullable Country country, @Nullable LocalDate at) {
        Optional<KnownOccupation> found = occupations.findById(occupationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KnownOccupation occupation = found.get();
        Country chosen = country != null ? country : Country.of(occupation.codeSystem()).orElse(Country.NZ);
        LocalDate date = at == null ? chosen.today(clock) : at;
        Assessment assessment = StatusCalculator.assess(occupation, books.withAnnounced(chosen), date);
        List<Rule> read = assessment.routes().stream().flatMap(r -> r.rules().stream()).distinct().toList();
        Optional<Rule> tierRule = read.stream().filter(r -> r.policyUpdateId().equals(assessment.greenListUpdateId())
                && r.kind() == RuleKind.GREEN_LIST_TIER).findFirst();
        return Optional.of(new StatusView(occupationId, occupation.codeLabel(), chosen.name(), date,
                assessment.summary().greenListTier(), assessment.greenListSince(), assessment.greenListUpdateId(),
                tierRule.map(Rule::source).orElse(null), read.stream().anyMatch(Rule::announced),
                assessment.summary(), assessment.routes(), assessment.explanation()));
    }

    /**
     * What assessing the country's occupations on {@code date} by {@code after} instead of {@code before} changes,
     * storing and publishing nothing: each occupation whose summary differs (what {@link #recomputeAll} publishes),
     * by id, and how many of those {@code touched} selects keep theirs.
     */
    @Transactional(readOnly = true)
    public StatusComparison compare(RuleBook before, RuleBook after, LocalDate date,
                                    Predicate<KnownOccupation> touched) {
        List<StatusDiff> changed = new ArrayList<>();
        int unchanged = 0;
        for (KnownOccupation occupation : coveredBy(before.country())) {
            Assessment was = StatusCalculator.assess(occupation, before, date);
            Assessment will = StatusCalculator.assess(occupation, after, date);
            if (!was.summary().equals(will.summary())) {
                changed.add(StatusDiff.of(occupation, was, will));
            } else if (touched.test(occupation)) {
                unchanged++;
            }
        }
        changed.sort(Comparator.comparing(StatusDiff::occupationId));
        return new StatusComparison(changed, unchanged);
    }

    /** The occupations whose status changes, sorted by id, and how many of those looked at keep theirs. */
    public record StatusComparison(List<StatusDiff> changed, int unchanged) {
    }

    /**
     * Each country's stored statuses against a fresh assessment of today, storing nothing: an operator's check
     * after an incident (and the fault-injection suite's), where any difference is a change that was not applied.
     * Reads the rules as a status query does (an update whose day began shows as a difference until the scheduled
     * job applies it) from one snapshot, without locks: a writer committing meanwhile may show too; ask again.
     */
    @Transactional(readOnly = true)
    public List<Consistency> consistency() {
        List<Consistency> countries = new ArrayList<>();
        for (Country country : Country.values()) {
            RuleBook book = books.withAnnounced(country);
            LocalDate today = country.today(clock);
            Map<String, OccupationStatus> stored = statuses.findByCountry(country.name()).stream()
                    .collect(Collectors.toMap(OccupationStatus::occupationId, Function.identity()));
            List<KnownOccupation> covered = coveredBy(country);
            List<String> differing = new ArrayList<>();
            for (KnownOccupation occupation : covered) {
                Assessment fresh = StatusCalculator.assess(occupation, book, today);
                OccupationStatus row = stored.get(occupation.id());
                if (row == null ? !fresh.summary().equals(ImmigrationStatus.NONE) : row.differsFrom(fresh)) {
                    differing.add(occupation.id());
                }
            }
            countries.add(new Consistency(country.name(), today, covered.size(), differing.size(),
                    differing.stream().sorted().limit(Consistency.EXAMPLES).toList()));
        }
        return countries;
    }

    /** One country's check: {@code differing} statuses of {@code occupations}, the first few named (by id). */
    @Serdeable
    public record Consistency(String country, LocalDate on, int occupations, int differing, List<String> examples) {
        static final int EXAMPLES = 20;
    }

    /** Every occupation coded in a system the country's rules speak of. */
    private List<KnownOccupation> coveredBy(Country country) {
        return occupations.findByCodeSystemIn(country.codeSystems().stream().map(Enum::name).toList());
    }

    private static @Nullable String sourceOf(Assessment assessment, @Nullable String policyUpdateId) {
        return assessment.routes().stream().flatMap(r -> r.rules().stream())
                .filter(r -> r.policyUpdateId().equals(policyUpdateId)).map(Rule::source).findFirst().orElse(null);
    }
}
