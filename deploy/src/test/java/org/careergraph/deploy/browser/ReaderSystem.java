package org.careergraph.deploy.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.careergraph.deploy.local.Service;
import org.careergraph.embedded.FreePorts;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * The whole system for the browser tests of the reader's pages: the four services and the web front in their own
 * JVMs behind the gateway, as {@code ./mvnw -Prun} runs them, on the tests' broker and database, with the five seed
 * pages and without the bundled releases (the pages under test are made through the API). Its output goes to
 * {@code target/reader-pages/<run>/system.log}.
 *
 * <p>Started through {@code org.careergraph.deploy.local.LocalLauncher}, the launcher {@code WebPagesIT} uses; its
 * constructor and settings are package-private there, so they are reached by reflection from this package.
 */
final class ReaderSystem implements AutoCloseable {

    private static final String LOCAL = "org.careergraph.deploy.local.";
    private static final Duration READY = Duration.ofMinutes(4);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AutoCloseable launcher;
    private final String url;
    private final String adminToken;
    private final PrintStream log;

    private ReaderSystem(AutoCloseable launcher, String url, String adminToken, PrintStream log) {
        this.launcher = launcher;
        this.url = url;
        this.adminToken = adminToken;
        this.log = log;
    }

    /** Starts everything and returns once every service answers as ready. */
    static ReaderSystem start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of("target", "reader-pages", run).toAbsolutePath();
        PrintStream log;
        try {
            Files.createDirectories(home);
            log = new PrintStream(Files.newOutputStream(home.resolve("system.log")), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Class<?> launcherType = Class.forName(LOCAL + "LocalLauncher");
            Class<?> configType = Class.forName(LOCAL + "LocalLauncher$Config");
            Class<?> infrastructureType = Class.forName(LOCAL + "LocalLauncher$Infrastructure");
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, FreePorts.pick());
            }
            Object config = accessible(configType.getDeclaredConstructor(Path.class, Path.class, int.class, Map.class,
                    boolean.class, boolean.class, Duration.class, PrintStream.class))
                    .newInstance(root, home, FreePorts.pick(), ports, true, false, READY, log);
            Function<String, String> jdbcUrl = database -> TestInfrastructure.jdbcUrl("reader_" + run + "_" + database);
            Object infrastructure = accessible(infrastructureType.getDeclaredConstructor(String.class, Function.class,
                    String.class, String.class, int.class))
                    .newInstance(TestInfrastructure.kafkaBootstrapServers(), jdbcUrl, TestInfrastructure.dbUsername(),
                            TestInfrastructure.dbPassword(), 9 /* no mail: nothing here subscribes by email */);
            AutoCloseable launcher = (AutoCloseable) accessible(launcherType.getDeclaredConstructor(configType))
                    .newInstance(config);
            try {
                accessible(launcherType.getDeclaredMethod("start", infrastructureType)).invoke(launcher,
                        infrastructure);
                String url = accessible(launcherType.getDeclaredMethod("url")).invoke(launcher).toString();
                String token = (String) accessible(launcherType.getDeclaredMethod("adminToken")).invoke(launcher);
                return new ReaderSystem(launcher, url, token, log);
            } catch (InvocationTargetException | RuntimeException e) {
                launcher.close();
                throw e;
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The system did not start (its output is in " + home.resolve("system.log")
                    + ")", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("The system did not start (its output is in " + home.resolve("system.log")
                    + ")", e);
        }
    }

    /** An address on the gateway, such as {@code /occupations/anzsco-411215?lang=zh}. */
    String url(String path) {
        return url + path;
    }

    /** A plain GET, as anyone (a feed reader too) asks. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), false);
    }

    /** A GET's JSON. */
    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** A request with a JSON body, as an admin. */
    HttpResponse<String> sendAsAdmin(String method, String path, Object body, Map<String, String> headers) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, BodyPublishers.ofString(text))
                .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        headers.forEach(request::header);
        return send(request, true);
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) {
        request.timeout(Duration.ofSeconds(30));
        if (asAdmin) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            launcher.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            http.close();
            log.close();
        }
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
