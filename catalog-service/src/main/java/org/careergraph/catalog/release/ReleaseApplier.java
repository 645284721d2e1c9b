package org.careergraph.catalog.release;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.catalog.occupation.OccupationService.ReleaseWrite;
import org.careergraph.catalog.release.ImportLog.Outcome;
import org.careergraph.catalog.release.OfficialSources.Contribution;
import org.careergraph.catalog.release.OfficialSources.Target;
import org.careergraph.events.CodeSystem;

/**
 * Applies releases all or nothing: in one transaction it stores them, then sets what the releases in force say of
 * every occupation they define (creating the ones that do not exist yet), and checks every other occupation of
 * their code systems against the classification. Only a value that moved makes a revision and an event.
 */
@Singleton
class ReleaseApplier {

    /** Who made a revision is a column of 200 characters. */
    private static final int MAX_AUTHOR = 190;

    private final ReleaseStore store;
    private final OccupationService occupations;
    private final Classifications classifications;
    private final Clock clock;

    ReleaseApplier(ReleaseStore store, OccupationService occupations, Classifications classifications,
                   Clock clock) {
        this.store = store;
        this.occupations = occupations;
        this.classifications = classifications;
        this.clock = clock;
    }

    /** Something that watches an import's progress: how many occupations there are, and each one done. */
    interface Progress {
        void started(int total);

        void done(int count);
    }

    /** Call with the import lock held ({@link ImportLock}): it is released only after this commits. */
    @Transactional
    public Outcome apply(List<ParsedRelease> releases, String by, Progress progress) {
        Instant at = clock.instant();
        releases.forEach(release -> store.store(release, by, at));
        OfficialSources sources = OfficialSources.load(store);
        classifications.useInThisThread(sources);
        List<Target> targets = sources.targets();
        progress.started(targets.size());
        String names = releases.isEmpty() ? "the releases in force, again"
                : releases.stream().map(ParsedRelease::name).collect(Collectors.joining(", "));
        String author = "release: " + (names.length() <= MAX_AUTHOR ? names
                : releases.get(0).name() + " and " + (releases.size() - 1) + " more");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        int findings = 0;
        Set<String> defined = new HashSet<>();
        for (Target target : targets) {
            defined.add(target.id());
            Contribution contribution = sources.contribution(target);
            ReleaseWrite written = occupations.applyRelease(target.system(), target.code(), contribution.values(),
                    contribution.sources(), author);
            findings += written.occupation().findingList().isEmpty() ? 0 : 1;
            switch (written.change()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            progress.done(++done);
        }
        for (CodeSystem system : List.of(CodeSystem.SOC, CodeSystem.ANZSCO)) {
            for (String other : occupations.idsIn(system).stream().filter(id -> !defined.contains(id)).toList()) {
                findings += occupations.recheck(other).findingList().isEmpty() ? 0 : 1;
            }
        }
        return new Outcome(created, updated, unchanged, findings, "Applied " + names + ": " + targets.size()
                + " occupations, " + created + " created, " + updated + " changed, " + unchanged + " unchanged; "
                + findings + " with data-quality findings.");
    }
}
