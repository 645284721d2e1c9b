package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook client against real servers on loopback addresses: it connects to the address the policy checked
 * (pinned, never resolved again), and says what went wrong in words. The names end in .test, which no DNS answers.
 */
class WebhookClientTest {

    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithoutAskingDnsAgain() throws Exception {
        Receiver checked = receiver(InetAddress.getByName("127.0.0.2"), 0);
        Receiver rebound = receiver(InetAddress.getByName("127.0.0.3"), checked.port());
        String host = "rebind-" + UUID.randomUUID() + ".test";
        // A rebinding DNS: the first answer is the one checked, any later one points elsewhere.
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(host), name -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.3")});

        WebhookClient.Answer answer = client(policy).post("http://" + host + ":" + checked.port() + "/hook",
                Map.of(), "{}", Instant.now());

        assertNull(answer.error(), "delivered: " + answer);
        assertEquals(List.of("/hook"), List.copyOf(checked.paths));
        assertTrue(rebound.paths.isEmpty());
        assertEquals(1, lookups.get(), "resolved once, by the check: the HTTP client used the pinned address");
    }

    @Test
    void aNameThatResolvesToARefusedAddressIsNeverConnectedTo() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ServerSocket inside = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.3"));
        open.add(inside);
        Thread.ofVirtual().start(() -> {
            while (!inside.isClosed()) {
                try (Socket ignored = inside.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        String host = "inside-" + UUID.randomUUID() + ".test";
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(),
                name -> new InetAddress[]{InetAddress.getByName("127.0.0.3")});

        WebhookClient.Answer answer = client(policy).post("https://" + host + ":" + inside.getLocalPort() + "/hook",
                Map.of(), "{}", Instant.now());

        assertEquals("webhook URL refused: it must not point to a loopback, private, link-local or other non-public "
                + "address", answer.error());
        assertEquals(0, accepted.get());
    }

    @Test
    void aFailedConnectionIsToldInWordsNotExceptionNames() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("127.0.0.1"),
                name -> InetAddress.getAllByName(name));

        WebhookClient.Answer answer = client(policy).post("http://127.0.0.1:" + closedPort + "/hook", Map.of(), "{}",
                Instant.now());

        assertEquals(0, answer.status());
        assertEquals("connection refused", answer.error());
    }

    @Test
    void transportFailuresReadAsWhatHappened() {
        assertEquals("connection refused", TransportErrors.describe(new IOException(new ConnectException())));
        assertEquals("timed out connecting", TransportErrors.describe(new HttpConnectTimeoutException("x")));
        assertEquals("timed out waiting for the answer", TransportErrors.describe(new HttpTimeoutException("x")));
        assertEquals("TLS handshake failed", TransportErrors.describe(new SSLHandshakeException("PKIX path")));
        String other = TransportErrors.describe(new IOException("java.io.EOFException: EOF reached"));
        assertFalse(other.contains("Exception") || other.contains("java."), other);
    }

    private static WebhookClient client(WebhookTargetPolicy policy) {
        return new WebhookClient(policy, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    private record Receiver(HttpServer server, Queue<String> paths) {

        int port() {
            return server.getAddress().getPort();
        }
    }

    private Receiver receiver(InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        Queue<String> paths = new ConcurrentLinkedQueue<>();
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                paths.add(exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        open.add(() -> server.stop(0));
        return new Receiver(server, paths);
    }
}
