package org.careergraph.scoring.score;

import io.micronaut.core.annotation.Nullable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.careergraph.events.FieldChange;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.PublishedFacts;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * Why occupations are re-scored: in words, the event that made it so, and the published figures that moved (all
 * carried on {@code score changed}, so that an alert can say "median pay USD 108,020 -> 112,590").
 */
public record Cause(String reason, String eventId, String eventType, List<FieldChange> figures) {

    public Cause {
        figures = List.copyOf(figures);
    }

    public Cause(String reason, String eventId, String eventType) {
        this(reason, eventId, eventType, List.of());
    }

    public static Cause of(String reason, ReceivedEvent<?> event) {
        return new Cause(reason, event.id(), event.type().type());
    }

    /** The same cause, naming the published figures that differ between the facts before and after. */
    public Cause withFigures(@Nullable OccupationFacts before, @Nullable OccupationFacts after) {
        PublishedFacts old = before == null ? null : before.published();
        PublishedFacts now = after == null ? null : after.published();
        List<FieldChange> moved = new ArrayList<>();
        for (RecordComponent component : PublishedFacts.class.getRecordComponents()) {
            Object from = old == null ? null : read(component, old);
            Object to = now == null ? null : read(component, now);
            if (!same(from, to)) {
                moved.add(new FieldChange("/published/" + component.getName(), from, to));
            }
        }
        return new Cause(reason, eventId, eventType, moved);
    }

    /** 112590.00 read back from JSON is the 112590 written. */
    private static boolean same(@Nullable Object a, @Nullable Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
    }

    private static @Nullable Object read(RecordComponent component, PublishedFacts facts) {
        try {
            return component.getAccessor().invoke(facts);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
