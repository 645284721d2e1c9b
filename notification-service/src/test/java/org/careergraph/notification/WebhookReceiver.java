package org.careergraph.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A real HTTP server on 127.0.0.1 that records every webhook call. It answers 200, or the statuses scripted for a
 * path first (e.g. 500 once, then 200). Each test uses paths of its own.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as received; header names in lower case. */
    public record Call(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();
    private final Set<String> endless = ConcurrentHashMap.newKeySet();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    /** http://127.0.0.1:PORT/hook/NAME */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path(name);
    }

    /** The next calls to this hook get these statuses, one each; later calls get 200. */
    public void answerFirst(String name, Integer... statuses) {
        scripted.put(path(name), new ArrayDeque<>(List.of(statuses)));
    }

    /** Every call to this hook gets this status. */
    public void answerAlways(String name, int status) {
        always.put(path(name), status);
    }

    /** Every call to this hook gets this status with these response headers (Retry-After, Location ...). */
    public void answerAlways(String name, int status, Map<String, String> responseHeaders) {
        always.put(path(name), status);
        this.responseHeaders.put(path(name), responseHeaders);
    }

    /** This hook answers 200 and then a body that never ends (until the caller hangs up, or a minute passes). */
    public void answerWithEndlessBody(String name) {
        endless.add(path(name));
    }

    public List<Call> callsTo(String name) {
        return calls.stream().filter(c -> c.path().equals(path(name))).toList();
    }

    private static String path(String name) {
        return "/hook/" + name;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            calls.add(new Call(path, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Deque<Integer> next = scripted.get(path);
            Integer first = next == null ? null : next.pollFirst();
            int status = first != null ? first : always.getOrDefault(path, 200);
            if (endless.contains(path)) {
                trickle(exchange);
                return;
            }
            responseHeaders.getOrDefault(path, Map.of()).forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (OutputStream out = exchange.getResponseBody()) {
            while (System.nanoTime() < end) {
                out.write(' ');
                out.flush();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        } catch (IOException callerHungUp) {
            // what a well-behaved webhook client does after reading the status
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
