package org.careergraph.catalog.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A service whose broker is unreachable starts, stays alive, and says it is not ready. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("catalog"));
        props.put("careergraph.kafka.bootstrap-servers", "localhost:1");
        return props;
    }

    @Test
    void readinessIsDownWhileTheBrokerIsUnreachableButTheServiceIsAlive() {
        HttpClientResponseException notReady = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), Map.class));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, notReady.getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health/liveness")).getStatus());
    }
}
