package org.careergraph.scoring;

import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;

/** What the scoring service's integration tests share in their setup. */
public final class TestScoring {

    /** Retries of a failing handler without the production back-off: a poison event is dead-lettered quickly. */
    public static final Map<String, String> FAST_RETRIES = Map.of("careergraph.kafka.consumer.initial-backoff", "20ms");

    private TestScoring() {
    }

    /** The service on the test infrastructure, with {@link #FAST_RETRIES}. */
    public static Map<String, String> properties() {
        Map<String, String> properties = TestInfrastructure.serviceProperties("scoring");
        properties.putAll(FAST_RETRIES);
        return properties;
    }
}
