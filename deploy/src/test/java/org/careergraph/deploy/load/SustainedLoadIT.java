package org.careergraph.deploy.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.careergraph.deploy.local.Service;
import org.junit.jupiter.api.Test;

/**
 * The sustained-load check (issue 17) in short: 45 s of the same steady mix through the gateway (10 s of warm-up,
 * heap after GC and consumer lag sampled every 5 s), judged by the same rules as the ten-minute run
 * ({@link SustainedLoadCheck}): no error, no service's heap after GC growing, no consumer lag growing. Its report is
 * printed, and written to {@code target/sustained-load/<run>/report.md}. {@code -Dload.duration=10m
 * -Dload.warmup=1m -Dload.sample=1m} makes it the long run.
 */
class SustainedLoadIT {

    @Test
    void aSteadyMixLeavesNoErrorNoGrowingHeapAndNoGrowingLag() throws Exception {
        LoadReport report = new SustainedLoad(LoadSettings.short45s(), System.out).run();
        String markdown = report.markdown();
        System.out.println(markdown);

        assertTrue(report.requests() >= report.settings.rate() * report.settings.duration().toSeconds() * 99 / 100,
                "every request was issued: " + report.requests());
        assertTrue(report.noError(), "no error:\n" + markdown);
        for (Service service : Service.values()) {
            assertTrue(report.heapSteady(service), service.shortName() + "'s heap after GC does not grow:\n"
                    + markdown);
        }
        assertTrue(report.lagSteady(), "consumer lag does not grow and drains:\n" + markdown);
    }
}
