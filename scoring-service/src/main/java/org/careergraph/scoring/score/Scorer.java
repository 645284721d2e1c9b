package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.ModelVersion;
import org.careergraph.scoring.model.Models;

/**
 * Scores occupations and keeps their scores, history and {@code score changed} events together: an event and a
 * history row only when a value really changed. One way for one occupation (an event's inputs) and for a batch (a
 * model change): a batch reads its current scores in one query and writes them, and its history rows, in batched
 * statements; its outbox rows go in one per changed occupation (the platform's {@code Outbox.addAll}: Micronaut Data
 * does not batch inserts whose ids the database generates on MySQL).
 */
@Singleton
public class Scorer {

    private final ScoringInputRepository inputs;
    private final ScoreRepository scores;
    private final ScoreHistoryRepository history;
    private final Models models;
    private final Outbox outbox;
    private final Clock clock;

    Scorer(ScoringInputRepository inputs, ScoreRepository scores, ScoreHistoryRepository history, Models models,
           Outbox outbox, Clock clock) {
        this.inputs = inputs;
        this.scores = scores;
        this.history = history;
        this.models = models;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies an event's inputs and re-scores the occupation under the model in force. Runs inside the consumer's
     * transaction, so the inputs, the score and the event commit together.
     *
     * @param change what the event says, applied to the stored inputs (or to empty ones for a new occupation)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void apply(String occupationId, UnaryOperator<ScoringInput> change, Cause cause) {
        Instant now = now();
        Optional<ScoringInput> stored = inputs.findByOccupationIdForUpdate(occupationId);
        ScoringInput next = change.apply(stored.orElse(ScoringInput.none(occupationId))).touched(now);
        if (stored.isPresent()) {
            inputs.update(next);
        } else {
            inputs.save(next);
        }
        if (next.factsKnown()) {
            rescore(List.of(next), models.active(), cause.withFigures(stored.map(ScoringInput::facts).orElse(null),
                    next.facts()));
        }
    }

    /**
     * Scores each occupation (its facts known, its inputs locked by the caller) under {@code model}; stores every
     * score whose values, model or explanation moved.
     *
     * @return how many scores changed value, each with a history row and a {@code score changed} event
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int rescore(List<ScoringInput> batch, ModelVersion model, Cause cause) {
        Instant now = now();
        List<StoredScore> created = new ArrayList<>();
        List<StoredScore> updated = new ArrayList<>();
        List<ScoreHistory> moves = new ArrayList<>();
        List<ScoreChanged> events = new ArrayList<>();
        for (Rescored rescored : score(batch, model)) {
            ScoringInput input = rescored.input();
            ScoreCalculator.Result result = rescored.result();
            StoredScore previous = rescored.before();
            StoredScore after = StoredScore.of(input.facts(), input.occupationId(), result, now);
            if (previous == null) {
                created.add(after);
            } else if (rescored.moved() || !previous.modelVersion().equals(after.modelVersion())
                    || !sameSubject(previous, after) || !previous.explanation().equals(after.explanation())) {
                updated.add(after);
            }
            if (rescored.moved()) {
                moves.add(new ScoreHistory(null, input.occupationId(), result.score().overall(),
                        result.score().dimensions(), model.name(), cause.reason(), cause.eventId(),
                        cause.eventType(), now));
                events.add(new ScoreChanged(input.occupationId(), model.name(),
                        previous == null ? null : previous.score(), result.score(), cause.reason(), cause.eventId(),
                        cause.eventType(), cause.figures()));
            }
        }
        scores.saveAll(created);
        scores.updateAll(updated);
        history.insertAll(moves);
        outbox.addAll(events);
        return events.size();
    }

    /**
     * Scores each occupation (its facts known) under {@code model} beside its stored score, read in one query, and
     * stores nothing: what {@link #rescore} would store, so that a preview of a model sees what putting it in force
     * would do.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Rescored> score(List<ScoringInput> batch, ModelVersion model) {
        Map<String, StoredScore> before = scores.findByOccupationIdIn(batch.stream().map(ScoringInput::occupationId)
                .toList()).stream().collect(Collectors.toMap(StoredScore::occupationId, Function.identity()));
        // An occupation with nothing to rate yet (no figure, no page, no status) keeps no score until it has one.
        return batch.stream().map(input -> new Rescored(input, before.get(input.occupationId()),
                ScoreCalculator.score(input, model.model(), model.name())))
                .filter(rescored -> rescored.result().score() != null).toList();
    }

    /** An occupation scored anew, beside its stored score (null: never scored). */
    public record Rescored(ScoringInput input, @Nullable StoredScore before, ScoreCalculator.Result result) {

        /** A value moved: what gets a history row and a {@code score changed} event. */
        public boolean moved() {
            return before == null || !sameValues(before.score(), result.score());
        }
    }

    public Optional<StoredScore> find(String occupationId) {
        return scores.findById(occupationId);
    }

    /** Newest first. */
    public List<ScoreHistory> history(String occupationId, int limit) {
        return history.findByOccupationId(occupationId, Pageable.from(0, limit, Sort.of(Sort.Order.desc("id"))));
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

    private static boolean sameSubject(StoredScore a, StoredScore b) {
        return a.codeSystem().equals(b.codeSystem()) && Objects.equals(a.titleEn(), b.titleEn())
                && Objects.equals(a.titleZh(), b.titleZh()) && a.archived() == b.archived();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
