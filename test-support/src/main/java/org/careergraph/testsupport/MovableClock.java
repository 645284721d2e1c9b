package org.careergraph.testsupport;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in its tests (it replaces the platform's Clock bean): real time, until a test moves it to another
 * moment or ahead by a while (time keeps running there).
 */
@Singleton
@Replaces(Clock.class)
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void moveTo(LocalDateTime localTime, ZoneId zone) {
        offset = Duration.between(Instant.now(), localTime.atZone(zone).toInstant());
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
