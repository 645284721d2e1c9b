package org.careergraph.catalog.signal;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import org.careergraph.catalog.Versions;

/** Keeps what the scoring and immigration services say about each occupation, to show it with the page. */
@Singleton
public class Signals {

    private final OccupationSignalRepository signals;
    private final ApplicationEventPublisher<SignalWritten> written;
    private final Clock clock;

    Signals(OccupationSignalRepository signals, ApplicationEventPublisher<SignalWritten> written, Clock clock) {
        this.signals = signals;
        this.written = written;
        this.clock = clock;
    }

    public Optional<OccupationSignal> find(String occupationId) {
        return signals.findById(occupationId);
    }

    /** The signals of these occupations in one query, by occupation id (an occupation not yet heard of is absent). */
    public Map<String, OccupationSignal> findAll(Collection<String> occupationIds) {
        if (occupationIds.isEmpty()) {
            return Map.of();
        }
        return signals.findByOccupationIdIn(occupationIds).stream()
                .collect(Collectors.toMap(OccupationSignal::occupationId, signal -> signal));
    }

    /** Changes an occupation's signals in the caller's transaction (an event handler's). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void apply(String occupationId, UnaryOperator<OccupationSignal> change) {
        Optional<OccupationSignal> stored = signals.findByOccupationIdForUpdate(occupationId);
        OccupationSignal next = change.apply(stored.orElse(OccupationSignal.none(occupationId)));
        // updated_at is the signal's version (the search index, a read's kept answer).
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant stamp = stored.map(last -> Versions.next(last.updatedAt(), now)).orElse(now);
        OccupationSignal touched = new OccupationSignal(next.occupationId(), next.overallScore(), next.dimensions(),
                next.scoreModel(), next.greenListTier(), next.statusSince(), stamp);
        if (stored.isPresent()) {
            signals.update(touched);
        } else {
            signals.save(touched);
        }
        written.publishEvent(new SignalWritten(occupationId));
    }
}
