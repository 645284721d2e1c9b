package org.careergraph.platform.inbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.careergraph.events.EventPayload;
import org.careergraph.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an admin does with a kept dead letter: read it, replay it after a fix, or discard it.
 *
 * <p>A replay runs the kept record through the consumer's own path ({@link EventConsumer#read} and
 * {@link EventConsumer#handleOnce}), now and once, without retries, in one transaction that also marks the dead
 * letter replayed: either the event's effects and the mark are stored, or neither is. An event already processed
 * (replayed before, or delivered again and handled meanwhile) is skipped by the consumer's idempotency check, so a
 * replay never applies an event twice; nor does it apply an out-of-date revision (ADR 0018). Either way the dead letter
 * is marked replayed: the consumer has done with it what it would have done on time.
 */
@Singleton
@Requires(bean = EventConsumer.class)
class DeadLetterService {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterService.class);
    private static final int MAX_REASON_CHARS = 1000;

    private final EventConsumer consumer;
    private final DeadLetterStore store;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DeadLetterService(EventConsumer consumer, DeadLetterStore store, TransactionOperations<Connection> transactions,
                      Clock clock) {
        this.consumer = consumer;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    DeadLetterStore.Page page(@Nullable DeadLetterState state, int page, int size) {
        return transactions.executeRead(status -> sql(() -> store.list(status.getConnection(), state, page, size)));
    }

    Optional<DeadLetter> find(long id) {
        return transactions.executeRead(status -> sql(() -> store.find(status.getConnection(), id, false)));
    }

    /**
     * Replays the dead letter: 200 with it marked REPLAYED (at once if it was so already); a 422 problem when its
     * record still cannot be read, a 409 when a handler fails again, and then nothing is changed.
     */
    DeadLetter replay(long id, String admin) {
        try {
            return transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                DeadLetter letter = sql(() -> store.find(connection, id, true)).orElseThrow(() -> notFound(id));
                if (letter.truncated()) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Dead letter " + id + " was kept "
                            + "cut to size (" + letter.valueSize() + " bytes), so it cannot be replayed from here; "
                            + "replay the record at " + letter.deadLetterTopic() + " partition "
                            + letter.deadLetterPartition() + " offset " + letter.deadLetterOffset() + ".", List.of());
                }
                Optional<ReceivedEvent<EventPayload>> event;
                try {
                    event = consumer.read(letter.toRecord());
                } catch (UnreadableRecordException e) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Dead letter " + id + " still cannot "
                            + "be read as an event: " + reason(e.getCause()) + ". It stays "
                            + letter.state() + "; discard it if it can never be handled.", List.of());
                }
                if (event.isPresent()) {
                    try {
                        EventConsumer.Handling handling = consumer.handleOnce(event.get());
                        LOG.info("Replayed dead letter {} (event {}): {}", id, event.get().id(), switch (handling) {
                            case HANDLED -> "handled";
                            case PROCESSED_BEFORE -> "processed before, skipped";
                            case OUT_OF_DATE -> "a later revision was handled since, skipped";
                        });
                    } catch (RuntimeException e) {
                        throw new HandlingFailed(letter, e);
                    }
                }
                if (letter.state() != DeadLetterState.REPLAYED) {
                    sql(() -> {
                        store.markReplayed(connection, id, clock.instant(), admin);
                        return null;
                    });
                }
                return sql(() -> store.find(connection, id, false)).orElseThrow();
            });
        } catch (HandlingFailed e) {
            LOG.warn("Replaying dead letter {} failed again", id, e.getCause());
            throw new ProblemException(HttpStatus.CONFLICT, "Handling dead letter " + id + " (event "
                    + e.letter.eventId() + ") failed again: " + reason(e.getCause()) + ". Nothing was changed; it "
                    + "stays " + e.letter.state() + ".", List.of());
        }
    }

    /** Discards the dead letter (at once if it was so already); a 409 once it was replayed. */
    DeadLetter discard(long id, String admin) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            DeadLetter letter = sql(() -> store.find(connection, id, true)).orElseThrow(() -> notFound(id));
            if (letter.state() == DeadLetterState.REPLAYED) {
                throw ProblemException.conflict("Dead letter " + id + " was replayed at " + letter.replayedAt()
                        + " by " + letter.replayedBy() + ": its event is handled, there is nothing to discard.");
            }
            if (letter.state() == DeadLetterState.NEW) {
                sql(() -> {
                    store.markDiscarded(connection, id, clock.instant(), admin);
                    return null;
                });
            }
            return sql(() -> store.find(connection, id, false)).orElseThrow();
        });
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("No dead letter " + id + ".");
    }

    private static String reason(Throwable error) {
        String text = error.toString();
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
    }

    /** A handler failed during a replay: rolls the replay back, then answers 409. */
    private static final class HandlingFailed extends RuntimeException {

        private final DeadLetter letter;

        HandlingFailed(DeadLetter letter, RuntimeException cause) {
            super(cause);
            this.letter = letter;
        }
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("dead letter store: " + e.getMessage(), e);
        }
    }
}
