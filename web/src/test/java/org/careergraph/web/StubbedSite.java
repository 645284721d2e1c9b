package org.careergraph.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;

/**
 * The running web front in front of one HTTP server that answers as the four services do, with JSON captured from
 * them ({@code src/test/resources/fixtures/}) or built by a test. Started once for every page test of the run (a
 * Micronaut start is most of a page test's time) and stopped when the JVM ends; each test class sets the answers it
 * needs with {@link #answer}.
 */
public final class StubbedSite {

    /** The key the test site checks admin tokens with. */
    private static final String JWT_SECRET = "web-page-tests-" + "0123456789abcdef0123456789abcdef";
    private static StubbedSite running;

    private final HttpServer services;
    private final EmbeddedServer web;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<URI> calls = new CopyOnWriteArrayList<>();
    private volatile Function<URI, Answer> answers = uri -> null;

    /** A service's answer: its status and JSON body. */
    public record Answer(int status, String body) {

        public static Answer json(String body) {
            return new Answer(200, body);
        }

        public static Answer fixture(String name) {
            return json(StubbedSite.fixture(name));
        }

        public static Answer notFound() {
            return new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    private StubbedSite() throws IOException {
        services = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        services.createContext("/", this::serve);
        // A page asks many things at once (a ranking, one score per row): answer them at once too.
        services.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        services.start();
        String url = "http://127.0.0.1:" + services.getAddress().getPort();
        web = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "careergraph.web.catalog-url", url, "careergraph.web.immigration-url", url,
                "careergraph.web.scoring-url", url, "careergraph.web.notification-url", url,
                "careergraph.web.secure-cookies", false, "careergraph.web.jwt-secret", JWT_SECRET,
                "micronaut.metrics.enabled", false));
    }

    /** A bean of the running web front (its router, to list the routes a test walks). */
    public <T> T bean(Class<T> type) {
        return web.getApplicationContext().getBean(type);
    }

    /** The site, started on first use. */
    public static synchronized StubbedSite start() {
        if (running == null) {
            try {
                running = new StubbedSite();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StubbedSite site = running;
            Runtime.getRuntime().addShutdownHook(new Thread(site::stop));
        }
        return running;
    }

    private void stop() {
        web.getApplicationContext().close();
        services.stop(0);
        http.close();
    }

    /**
     * The services answer with these from now on (null: not this call); anything they leave is answered as
     * {@link #standardAnswer} does. Forgets the calls made so far.
     */
    public void answer(Function<URI, Answer> answers) {
        this.answers = answers;
        calls.clear();
    }

    /** Every call the services got since the answers were last set, path and query. */
    public List<URI> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one path, as their decoded query parameters. */
    public List<Map<String, String>> callsTo(String path) {
        return calls().stream().filter(uri -> uri.getPath().equals(path)).map(StubbedSite::parameters).toList();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.getURL() + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form post ({@code application/x-www-form-urlencoded}), without following a redirect. */
    public HttpResponse<String> post(String path, String form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.getURL() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The running web front (its URL, its router). */
    public EmbeddedServer server() {
        return web;
    }

    /** The cookie of a signed-in admin. */
    public static String adminCookie() {
        return "cg_admin=" + AccessTokens.issue(JWT_SECRET, "admin", List.of(Roles.ADMIN), Duration.ofHours(1));
    }

    /** The cookie of a signed-in editor (no ADMIN role). */
    public static String editorCookie() {
        return "cg_admin=" + AccessTokens.issue(JWT_SECRET, "editor", List.of(Roles.EDITOR), Duration.ofHours(1));
    }

    public static String fixture(String name) {
        try (InputStream in = StubbedSite.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answers of the captured catalog: search summaries, groups, releases, two occupations and no revisions;
     * anything else is not there (not scored yet, no immigration status), which the pages say.
     */
    static Answer standardAnswer(URI uri) {
        String path = uri.getPath();
        return switch (path) {
            case "/api/occupations" -> Answer.fixture("search.json");
            case "/api/occupations/groups" -> Answer.fixture("groups.json");
            case "/api/releases" -> Answer.fixture("releases.json");
            case "/api/occupations/soc-29-1141" -> Answer.fixture("occupation-soc-29-1141.json");
            case "/api/occupations/anzsco-411215" -> Answer.fixture("occupation-anzsco-411215.json");
            default -> path.endsWith("/revisions") ? Answer.json("[]") : Answer.notFound();
        };
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            calls.add(uri);
            Answer answer = answers.apply(uri);
            if (answer == null) {
                answer = standardAnswer(uri);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A call's query parameters, decoded (the last value of a repeated one). */
    public static Map<String, String> parameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The page's text as a reader sees it: without tags, spaces collapsed, entities of quotes read. */
    public static String text(String html) {
        return html.replaceAll("(?s)<[^>]+>", " ").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ")
                .replace(" :", ":").strip();
    }

    /** The texts of the page's cells of one class ({@code <td class="number wage">}: "wage"), in order. */
    public static List<String> column(String html, String cellClass) {
        Matcher cell = Pattern.compile("<td class=\"[^\"]*\\b" + Pattern.quote(cellClass) + "\\b[^\"]*\"[^>]*>(.*?)</td>",
                Pattern.DOTALL).matcher(html);
        List<String> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(text(cell.group(1)));
        }
        return cells;
    }
}
