package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one local origin: forwards each request to the service {@link Routes} names, as the Kubernetes Ingress does,
 * and answers {@code /health/readiness} for the whole system. A service its supervisor knows to be down (restarting,
 * given up on) is answered for as Kubernetes answers for a Service without ready pods: 503, with a Retry-After while
 * it restarts.
 */
final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    static final String READINESS = "/health/readiness";
    static final String LIVENESS = "/health/liveness";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(3);

    /**
     * RFC 9110 7.6.1 hop-by-hop headers, those the JDK client sets itself (host, content-length, expect), and the
     * forwarding headers, which only the gateway itself may set: a client's own would be believed upstream.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect", "forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-real-ip");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Map<Service, URI> upstreams;
    private final Function<Service, Optional<Outage>> outages;

    private Gateway(HttpServer server, ExecutorService executor, HttpClient client, Map<Service, URI> upstreams,
                    Function<Service, Optional<Outage>> outages) {
        this.server = server;
        this.executor = executor;
        this.client = client;
        this.upstreams = upstreams;
        this.outages = outages;
    }

    /** A gateway that knows of no outages: it finds out by forwarding. */
    static Gateway start(int port, Map<Service, URI> upstreams) {
        return start(port, upstreams, service -> Optional.empty());
    }

    /**
     * Listens on localhost.
     *
     * @param port      0 for a free one
     * @param upstreams base URL of each service, e.g. {@code http://localhost:8081}
     * @param outages   what the supervisor knows of a service that cannot serve now
     */
    static Gateway start(int port, Map<Service, URI> upstreams, Function<Service, Optional<Outage>> outages) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway cannot listen on port " + port
                    + " (is another Career Graph running? set CAREERGRAPH_PORT to use another port)", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        Gateway gateway = new Gateway(server, executor, client, Map.copyOf(upstreams), outages);
        server.setExecutor(executor);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) {
        // Normalized, so that the service sees the path the route was chosen by (no /api/x/../y).
        URI requested = exchange.getRequestURI().normalize();
        String path = requested.getPath();
        try (exchange) {
            if (path.equals(READINESS)) {
                answerReadiness(exchange);
            } else if (path.equals(LIVENESS)) {
                json(exchange, 200, "application/json", "{\"status\":\"UP\"}");
            } else {
                Optional<Service> service = Routes.serviceFor(path);
                if (service.isPresent()) {
                    forward(exchange, requested, service.get());
                } else {
                    problem(exchange, 404, "Not Found", "No API is served at this path.", path);
                }
            }
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away", exchange.getRequestMethod(), path, e);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed in the gateway", exchange.getRequestMethod(), path, e);
            try {
                problem(exchange, 500, "Internal Server Error", "The gateway could not handle the request.", path);
            } catch (IOException | RuntimeException alreadyAnswering) {
                // Headers were sent already: closing the exchange is all that is left.
            }
        }
    }

    private void forward(HttpExchange exchange, URI requested, Service service) throws IOException {
        Optional<Outage> outage = outages.apply(service);
        if (outage.isPresent()) {
            unavailable(exchange, service, outage.get(), requested.getPath());
            return;
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(upstreamRequest(exchange, requested, service), BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Bad Request", "The request cannot be forwarded: " + e.getMessage(),
                    requested.getPath());
            return;
        } catch (HttpTimeoutException e) {
            problem(exchange, 504, "Gateway Timeout", "The " + service.shortName() + " service did not answer in time.",
                    requested.getPath());
            return;
        } catch (IOException e) {
            // It may have exited just now: then its supervisor knows by the time the connection failed.
            Optional<Outage> exited = outages.apply(service);
            if (exited.isPresent()) {
                unavailable(exchange, service, exited.get(), requested.getPath());
            } else {
                problem(exchange, 502, "Bad Gateway", "The " + service.shortName() + " service is not reachable.",
                        requested.getPath());
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "Service Unavailable", "The gateway is shutting down.", requested.getPath());
            return;
        }
        try (InputStream body = response.body()) {
            Set<String> connectionTokens = connectionTokens(response.headers().allValues("connection"));
            Headers headers = exchange.getResponseHeaders();
            response.headers().map().forEach((name, values) -> {
                // HttpServer writes its own Date.
                if (forwarded(name, connectionTokens) && !name.equalsIgnoreCase("date")) {
                    headers.put(name, values);
                }
            });
            long length = responseLength(exchange.getRequestMethod(), response);
            exchange.sendResponseHeaders(response.statusCode(), length);
            if (length >= 0) {
                copyFlushing(body, exchange.getResponseBody());
            }
        }
    }

    private HttpRequest upstreamRequest(HttpExchange exchange, URI requested, Service service) {
        String query = requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery();
        URI target = URI.create(upstreams.get(service) + requested.getRawPath() + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(UPSTREAM_TIMEOUT)
                .method(exchange.getRequestMethod(), requestBody(exchange));
        Headers headers = exchange.getRequestHeaders();
        Set<String> connectionTokens = connectionTokens(headers.getOrDefault("Connection", List.of()));
        headers.forEach((name, values) -> {
            if (forwarded(name, connectionTokens)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "http");
        Optional.ofNullable(headers.getFirst("Host")).ifPresent(host -> request.header("X-Forwarded-Host", host));
        return request.build();
    }

    private static BodyPublisher requestBody(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        String length = headers.getFirst("Content-Length");
        if (length != null) {
            long bytes = Long.parseLong(length.trim());
            return bytes == 0 ? BodyPublishers.noBody()
                    : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(exchange::getRequestBody), bytes);
        }
        return headers.containsKey("Transfer-Encoding")
                ? BodyPublishers.ofInputStream(exchange::getRequestBody)
                : BodyPublishers.noBody();
    }

    /** HttpServer's convention: -1 for no body, 0 for chunked, else the exact length. */
    private static long responseLength(String method, HttpResponse<?> response) {
        int status = response.statusCode();
        if (method.equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200) {
            return -1;
        }
        long length = response.headers().firstValueAsLong("content-length").orElse(0);
        return length == 0 && response.headers().firstValue("content-length").isPresent() ? -1 : length;
    }

    /** Flushes every chunk, so that a slowly produced answer reaches the client as it comes. */
    private static void copyFlushing(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
        out.close();
    }

    private static boolean forwarded(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !connectionTokens.contains(lower);
    }

    /** Headers named in Connection are hop-by-hop too. */
    private static Set<String> connectionTokens(List<String> connectionHeaders) {
        return connectionHeaders.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * UP when every service's own readiness is UP. A service that is DOWN has a detail: its supervisor's state
     * ({@code RESTARTING}, {@code GAVE_UP}, ...), or {@code NOT_READY} when its own readiness check said so.
     */
    private void answerReadiness(HttpExchange exchange) throws IOException {
        Map<Service, Optional<Outage>> knownOutages = new LinkedHashMap<>();
        Map<Service, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            Optional<Outage> outage = outages.apply(service);
            knownOutages.put(service, outage);
            URI upstream = upstreams.get(service);
            checks.put(service, upstream == null || outage.isPresent() ? CompletableFuture.completedFuture(false)
                    : client.sendAsync(HttpRequest.newBuilder(URI.create(upstream + READINESS))
                                    .timeout(READINESS_TIMEOUT).build(), BodyHandlers.discarding())
                            .handle((response, error) -> error == null && response.statusCode() == 200));
        }
        StringBuilder services = new StringBuilder();
        StringBuilder details = new StringBuilder();
        boolean allUp = true;
        for (Map.Entry<Service, CompletableFuture<Boolean>> check : checks.entrySet()) {
            Service service = check.getKey();
            boolean up = check.getValue().join();
            allUp &= up;
            services.append(services.isEmpty() ? "" : ",")
                    .append('"').append(service.shortName()).append("\":\"").append(up ? "UP" : "DOWN").append('"');
            if (!up) {
                Outage outage = knownOutages.get(service).orElse(new Outage("NOT_READY",
                        "did not answer its readiness check with 200", Optional.empty()));
                details.append(details.isEmpty() ? "" : ",").append('"').append(service.shortName())
                        .append("\":{\"state\":").append(jsonString(outage.state())).append(",\"detail\":")
                        .append(jsonString(outage.detail())).append('}');
            }
        }
        json(exchange, allUp ? 200 : 503, "application/json", "{\"status\":\"" + (allUp ? "UP" : "DOWN")
                + "\",\"services\":{" + services + "}" + (details.isEmpty() ? "" : ",\"details\":{" + details + "}")
                + "}");
    }

    /** 503 for a service that is down for now, with when to try again if it is coming back. */
    private static void unavailable(HttpExchange exchange, Service service, Outage outage, String instance)
            throws IOException {
        outage.retryAfter().ifPresent(after -> exchange.getResponseHeaders().set("Retry-After",
                String.valueOf(Math.max(1, (after.toMillis() + 999) / 1000))));
        problem(exchange, 503, "Service Unavailable", "The " + service.shortName() + " service " + outage.detail()
                + ".", instance);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail, String instance)
            throws IOException {
        json(exchange, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":" + jsonString(detail) + ",\"instance\":"
                + jsonString(instance) + "}");
    }

    private static void json(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String jsonString(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }

    /** Stops taking requests, lets running ones finish for up to a second, then cuts the rest. */
    @Override
    public void close() {
        server.stop(1);
        client.shutdownNow();
        executor.shutdownNow();
    }
}
