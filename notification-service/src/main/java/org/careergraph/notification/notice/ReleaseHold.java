package org.careergraph.notification.notice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long a notice from an official release waits for the score change it causes (and a score change for the
 * release notice it follows from, when it comes first), so that a subscriber gets one alert for both.
 *
 * @param window {@code careergraph.notification.release-hold.window}; 30 s unless set: long enough for the scoring
 *               service to react, short enough that an alert without a score change is not late
 */
@ConfigurationProperties("careergraph.notification.release-hold")
record ReleaseHold(@Bindable(defaultValue = "30s") Duration window) {

    ReleaseHold {
        if (window.isNegative()) {
            throw new IllegalArgumentException("careergraph.notification.release-hold.window must not be negative");
        }
    }
}
