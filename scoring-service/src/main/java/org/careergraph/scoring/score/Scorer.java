package org.careergraph.scoring.score;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.scoring.model.ScoringInput;
import org.careergraph.scoring.model.ScoringInputRepository;
import org.careergraph.scoring.model.ScoringModel;

/**
 * Applies a change of inputs and re-scores the occupation; publishes {@code score changed} only when a value
 * really changed. Runs inside the consumer's transaction, so the inputs, the score and the event commit together.
 */
@Singleton
public class Scorer {

    private final ScoringInputRepository inputs;
    private final ScoreRepository scores;
    private final Outbox outbox;

    Scorer(ScoringInputRepository inputs, ScoreRepository scores, Outbox outbox) {
        this.inputs = inputs;
        this.scores = scores;
        this.outbox = outbox;
    }

    public Optional<StoredScore> find(String occupationId) {
        return scores.findById(occupationId);
    }

    /**
     * @param change what the event says, applied to the stored inputs (or to empty ones for a new occupation)
     * @param reason why the inputs changed, in words, carried on the event
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void apply(String occupationId, UnaryOperator<ScoringInput> change, String reason,
                      ReceivedEvent<?> cause) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<ScoringInput> stored = inputs.findByOccupationIdForUpdate(occupationId);
        ScoringInput next = change.apply(stored.orElse(
                new ScoringInput(occupationId, null, null, null, false, null, now))).touched(now);
        if (stored.isPresent()) {
            inputs.update(next);
        } else {
            inputs.save(next);
        }
        if (!next.factsKnown()) {
            return;
        }
        ScoringModel.Result result = ScoringModel.score(next);
        Optional<StoredScore> before = scores.findById(occupationId);
        StoredScore after = new StoredScore(occupationId, result.score().overall(), result.score().dimensions(),
                ScoringModel.VERSION, result.explanation(), now);
        // The stored explanation always describes the latest inputs; the event only says when a value moved.
        if (before.isPresent()) {
            scores.update(after);
        } else {
            scores.save(after);
        }
        if (before.isPresent() && sameValues(before.get().score(), result.score())) {
            return;
        }
        outbox.add(new ScoreChanged(occupationId, ScoringModel.VERSION, before.map(StoredScore::score).orElse(null),
                result.score(), reason, cause.id(), cause.type().type()));
    }

    /** Numerically equal: 7.0 stored and read back as 7.00 is no change. */
    static boolean sameValues(Score a, Score b) {
        if (a.overall().compareTo(b.overall()) != 0 || !a.dimensions().keySet().equals(b.dimensions().keySet())) {
            return false;
        }
        for (Map.Entry<String, BigDecimal> d : a.dimensions().entrySet()) {
            if (d.getValue().compareTo(b.dimensions().get(d.getKey())) != 0) {
                return false;
            }
        }
        return true;
    }
}
