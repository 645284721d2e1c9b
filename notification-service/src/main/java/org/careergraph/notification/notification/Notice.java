package org.careergraph.notification.notification;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import org.careergraph.notification.occupation.Occupation;

/**
 * What an event means for one occupation: the message, the kinds of change it is ({@link ChangeKind} bits), the
 * country whose immigration rules it is about (status and policy events), whether it moves a Green List tier, and
 * from when it applies. Kept once, fanned out to every subscription that wants it.
 */
record Notice(Occupation occupation, Message message, int kinds, @Nullable String country, boolean greenList,
              LocalDate effectiveFrom) {
}
