package org.careergraph.testsupport.hostile;

import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.hostile.Findings.Finding;
import org.careergraph.testsupport.hostile.Probes.Expect;
import org.careergraph.testsupport.hostile.Probes.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every route of a running service with malformed, oversized, wrongly typed and hostile input. The routes come
 * from the service's own {@link Router}, so a new route is walked without editing any test. Each hostile request is
 * sent as an administrator (past authentication, to reach the binder) and once without a token. Every answer must be
 * below 500, a problem+json document for a 4xx under /api, free of internal names (Java packages, exception and class
 * names), and a refused request must have stored nothing (the service's {@link StateFingerprint} unchanged). Requests
 * the contract refuses (wrong types, unknown fields, trailing content, bad charsets...) must be refused.
 *
 * <pre>{@code
 * HostileInput.against(URI.create(server.getURL().toString()), router)
 *         .adminToken(TestInfrastructure.token("ADMIN"))
 *         .fingerprint(DatabaseFingerprint.of(dataSource))
 *         .examples(Examples.create().body(OccupationInput.class, () -> validJson()))
 *         .walk()
 *         .assertNone();
 * }</pre>
 */
public final class HostileInput {

    private static final Logger LOG = LoggerFactory.getLogger(HostileInput.class);

    /** Names that tell an outsider how the service is built; none may reach an answer. */
    static final Pattern INTERNAL_NAMES = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|io\\.micronaut|io\\.netty|org\\.careergraph|com\\.fasterxml|Exception|class ");
    /** -Dhostile.only=REGEX walks only the routes whose name matches: to work on one route's findings. */
    private static final String ONLY = System.getProperty("hostile.only");
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofSeconds(2);
    /** Hostile input must be refused cheaply: an answer this slow is a cost an attacker can multiply. */
    private static final long SLOW_MILLIS = 5_000;

    private final URI baseUrl;
    private final Router router;
    private Map.Entry<String, String> adminHeader;
    private StateFingerprint fingerprint = StateFingerprint.NONE;
    private Examples examples = Examples.create();
    private Predicate<String> routeFilter = route -> true;
    private int timeoutMillis = 20_000;

    private HostileInput(URI baseUrl, Router router) {
        this.baseUrl = baseUrl;
        this.router = router;
    }

    /** The service at {@code baseUrl}, whose routes {@code router} lists. */
    /**
     * The walk of one service under test, as each service's HostileInputIT runs it: as ADMIN, its database compared
     * before and after each refusal, the report printed, and the test failed on any finding.
     */
    public static void walkService(URI baseUrl, Router router, Map<String, String> serviceProperties,
                                   Examples examples) {
        Findings findings = against(baseUrl, router)
                .adminToken(TestInfrastructure.token("ADMIN"))
                .fingerprint(DatabaseFingerprint.of(serviceProperties))
                .examples(examples)
                .walk();
        System.out.println(findings.report());
        findings.assertNone();
    }

    public static HostileInput against(URI baseUrl, Router router) {
        return new HostileInput(baseUrl, router);
    }

    /** The administrator's bearer token: requests get past authentication to the binder. */
    public HostileInput adminToken(String token) {
        return adminHeader("Authorization", "Bearer " + token);
    }

    /** How an administrator's request says who it is, for a front that uses a cookie ("Cookie", "session=..."). */
    public HostileInput adminHeader(String name, String value) {
        this.adminHeader = Map.entry(name, value);
        return this;
    }

    public HostileInput fingerprint(StateFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    public HostileInput examples(Examples examples) {
        this.examples = examples;
        return this;
    }

    /** Walks only the routes whose name ("METHOD template") passes; by default every route. */
    public HostileInput only(Predicate<String> routeName) {
        this.routeFilter = routeName;
        return this;
    }

    /** How long one answer may take. */
    public HostileInput timeout(Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
        return this;
    }

    /** Sends every probe of every route, in order, and checks each answer. */
    public Findings walk() {
        RawHttp http = new RawHttp(baseUrl, timeoutMillis);
        Findings findings = new Findings();
        // HEAD and OPTIONS answer for the GET of the same path (HEAD without a body): walking GET covers them.
        List<RouteShape> routes = RouteShape.all(router).stream()
                .filter(r -> r.method() != HttpMethod.HEAD && r.method() != HttpMethod.OPTIONS)
                .filter(r -> routeFilter.test(r.name()))
                .filter(r -> ONLY == null || Pattern.compile(ONLY).matcher(r.name()).find()).toList();
        if (routes.isEmpty()) {
            // A walk of nothing would pass: a router without routes or a -Dhostile.only matching none is a mistake.
            throw new AssertionError("no route to walk" + (ONLY == null ? "" : " matches -Dhostile.only=" + ONLY));
        }
        long started = System.nanoTime();
        int requests = 0;
        // A service may still be busy with its start (a first rescore, a seed): walk once it has been quiet a while.
        Map<String, String> before = quiet(fingerprint.take());
        for (RouteShape route : routes) {
            List<Probe> probes = Probes.of(route, examples);
            List<Probe> valid = Probes.validExample(route, examples).stream().toList();
            // Preparing may have stored something (an example's supplier creating what a request uses up).
            before = settled(fingerprint.take());
            LOG.info("Hostile input: {} ({} probes)", route.label(), probes.size());
            for (Probe example : valid) {
                Result r = send(http, route, example, true, before, findings);
                requests++;
                before = r.state();
                if (r.status() >= 400) {
                    findings.note(route.label() + ": its valid example was refused (" + r.status() + " " + r.summary()
                            + "), so the body checks there only prove refusal, not strictness");
                }
            }
            for (Probe probe : probes) {
                for (boolean admin : new boolean[]{true, false}) {
                    before = send(http, route, probe, admin, before, findings).state();
                    requests++;
                }
            }
        }
        findings.counted(routes.size(), requests);
        writeFullReport(findings);
        LOG.info("Hostile input: {} requests on {} routes in {} s, {} findings", requests, routes.size(),
                (System.nanoTime() - started) / 1_000_000_000, findings.all().size());
        return findings;
    }

    /** target/hostile-input/findings-*.txt: every finding, uncapped, for whoever fixes them. */
    private void writeFullReport(Findings findings) {
        try {
            Path dir = Path.of("target", "hostile-input");
            Files.createDirectories(dir);
            Path file = dir.resolve("findings-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis()
                    + ".txt");
            Files.writeString(file, findings.fullReport());
            LOG.info("Hostile input: every finding in {}", file.toAbsolutePath());
        } catch (IOException e) {
            LOG.warn("Could not write the hostile-input findings", e);
        }
    }

    private record Result(int status, String summary, Map<String, String> state) {
    }

    private Result send(RawHttp http, RouteShape route, Probe probe, boolean admin, Map<String, String> before,
                        Findings findings) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(probe.headers());
        if (admin && adminHeader != null) {
            headers.add(adminHeader);
        }
        String identity = admin ? "admin" : "anonymous";
        RawHttp.Answer answer;
        long sent = System.nanoTime();
        try {
            answer = http.send(probe.method(), probe.target(), headers, probe.body());
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(route.label(), identity, probe.label(), -1, "no answer", e.getMessage()));
            return new Result(-1, "", settled(fingerprint.take()));
        }
        long millis = (System.nanoTime() - sent) / 1_000_000;
        int status = answer.status();
        String body = answer.bodyText();
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("5xx|" + cut(body));
        }
        if (millis > SLOW_MILLIS) {
            problems.add("slow answer (over " + SLOW_MILLIS / 1000 + " s)|" + millis + " ms");
        }
        boolean api = probe.target().startsWith("/api");
        if (api && status >= 400 && status < 500) {
            String type = answer.header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                problems.add("4xx not problem+json|Content-Type " + type + ": " + cut(body));
            } else if (!isJson(body)) {
                problems.add("4xx not problem+json|body is not JSON: " + cut(body));
            }
        }
        String leaked = internalName(answer);
        if (leaked != null) {
            problems.add("internal names in the answer|" + leaked);
        }
        // Refused: a 4xx, or for an anonymous request a redirect (to the sign-in page of the web front).
        boolean refused = status >= 400 || (!admin && status >= 300);
        if (probe.expect() == Expect.REFUSE && !refused) {
            problems.add("accepted what the contract refuses|" + cut(body));
        }
        Map<String, String> after = fingerprint.take();
        if (!after.equals(before)) {
            String changed = changedTables(before, after);
            if (status >= 400) {
                problems.add("stored although refused|changed: " + changed);
            } else if (probe.expect() == Expect.NOT_STORED || probe.expect() == Expect.REFUSE) {
                problems.add("stored hostile input|changed: " + changed);
            }
            after = settled(after);
        }
        for (String problem : problems) {
            String[] parts = problem.split("\\|", 2);
            findings.add(new Finding(route.label(), identity, probe.label(), status, parts[0], parts[1]));
        }
        return new Result(status, cut(body), after);
    }

    /** Waits until what the service stores stops changing (an outbox relay, a consumer), then returns it. */
    private Map<String, String> settled(Map<String, String> latest) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(latest);
        await().pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200)).atMost(SETTLE_LIMIT)
                .until(() -> {
                    Map<String, String> now = fingerprint.take();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** Waits until what the service stores has not changed for {@link #QUIET} (polled), then returns it. */
    private Map<String, String> quiet(Map<String, String> latest) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(latest);
        AtomicReference<Long> sameSince = new AtomicReference<>(System.nanoTime());
        await().pollInterval(Duration.ofMillis(250)).atMost(SETTLE_LIMIT.multipliedBy(4)).until(() -> {
            Map<String, String> now = fingerprint.take();
            if (!now.equals(last.getAndSet(now))) {
                sameSince.set(System.nanoTime());
            }
            return System.nanoTime() - sameSince.get() >= QUIET.toNanos();
        });
        return last.get();
    }

    private static String changedTables(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, sum) -> {
            if (!sum.equals(before.get(table))) {
                changed.add(table);
            }
        });
        return String.join(", ", changed);
    }

    private static String internalName(RawHttp.Answer answer) {
        String found = internalName(answer.bodyText());
        if (found == null) {
            StringBuilder headers = new StringBuilder();
            answer.headers().forEach(h -> headers.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
            found = internalName(headers.toString());
        }
        return found;
    }

    private static String internalName(String text) {
        Matcher m = INTERNAL_NAMES.matcher(text);
        if (!m.find()) {
            return null;
        }
        String around = text.substring(Math.max(0, m.start() - 50), Math.min(text.length(), m.end() + 50));
        return "\"" + around.replaceAll("\\s+", " ") + "\"";
    }

    private static boolean isJson(String body) {
        try {
            Json.parse(body.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String cut(String body) {
        String one = body.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
