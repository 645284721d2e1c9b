package org.careergraph.deploy.faults;

import org.careergraph.deploy.WebhookChallenge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers every webhook 204 and records each call: path (one per subscription), webhook-id and the payload's ids. A new
 * subscription's verification request is answered ({@link WebhookChallenge}) and not recorded.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived; {@code sequence} orders the calls by arrival. */
    record Call(long sequence, String path, String webhookId, String eventId, String eventType, String occupationId) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::record);
        server.setExecutor(executor);
        server.start();
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            if (WebhookChallenge.answered(exchange, bytes)) {
                return; // a new subscription's verification, not a delivery
            }
            JsonNode payload = json.readTree(bytes);
            calls.add(new Call(sequence.incrementAndGet(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("webhook-id"), payload.path("eventId").asText(),
                    payload.path("eventType").asText(), payload.path("occupationId").asText()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The URL a subscription's deliveries go to; its path tells the calls of one subscription from another's. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
