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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 that records every webhook call. It answers 200, or the statuses scripted for a
 * path first (e.g. 500 once, then 200). Each test uses paths of its own.
 *
 * <p>A verification request (a new subscription's, body {@code {"type":"webhook.verification","challenge":...}}) is
 * answered 200 echoing the challenge, unless scripted otherwise, and kept apart: {@link #verificationsTo}, not
 * {@link #callsTo}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as received; header names in lower case. */
    public record Call(String path, Map<String, String> headers, String body) {
    }

    private static final Pattern VERIFICATION = Pattern.compile("\"type\"\\s*:\\s*\"webhook\\.verification\"");
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();
    private final Set<String> endless = ConcurrentHashMap.newKeySet();
    private final Queue<Call> verifications = new ConcurrentLinkedQueue<>();
    private final Map<String, Verification> verificationAnswers = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** How a hook answers verification requests: a status and a body, or nothing at all (until the caller gives up). */
    public record Verification(int status, String body, boolean silent) {

        /** 200 with {"challenge": "..."}: what a subscriber's endpoint does. */
        public static final Verification ECHO = new Verification(200, null, false);
        /** 200 with the bare challenge as text, also accepted. */
        public static final Verification BARE_ECHO = new Verification(200, "", false);
        /** Never answers, as an endpoint that is down behind a proxy. */
        public static final Verification SILENT = new Verification(0, null, true);

        public static Verification status(int status) {
            return new Verification(status, "{}", false);
        }

        public static Verification body(String body) {
            return new Verification(200, body, false);
        }
    }

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

    /** How this hook answers verification requests from now on (echoing the challenge, unless told). */
    public void answerVerification(String name, Verification answer) {
        verificationAnswers.put(path(name), answer);
    }

    /** The verification requests this hook got. */
    public List<Call> verificationsTo(String name) {
        return verifications.stream().filter(c -> c.path().equals(path(name))).toList();
    }

    /** The challenge in a verification request's body, or null when it is none. */
    public static String challenge(String body) {
        if (!VERIFICATION.matcher(body).find()) {
            return null;
        }
        Matcher challenge = CHALLENGE.matcher(body);
        return challenge.find() ? challenge.group(1) : null;
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
            Call call = new Call(path, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String challenge = challenge(call.body());
            if (challenge != null) {
                verifications.add(call);
                answerVerification(exchange, verificationAnswers.getOrDefault(path, Verification.ECHO), challenge);
                return;
            }
            calls.add(call);
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

    private void answerVerification(HttpExchange exchange, Verification answer, String challenge)
            throws IOException {
        if (answer.silent()) {
            try {
                closing.await(15, TimeUnit.SECONDS); // the caller gives up first (its timeout)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        String body = answer.body() == null ? "{\"challenge\":\"" + challenge + "\"}"
                : answer.body().isEmpty() ? challenge : answer.body();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.body() != null && answer.body().isEmpty()
                ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
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
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
