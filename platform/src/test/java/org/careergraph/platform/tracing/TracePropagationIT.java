package org.careergraph.platform.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.careergraph.events.Score;
import org.careergraph.events.ScoreChanged;
import org.careergraph.events.Topics;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;
import org.careergraph.platform.outbox.Outbox;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;

/**
 * A trace crosses HTTP -> Kafka -> HTTP on a real broker and database: a request carrying a traceparent writes an
 * event to the outbox, the relay sends it with the CloudEvents distributed-tracing extension, the consumer continues
 * the trace, and the HTTP call its handler makes carries the same trace id (ADR 0017).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePropagationIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    EmbeddedServer server;

    @Inject
    CalledBack calledBack;

    @Inject
    Outbox outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TopicProbe published = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.SCORES);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("platform_tracing"));
        props.put("micronaut.application.name", "platform-tracing-test");
        return props;
    }

    @AfterAll
    void close() {
        published.close();
        http.close();
    }

    @Test
    void theTraceOfARequestReachesTheCallAHandlerMakes() throws Exception {
        String id = TestInfrastructure.uniqueId("traced");
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/platform/tracing/scores/" + id))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .header("tracestate", "vendor=abc")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        // Over Kafka: the CloudEvents distributed-tracing extension, a child of the request's server span.
        await().atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 1);
        Map<String, String> headers = TopicProbe.headers(published.recordsWithKey(id).get(0));
        String sent = headers.get("ce_traceparent");
        assertNotNull(sent, headers.toString());
        assertEquals(TRACE_ID, sent.split("-")[1]);
        assertNotEquals(CALLER_SPAN_ID, sent.split("-")[2], "the service's own server span is the parent");
        assertEquals("vendor=abc", headers.get("ce_tracestate"));

        // Out over HTTP from the handler, inside the consumer span: the same trace, its own span.
        await().atMost(WAIT).until(() -> calledBack.traceparents.containsKey(id));
        String called = calledBack.traceparents.get(id);
        assertEquals(TRACE_ID, called.split("-")[1], called);
        assertNotEquals(sent.split("-")[2], called.split("-")[2], "the consumer span is the parent");
        assertEquals(TRACE_ID, calledBack.handlerLogTraceIds.get(id), "the handler's logs carry the trace id");
    }

    @Test
    void anEventWrittenOutsideATraceHasNoTraceContext() {
        String id = TestInfrastructure.uniqueId("untraced");
        transactions.executeWrite(status -> outbox.add(score(id)));

        await().atMost(WAIT).until(() -> published.recordsWithKey(id).size() == 1);
        Map<String, String> headers = TopicProbe.headers(published.recordsWithKey(id).get(0));
        assertTrue(!headers.containsKey("ce_traceparent") && !headers.containsKey("ce_tracestate"), headers.toString());
    }

    private static ScoreChanged score(String id) {
        return new ScoreChanged(id, "test", null, new Score(BigDecimal.TEN, Map.of()), "test", "cause", "test");
    }

    @Controller("/api/platform/tracing")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class TracedController {

        private final Outbox outbox;
        private final TransactionOperations<Connection> transactions;
        private final CalledBack calledBack;

        TracedController(Outbox outbox, TransactionOperations<Connection> transactions, CalledBack calledBack) {
            this.outbox = outbox;
            this.transactions = transactions;
            this.calledBack = calledBack;
        }

        @Post("/scores/{id}")
        @ExecuteOn(TaskExecutors.BLOCKING)
        String write(@PathVariable String id) {
            return transactions.executeWrite(status -> outbox.add(score(id)));
        }

        @Post("/called-back/{id}")
        void calledBack(@PathVariable String id, HttpRequest<?> request) {
            calledBack.traceparents.put(id, request.getHeaders().get("traceparent"));
        }
    }

    /** What the handler saw and what its call brought back to the controller. */
    @Singleton
    static class CalledBack {
        final Map<String, String> traceparents = new ConcurrentHashMap<>();
        final Map<String, String> handlerLogTraceIds = new ConcurrentHashMap<>();
    }

    /** Calls back over HTTP for the events of this test, with the current trace as any outgoing call does. */
    @Singleton
    static class CallingHandler implements EventHandler<ScoreChanged> {

        private final Provider<EmbeddedServer> server;
        private final CalledBack calledBack;
        private final String service;
        private final String callBackUrl;
        private final HttpClient http = HttpClient.newHttpClient();

        CallingHandler(Provider<EmbeddedServer> server, CalledBack calledBack,
                       @Value("${micronaut.application.name}") String service,
                       @Value("${tracing-test.call-back-url:}") String callBackUrl) {
            this.server = server;
            this.calledBack = calledBack;
            this.service = service;
            this.callBackUrl = callBackUrl;
        }


        @Override
        public void handle(ReceivedEvent<ScoreChanged> event) {
            String id = event.payload().aggregateId();
            if (!id.startsWith("traced")) {
                return;
            }
            calledBack.handlerLogTraceIds.put(id, String.valueOf(MDC.get(TraceContext.MDC_TRACE_ID)));
            // Back to this service, or to the receiver a test names (TwoServicesTraceIT), saying who calls.
            String base = callBackUrl.isEmpty() ? server.get().getURL() + "/api/platform/tracing/called-back" : callBackUrl;
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(base + "/" + id))
                    .header("X-Calling-Service", service)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
            TraceContext.currentHeaders().forEach(request::header);
            try {
                http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
