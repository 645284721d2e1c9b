package org.careergraph.catalog.search;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationRepository;
import org.careergraph.catalog.occupation.OccupationWritten;
import org.careergraph.catalog.occupation.Provenance;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.OccupationSignalRepository;
import org.careergraph.catalog.signal.SignalWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory search index in step with the database: filled at start, updated right after each commit on
 * this instance, and caught up every two seconds from {@code updated_at}, so that every replica also sees the
 * writes of the others. The catch-up looks back far enough to see rows of long transactions (an NDJSON import)
 * that committed well after they were stamped, and skips versions it has indexed already.
 */
@Singleton
class SearchIndexer implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Rows committed late with an earlier timestamp (or stamped by a skewed clock) are still picked up. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);

    private final OccupationIndex index;
    private final OccupationRepository occupations;
    private final OccupationSignalRepository signals;
    private Instant watermark = Instant.EPOCH;
    /** What is indexed for each occupation: its revision and when its signals last changed. */
    private final Map<String, String> indexedVersions = new HashMap<>();

    private final Clock clock;

    SearchIndexer(OccupationIndex index, OccupationRepository occupations, OccupationSignalRepository signals,
                  Clock clock) {
        this.index = index;
        this.occupations = occupations;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        catchUp();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOccupationWritten(OccupationWritten written) {
        reindexAfterCommit(written.occupationId());
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSignalWritten(SignalWritten written) {
        reindexAfterCommit(written.occupationId());
    }

    /** The write is committed whatever happens here: a failure is left to the next catch-up, not to the caller. */
    private void reindexAfterCommit(String occupationId) {
        try {
            reindex(Set.of(occupationId));
        } catch (RuntimeException e) {
            LOG.warn("Indexing occupation {} after its commit failed; the next catch-up retries: {}", occupationId,
                    e.toString());
        }
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    synchronized void catchUp() {
        Instant since = watermark.minus(OVERLAP);
        Instant now = clock.instant();
        // Versions first (a few bytes a row), whole pages only for what moved: a release import stamps thousands of
        // rows at once, and the look-back would otherwise read them all every two seconds for ten minutes.
        Set<String> changed = new HashSet<>();
        occupations.queryByUpdatedAtGreaterThanEquals(since).stream()
                .filter(v -> !version(v.revision(), v.updatedAt()).equals(occupationPart(indexedVersions.get(v.id()))))
                .forEach(v -> changed.add(v.id()));
        signals.findByUpdatedAtGreaterThanEquals(since).stream()
                .filter(s -> !String.valueOf(s.updatedAt()).equals(signalPart(indexedVersions.get(s.occupationId()))))
                .forEach(s -> changed.add(s.occupationId()));
        reindex(changed);
        if (watermark.equals(Instant.EPOCH)) {
            LOG.info("Search index built with {} occupations", changed.size());
        }
        watermark = now;
    }

    private synchronized void reindex(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, OccupationSignal> signalsById = signals.findByOccupationIdIn(ids).stream()
                .collect(Collectors.toMap(OccupationSignal::occupationId, Function.identity()));
        List<IndexedOccupation> documents = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        for (Occupation occupation : occupations.findByIdIn(ids)) {
            OccupationSignal signal = signalsById.get(occupation.id());
            String version = version(occupation.revision(), occupation.updatedAt()) + "|"
                    + (signal == null ? "" : String.valueOf(signal.updatedAt()));
            if (!version.equals(indexedVersions.get(occupation.id()))) {
                documents.add(document(occupation, signal));
                versions.put(occupation.id(), version);
            }
        }
        if (!documents.isEmpty()) {
            index.putAll(documents);
            // Only what is indexed counts as indexed: after a failure, the next catch-up tries again.
            indexedVersions.putAll(versions);
        }
    }

    private static String version(int revision, Instant updatedAt) {
        return revision + "@" + updatedAt.toEpochMilli();
    }

    private static String occupationPart(String version) {
        return version == null ? "" : version.substring(0, version.indexOf('|'));
    }

    private static String signalPart(String version) {
        return version == null ? "" : version.substring(version.indexOf('|') + 1);
    }

    private static IndexedOccupation document(Occupation occupation, OccupationSignal signal) {
        Provenance.Source zh = occupation.provenance().of("/title/zh");
        return new IndexedOccupation(occupation.id(), occupation.page(), occupation.skillLevel(),
                zh != null && zh.kind() == Provenance.Kind.EDITORIAL_TRANSLATION, occupation.archived(), occupation.findingList().size(), signal == null ? null : signal.overallScore(),
                signal == null ? null : signal.scoreModel(), signal == null ? null : signal.greenListTier(),
                signal == null ? null : signal.statusSince());
    }
}
