package org.careergraph.deploy.local;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a service cannot serve now, as its supervisor knows it; the gateway answers for it (503, readiness DOWN).
 *
 * @param state      the supervisor's state, e.g. {@code RESTARTING} or {@code GAVE_UP}
 * @param detail     what happened, to follow the service's name: "exited with code 137 and restarts in 2 s ..."
 * @param retryAfter when to try again; empty when it will not come back by itself
 */
record Outage(String state, String detail, Optional<Duration> retryAfter) {
}
