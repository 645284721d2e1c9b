package org.careergraph.platform.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock every service reads the time from (effective dates, retries, leases, stamps): a bean, so tests can
 * move time. Only access-token expiry is checked on the system clock (access-tokens): a caller's sign-in is real time.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
