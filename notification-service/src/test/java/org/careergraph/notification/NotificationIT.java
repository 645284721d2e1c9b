package org.careergraph.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.testsupport.ServiceTest;
import org.careergraph.testsupport.TestEvents;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;

/**
 * The wiring of the notification service's integration tests: the service on the test infrastructure with a fresh
 * database, a client of it, its database and JSON mapper, the contract events on the real broker, and the fixtures a
 * test opens (a webhook receiver, a mail server), each wired into the service's properties and closed after the class.
 * What a test checks stays in the test.
 */
public abstract class NotificationIT extends ServiceTest {

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected JdbcOperations jdbc;

    @Inject
    protected JsonMapper json;

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    // All of a class's subscriptions come from one client: more than a person makes at once.
    private final Map<String, String> wired =
            new HashMap<>(Map.of("careergraph.notification.subscribe-limits.per-client-burst", "1000"));
    private Map<String, String> properties;

    /** Publishes the tests' contract events on the real broker. */
    protected final TestEvents events = opened(TestEvents.connect(TestInfrastructure.kafkaBootstrapServers()));

    protected NotificationIT() {
        this("notification");
    }

    /** {@code database}: the prefix of the test database. */
    protected NotificationIT(String database) {
        super(database);
    }

    /** A webhook receiver on 127.0.0.1, an allowed target of the service's webhooks, closed after the class. */
    protected WebhookReceiver webhookReceiver() {
        wired.put("careergraph.notification.webhook.allowed-hosts", "localhost,127.0.0.1");
        return opened(WebhookReceiver.start());
    }

    /** A mail server on a free port of 127.0.0.1, the one the service sends its mail through, stopped after the class. */
    protected GreenMail mailServer() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        opened(server::stop);
        wired.put("javamail.properties.mail.smtp.host", "127.0.0.1");
        wired.put("javamail.properties.mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
        return server;
    }

    /** The fixtures' properties under the infrastructure's and this test's own; the same map on every call. */
    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            Map<String, String> all = new HashMap<>(wired);
            all.putAll(super.getProperties());
            properties = all;
        }
        return properties;
    }

    /** Events about the tests' occupations, and waits until the service has taken them in. */
    protected OccupationEvents occupations() {
        return new OccupationEvents(events, jdbc);
    }

    /** An official release's change to an occupation, and the score change it causes. */
    protected ReleaseEvents releases() {
        return new ReleaseEvents(events, json);
    }

    /** A JSON object (a webhook's body, say) read. */
    protected Map<?, ?> read(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the one call about this event among these; asserts there is exactly one. */
    protected Map<?, ?> callFor(List<WebhookReceiver.Call> calls, String eventId) {
        List<Map<?, ?>> bodies = calls.stream().<Map<?, ?>>map(c -> read(c.body()))
                .filter(b -> eventId.equals(b.get("eventId"))).toList();
        assertEquals(1, bodies.size(), "one call for event " + eventId);
        return bodies.get(0);
    }

    /** A webhook body's message in English. */
    protected static String english(Map<?, ?> body) {
        return (String) ((Map<?, ?>) body.get("message")).get("en");
    }

    protected String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeFixtures() throws Exception {
        while (!opened.isEmpty()) {
            opened.removeFirst().close();
        }
    }

    private <T extends AutoCloseable> T opened(T fixture) {
        opened.addLast(fixture);
        return fixture;
    }
}
