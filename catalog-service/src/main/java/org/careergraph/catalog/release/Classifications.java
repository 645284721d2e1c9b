package org.careergraph.catalog.release;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careergraph.catalog.occupation.ClassificationCheck;
import org.careergraph.catalog.occupation.Finding;
import org.careergraph.catalog.occupation.Finding.Kind;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.TitleMatch;
import org.careergraph.catalog.page.OfficialRecord;
import org.careergraph.catalog.release.ReleaseRecords.AnzscoOccupation;
import org.careergraph.catalog.release.ReleaseStore.StoredRelease;
import org.careergraph.events.CodeSystem;

/**
 * The classifications in force (ANZSCO for ANZSCO codes, O*NET-SOC for SOC codes) and what an occupation's code and
 * title say against them. Read from the releases held, again when one is applied or after a few seconds (another
 * replica may have applied one).
 */
@Singleton
class Classifications implements ClassificationCheck {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final ReleaseStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;
    /** An import checks against the releases it is applying, uncommitted and so for its own thread only. */
    private final ThreadLocal<Snapshot> importing = new ThreadLocal<>();

    Classifications(ReleaseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the classifications hold: ANZSCO occupations by code, and the O*NET-SOC codes. */
    private record Snapshot(Instant readAt, StoredRelease anzscoRelease, Map<String, AnzscoOccupation> anzsco,
                            StoredRelease onetRelease, Set<String> onetCodes) {
    }

    /** This thread checks against the releases just stored in its running transaction (an import's). */
    void useInThisThread(OfficialSources sources) {
        importing.set(new Snapshot(clock.instant(), sources.inForce().get(Series.ANZSCO), sources.anzscoOccupations(),
                sources.inForce().get(Series.ONET), sources.onetCodes()));
    }

    /** After an import committed or rolled back: every thread reads the releases in force again. */
    void importEnded() {
        importing.remove();
        snapshot = null;
    }

    @Override
    public Finding.Findings findings(Occupation occupation) {
        Snapshot current = current();
        List<Finding> findings = new ArrayList<>();
        OfficialRecord official = occupation.page().official();
        if (CodeSystem.ANZSCO.name().equals(occupation.codeSystem()) && current.anzscoRelease() != null) {
            String release = "ANZSCO " + current.anzscoRelease().label();
            AnzscoOccupation listed = current.anzsco().get(occupation.code());
            if (listed == null) {
                findings.add(new Finding(Kind.CODE_NOT_IN_CLASSIFICATION, release + " has no occupation "
                        + occupation.code() + "; the page's code may come from a later version of ANZSCO or be"
                        + " wrong.", occupation.titleEn() + " (" + occupation.code() + ")", "no such code", release));
            } else if (listed.retired()) {
                findings.add(new Finding(Kind.CODE_RETIRED, release + " lists " + occupation.code() + " as retired ("
                        + listed.title() + ").", occupation.titleEn() + " (" + occupation.code() + ")",
                        listed.title(), release));
            } else {
                titleFinding(occupation, listed.title(), official, release).ifPresent(findings::add);
            }
        }
        if (CodeSystem.SOC.name().equals(occupation.codeSystem()) && current.onetRelease() != null) {
            String release = "O*NET " + current.onetRelease().label();
            if (!current.onetCodes().contains(OfficialSources.onetCode(occupation.code()))) {
                findings.add(new Finding(Kind.CODE_NOT_IN_CLASSIFICATION, release + " has no occupation "
                        + OfficialSources.onetCode(occupation.code()) + ".", occupation.titleEn() + " ("
                        + occupation.code() + ")", "no such code", release));
            } else if (official.title() != null) {
                titleFinding(occupation, official.title(), official, release).ifPresent(findings::add);
            }
        }
        return new Finding.Findings(findings);
    }

    private static Optional<Finding> titleFinding(Occupation occupation, String officialTitle,
                                                            OfficialRecord official, String release) {
        if (TitleMatch.names(occupation.titleEn(), officialTitle, official.alternateTitles())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Kind.TITLE_MISMATCH, "The page is titled '" + occupation.titleEn()
                + "', but " + release + " names code " + occupation.code() + " '" + officialTitle
                + "'. Check the page's code.", occupation.titleEn(), officialTitle, release));
    }

    private Snapshot current() {
        Snapshot own = importing.get();
        if (own != null) {
            return own;
        }
        Snapshot held = snapshot;
        if (held == null || held.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            held = read(store.inForce());
            snapshot = held;
        }
        return held;
    }

    private Snapshot read(Map<Series, StoredRelease> inForce) {
        StoredRelease anzscoRelease = inForce.get(Series.ANZSCO);
        StoredRelease onetRelease = inForce.get(Series.ONET);
        Snapshot held = snapshot;
        Map<String, AnzscoOccupation> anzsco = anzscoRelease == null ? Map.of()
                : held != null && held.anzscoRelease() != null && held.anzscoRelease().id().equals(anzscoRelease.id())
                ? held.anzsco() : store.records(anzscoRelease, AnzscoOccupation.class);
        Set<String> onetCodes = onetRelease == null ? Set.of()
                : held != null && held.onetRelease() != null && held.onetRelease().id().equals(onetRelease.id())
                ? held.onetCodes() : new HashSet<>(store.keys(onetRelease));
        return new Snapshot(clock.instant(), anzscoRelease, anzsco, onetRelease, onetCodes);
    }
}
