package org.careergraph.immigration.policy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.careergraph.immigration.rules.Country;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies announced updates once their date has come, and recomputes statuses when a new day starts (a rule may have
 * ended). It reads what is due from the database rather than remembering timers, so an update whose date passed while
 * the service was down is applied at the next run.
 */
@Singleton
class DueUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(DueUpdates.class);

    private final PolicyApplier applier;

    DueUpdates(PolicyApplier applier) {
        this.applier = applier;
    }

    @Scheduled(fixedDelay = "${careergraph.immigration.apply-due-updates-every:1m}",
            initialDelay = "${careergraph.immigration.apply-due-updates-every:1m}")
    void applyDueUpdates() {
        for (Country country : Country.values()) {
            try {
                int applied = applier.catchUp(country);
                if (applied > 0) {
                    LOG.info("Applied {} policy update(s) of {} whose date has come", applied, country);
                }
            } catch (RuntimeException e) {
                LOG.warn("Applying due policy updates of {} failed; retrying at the next run", country, e);
            }
        }
    }
}
