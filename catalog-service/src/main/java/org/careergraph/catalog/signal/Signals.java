package org.careergraph.catalog.signal;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import org.careergraph.catalog.Versions;
import org.careergraph.events.EventType;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/** Keeps what the scoring and immigration services say about each occupation, to show it with the page. */
@Singleton
public class Signals {

    private final OccupationSignalRepository signals;
    private final ApplicationEventPublisher<SignalWritten> written;

    Signals(OccupationSignalRepository signals, ApplicationEventPublisher<SignalWritten> written) {
        this.signals = signals;
        this.written = written;
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

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void apply(String occupationId, UnaryOperator<OccupationSignal> change) {
        Optional<OccupationSignal> stored = signals.findByOccupationIdForUpdate(occupationId);
        OccupationSignal next = change.apply(stored.orElse(OccupationSignal.none(occupationId)));
        // updated_at is the signal's version (the search index, a read's kept answer).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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

    @Singleton
    static class ScoreChangedHandler implements EventHandler<ScoreChanged> {

        private final Signals signals;

        ScoreChangedHandler(Signals signals) {
            this.signals = signals;
        }

        @Override
        public EventType type() {
            return EventType.SCORE_CHANGED;
        }

        @Override
        public void handle(ReceivedEvent<ScoreChanged> event) {
            ScoreChanged score = event.payload();
            signals.apply(score.occupationId(), s -> new OccupationSignal(s.occupationId(), score.after().overall(),
                    score.after().dimensions(), score.modelVersion(), s.greenListTier(), s.statusSince(),
                    s.updatedAt()));
        }
    }

    @Singleton
    static class ImmigrationStatusChangedHandler implements EventHandler<ImmigrationStatusChanged> {

        private final Signals signals;

        ImmigrationStatusChangedHandler(Signals signals) {
            this.signals = signals;
        }

        @Override
        public EventType type() {
            return EventType.IMMIGRATION_STATUS_CHANGED;
        }

        @Override
        public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
            ImmigrationStatusChanged status = event.payload();
            signals.apply(status.occupationId(), s -> new OccupationSignal(s.occupationId(), s.overallScore(),
                    s.dimensions(), s.scoreModel(), status.after().greenListTier(), status.effectiveFrom(),
                    s.updatedAt()));
        }
    }
}
