package org.careergraph.catalog.search;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careergraph.catalog.occupation.Occupation;
import org.careergraph.catalog.occupation.OccupationRepository;
import org.careergraph.catalog.occupation.OccupationWritten;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.OccupationSignalRepository;
import org.careergraph.catalog.signal.SignalWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory search index in step with the database: filled at start, updated right after each commit on
 * this instance, and caught up every two seconds from {@code updated_at}, so that every replica also sees the
 * writes of the others.
 */
@Singleton
class SearchIndexer implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Rows committed late with an earlier timestamp are still picked up. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final OccupationIndex index;
    private final OccupationRepository occupations;
    private final OccupationSignalRepository signals;
    private volatile Instant watermark = Instant.EPOCH;

    SearchIndexer(OccupationIndex index, OccupationRepository occupations, OccupationSignalRepository signals) {
        this.index = index;
        this.occupations = occupations;
        this.signals = signals;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        catchUp();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOccupationWritten(OccupationWritten written) {
        reindex(Set.of(written.occupationId()));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSignalWritten(SignalWritten written) {
        reindex(Set.of(written.occupationId()));
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    synchronized void catchUp() {
        Instant since = watermark.minus(OVERLAP);
        Instant now = Instant.now();
        Set<String> changed = new HashSet<>();
        occupations.findByUpdatedAtGreaterThanEquals(since).forEach(o -> changed.add(o.id()));
        signals.findByUpdatedAtGreaterThanEquals(since).forEach(s -> changed.add(s.occupationId()));
        reindex(changed);
        if (watermark.equals(Instant.EPOCH)) {
            LOG.info("Search index built with {} occupations", changed.size());
        }
        watermark = now;
    }

    private void reindex(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, OccupationSignal> signalsById = signals.findByOccupationIdIn(ids).stream()
                .collect(Collectors.toMap(OccupationSignal::occupationId, Function.identity()));
        List<IndexedOccupation> documents = occupations.findByIdIn(ids).stream()
                .map(o -> document(o, signalsById.get(o.id()))).toList();
        index.putAll(documents);
    }

    private static IndexedOccupation document(Occupation occupation, OccupationSignal signal) {
        return new IndexedOccupation(occupation.id(), occupation.page(), occupation.archived(),
                signal == null ? null : signal.overallScore(), signal == null ? null : signal.greenListTier());
    }
}
