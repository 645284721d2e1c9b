package org.careergraph.platform.inbox;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.events.ImmigrationStatusChanged;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.platform.outbox.Outbox;

/**
 * A handler as services write them: it publishes a derived event through the outbox, then fails as often as a test
 * asks, so a test can see that a failed attempt leaves nothing behind.
 */
@Singleton
class FlakyStatusHandler implements EventHandler<ImmigrationStatusChanged> {

    private final Outbox outbox;
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    FlakyStatusHandler(Outbox outbox) {
        this.outbox = outbox;
    }


    @Override
    public void handle(ReceivedEvent<ImmigrationStatusChanged> event) {
        String id = event.payload().occupationId();
        attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        outbox.add(new ScoreChanged(id, "test", null, new Score(BigDecimal.ONE, Map.of()), "derived", event.id(),
                event.type().type()));
        if (failuresLeft.getOrDefault(id, new AtomicInteger()).getAndDecrement() > 0) {
            throw new IllegalStateException("failing on purpose for " + id);
        }
    }
}
