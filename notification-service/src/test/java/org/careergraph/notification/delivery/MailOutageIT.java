package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.notification.OccupationEvents;
import org.careergraph.notification.TestDatabase;
import org.careergraph.testsupport.TestOccupations;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An SMTP server that is down when a subscription is made (moved out of {@link EmailIT}, whose tests need theirs up):
 * the server here is stopped before the test and never started again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOutageIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JdbcOperations jdbc;

    private final GreenMail smtp = startSmtp();
    private final TestEvents events = TestEvents.connect(TestInfrastructure.kafkaBootstrapServers());

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("notification"));
        props.put("javamail.properties.mail.smtp.host", "127.0.0.1");
        props.put("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        return props;
    }

    @AfterAll
    void close() {
        events.close();
        smtp.stop();
    }

    @Test
    void whenTheConfirmationCannotBeSentNothingIsStored() {
        String occupationId = new OccupationEvents(events, jdbc).announce(TestOccupations.uniqueCode());
        smtp.stop();
        String address = UUID.randomUUID() + "@example.com";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/subscriptions", Map.of("email", address,
                        "occupationIds", List.of(occupationId)))));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE email = ?", address));
    }
}
