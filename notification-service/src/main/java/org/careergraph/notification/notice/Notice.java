package org.careergraph.notification.notice;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import org.careergraph.notification.occupation.Occupation;

/**
 * What an event means for one occupation: the message, the kinds of change it is ({@link NoticeKind} bits), the
 * country whose immigration rules it is about (status and policy events), whether it moves a Green List tier, and
 * from when it applies. Kept once, fanned out to every subscription that wants it.
 *
 * <p>A release's notice and the score change it causes are told as one ({@link ReleaseScores}): {@code heldUntil}
 * holds a notice back from the fan-out while it waits for its partner, {@code causeEventId} is the event that caused a
 * score notice (a release notice coming after it looks for it), {@code mergedEventId} the score event told within
 * a release's notice.
 */
public record Notice(Occupation occupation, Message message, int kinds, @Nullable String country, boolean greenList,
              LocalDate effectiveFrom, @Nullable Instant heldUntil, @Nullable String causeEventId,
              @Nullable String mergedEventId) {

    public Notice(Occupation occupation, Message message, int kinds, @Nullable String country, boolean greenList,
                  LocalDate effectiveFrom) {
        this(occupation, message, kinds, country, greenList, effectiveFrom, null, null, null);
    }

    /** Not fanned out before {@code until}, unless its partner comes first. */
    Notice heldUntil(Instant until) {
        return new Notice(occupation, message, kinds, country, greenList, effectiveFrom, until, causeEventId,
                mergedEventId);
    }

    /** A score notice caused by this event (found by it when the event's own notice comes later). */
    Notice causedBy(String eventId) {
        return new Notice(occupation, message, kinds, country, greenList, effectiveFrom, heldUntil, eventId,
                mergedEventId);
    }

    /** Told together with the score event {@code scoreEventId}: this message, and the score's kind besides its own. */
    Notice mergedWith(String scoreEventId, Message merged) {
        return new Notice(occupation, merged, kinds | NoticeKind.SCORE.bit(), country, greenList, effectiveFrom, null,
                null, scoreEventId);
    }
}
