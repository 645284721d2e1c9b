package org.careergraph.deploy.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The load: requests through the gateway at a fixed rate, open-loop. A scheduler issues one every 1/rate s on time,
 * whatever the answers' latency; each runs on its own virtual thread, at most {@code concurrency} at once (a request
 * due while all are taken is not sent, and counts as an error: the system did not keep up). Latency is counted from
 * when the request was due, so a stall of the client or the system shows in it.
 *
 * <p>The mix ({@link Kind}): mostly reads of the whole catalog, and writes on the check's own occupations only (page
 * edits by PATCH and PUT, Green List policy updates on their codes, webhook subscriptions created and deleted), so
 * that the official records stay as they are and every write has a known expected answer. Every answer is counted by
 * status; a 5xx, a transport error (timeouts included) and any status not expected for its kind are errors.
 */
final class Traffic {

    /** What a request does, how often (weight, of 100), and the statuses it may answer. */
    enum Kind {
        OCCUPATION("GET /api/occupations/{id}", 20, Set.of(200)),
        SEARCH("GET /api/occupations?q=...", 14, Set.of(200)),
        SCORE("GET /api/scores/{id}", 13, Set.of(200)),
        STATUS("GET /api/immigration/occupations/{id}/status", 13, Set.of(200)),
        RANKING("GET /api/rankings?dimension=...", 8, Set.of(200)),
        CAREER_PAGE("GET /occupations/{id} (web front)", 17, Set.of(200)),
        PAGE_PATCH("PATCH /api/occupations/{id} (If-Match)", 4, Set.of(200)),
        PAGE_PUT("PUT /api/occupations/{id}", 3, Set.of(200)),
        POLICY_UPDATE("POST /api/immigration/policy-updates", 3, Set.of(201)),
        SUBSCRIBE("POST /api/subscriptions (webhook)", 3, Set.of(201)),
        UNSUBSCRIBE("DELETE /api/subscriptions/{id}", 2, Set.of(204));

        final String label;
        final int weight;
        final Set<Integer> expected;

        Kind(String label, int weight, Set<Integer> expected) {
            this.label = label;
            this.weight = weight;
            this.expected = expected;
        }

        boolean write() {
            return ordinal() >= PAGE_PATCH.ordinal();
        }
    }

    /** One of the check's own occupations: edits to it are made one at a time, so that its ETag is known. */
    static final class Own {
        final String id;
        final String code;
        final ReentrantLock editing = new ReentrantLock();
        String etag;

        Own(String id, String code, String etag) {
            this.id = id;
            this.code = code;
            this.etag = etag;
        }
    }

    private record Subscription(String id, String manageToken) {
    }

    /**
     * What came back: a status, or -1 for a transport error, -2 for a request not sent; {@code kind} is what was
     * done, when it is not what was drawn (a subscribe with too many live subscriptions deletes one, and back).
     */
    private record Answer(int status, String body, HttpResponse<String> response, Kind kind) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(), response, null);
        }

        Answer as(Kind done) {
            return new Answer(status, body, response, done);
        }

        Kind kindOr(Kind drawn) {
            return kind == null ? drawn : kind;
        }
    }

    static final int TRANSPORT_ERROR = -1;
    static final int NOT_SENT = -2;
    /** Live churn subscriptions at most: past it a subscribe deletes one instead. */
    private static final int LIVE_SUBSCRIPTIONS = 50;
    private static final List<String> TERMS = List.of("nurse", "engineer", "software", "teacher", "manager",
            "chef", "driver", "analyst", "accountant", "electrician", "designer", "mechanic", "community",
            "coordinate", "health", "sales", "護理", "工程師", "社區", "教師", "經理", "廚師", "會計");
    private static final List<String> DIMENSIONS = List.of("overall", "aiRisk", "income", "demandOutlook",
            "prFriendliness", "learningDuration");
    private static final List<String> SYSTEMS = List.of("", "SOC", "ANZSCO");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String adminToken;
    private final List<String> ids;
    private final List<String> scored;
    private final List<Own> own;
    private final String hookUrl;
    private final Random random;
    private final List<Kind> wheel = new ArrayList<>();
    private final List<Subscription> live = Collections.synchronizedList(new ArrayList<>());
    private final int concurrency;
    private final Semaphore slots;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    // What was counted: per interval of the run, and per kind over the whole run.
    private final Duration interval;
    private volatile Tally[] tallies = new Tally[0];
    private volatile Tally[][] kindTallies = new Tally[0][0];
    private final Map<Kind, Map<Integer, AtomicLong>> byKind = new EnumMap<>(Kind.class);
    private final Map<Kind, Tally> kindLatency = new EnumMap<>(Kind.class);
    private final Map<String, AtomicLong> errorSamples = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();
    private final AtomicLong inFlightMax = new AtomicLong();
    private final AtomicLong churned = new AtomicLong();

    Traffic(HttpClient http, String base, String adminToken, List<String> ids, List<String> scored, List<Own> own,
            String hookUrl, long seed, int concurrency, Duration interval) {
        this.http = http;
        this.base = base;
        this.adminToken = adminToken;
        this.ids = List.copyOf(ids);
        this.scored = List.copyOf(scored);
        this.own = List.copyOf(own);
        this.hookUrl = hookUrl;
        this.random = new Random(seed);
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.interval = interval;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < kind.weight; i++) {
                wheel.add(kind);
            }
            byKind.put(kind, new ConcurrentHashMap<>());
            kindLatency.put(kind, new Tally());
        }
        if (wheel.size() != 100) {
            throw new IllegalStateException("the weights must add up to 100: " + wheel.size());
        }
    }

    /** Requests, errors and latencies of one interval (or one kind). */
    static final class Tally {
        private long requests;
        private long errors;
        private long[] latencies = new long[1024];
        private int count;

        synchronized void add(long latencyNanos, boolean error) {
            requests++;
            if (error) {
                errors++;
            }
            if (latencyNanos >= 0) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = latencyNanos;
            }
        }

        synchronized long requests() {
            return requests;
        }

        synchronized long errors() {
            return errors;
        }

        /** The latency at quantile q (0.5, 0.99) in ms, nearest rank; NaN without any. */
        synchronized double percentileMs(double q) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
        }
    }

    /**
     * Sends the mix for {@code duration} from {@code startNanos} (System.nanoTime()), then waits for the answers in
     * flight (each has a 30 s timeout).
     */
    void run(long startNanos, Duration duration, int rate) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = duration.toNanos() / period;
        int intervals = (int) ((duration.toNanos() + interval.toNanos() - 1) / interval.toNanos());
        Tally[] fresh = new Tally[intervals];
        for (int i = 0; i < intervals; i++) {
            fresh[i] = new Tally();
        }
        Tally[][] freshByKind = new Tally[Kind.values().length][intervals];
        for (Tally[] row : freshByKind) {
            for (int i = 0; i < intervals; i++) {
                row[i] = new Tally();
            }
        }
        kindTallies = freshByKind;
        tallies = fresh;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-ticker");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong sent = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long delay = Math.max(0, startNanos - System.nanoTime());
        // At a fixed rate: a late tick is followed by the ones it delayed at once, so the schedule is kept.
        ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n >= total) {
                done.countDown();
                return;
            }
            try {
                issue(startNanos + n * period, startNanos);
            } catch (RuntimeException e) { // a throwing tick would cancel every later one
                errorSamples.computeIfAbsent("load generator", k -> new AtomicLong()).incrementAndGet();
                firstErrors.putIfAbsent("load generator", e.toString());
            }
        }, delay, period, TimeUnit.NANOSECONDS);
        done.await();
        ticks.cancel(false);
        ticker.shutdown();
        // Every request has a 30 s timeout: the last answers are in within that (a PATCH may make two).
        if (!slots.tryAcquire(concurrency, 75, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still in flight 75 s after the load ended");
        }
        slots.release(concurrency);
    }

    /** Runs each kind a few times before the load, so that first-time work (JIT, caches, pools) is done before it. */
    List<String> touchEveryKind(int times) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            for (Kind kind : Kind.values()) {
                long argument;
                synchronized (this) {
                    argument = random.nextLong();
                }
                Answer answer = perform(kind, argument);
                if (!answer.kindOr(kind).expected.contains(answer.status())) {
                    problems.add(answer.kindOr(kind).label + ": " + answer.status() + " " + abbreviate(answer.body()));
                }
            }
        }
        return problems;
    }

    private void issue(long dueNanos, long startNanos) {
        Kind kind;
        long argument;
        synchronized (this) {
            kind = wheel.get(random.nextInt(wheel.size()));
            argument = random.nextLong();
        }
        if (!slots.tryAcquire()) {
            record(kind, dueNanos, startNanos, NOT_SENT, "not sent: " + concurrency + " requests in flight", -1);
            return;
        }
        long inFlight = concurrency - slots.availablePermits();
        inFlightMax.accumulateAndGet(inFlight, Math::max);
        requests.execute(() -> {
            try {
                Answer answer = perform(kind, argument);
                long latency = System.nanoTime() - dueNanos;
                record(answer.kindOr(kind), dueNanos, startNanos, answer.status(), abbreviate(answer.body()),
                        latency);
            } finally {
                slots.release();
            }
        });
    }

    private void record(Kind kind, long dueNanos, long startNanos, int status, String detail, long latencyNanos) {
        boolean error = !kind.expected.contains(status);
        int index = (int) Math.min(tallies.length - 1L, Math.max(0, (dueNanos - startNanos) / interval.toNanos()));
        tallies[index].add(latencyNanos, error);
        kindTallies[kind.ordinal()][index].add(latencyNanos, error);
        kindLatency.get(kind).add(latencyNanos, error);
        byKind.get(kind).computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (error) {
            String key = kind.label + " -> " + statusText(status);
            errorSamples.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            firstErrors.putIfAbsent(key, detail);
        }
    }

    static String statusText(int status) {
        return switch (status) {
            case TRANSPORT_ERROR -> "transport error";
            case NOT_SENT -> "not sent";
            default -> String.valueOf(status);
        };
    }

    // The requests ---------------------------------------------------------------------------------------------------

    private Answer perform(Kind kind, long argument) {
        Random pick = new Random(argument);
        try {
            return switch (kind) {
                case OCCUPATION -> get("/api/occupations/" + pickOf(ids, pick));
                case SEARCH -> get("/api/occupations?q=" + URLEncoder.encode(pickOf(TERMS, pick), UTF_8)
                        + (pick.nextInt(3) == 0 ? "&codeSystem=ANZSCO" : "")
                        + (pick.nextInt(4) == 0 ? "&sort=SCORE_DESC" : ""));
                case SCORE -> get("/api/scores/" + pickOf(scored, pick));
                case STATUS -> get("/api/immigration/occupations/" + pickOf(ids, pick) + "/status");
                case RANKING -> {
                    String system = pickOf(SYSTEMS, pick);
                    yield get("/api/rankings?dimension=" + pickOf(DIMENSIONS, pick) + "&limit="
                            + (10 + 10 * pick.nextInt(3)) + (system.isEmpty() ? "" : "&codeSystem=" + system));
                }
                case CAREER_PAGE -> get("/occupations/" + pickOf(ids, pick));
                case PAGE_PATCH -> patchPage(pick);
                case PAGE_PUT -> putPage(pick);
                case POLICY_UPDATE -> updatePolicy(pick);
                case SUBSCRIBE -> live.size() >= LIVE_SUBSCRIPTIONS ? unsubscribe(pick) : subscribe(pick);
                case UNSUBSCRIBE -> live.isEmpty() ? subscribe(pick) : unsubscribe(pick);
            };
        } catch (IOException e) {
            return new Answer(TRANSPORT_ERROR, e.toString(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(TRANSPORT_ERROR, e.toString(), null, null);
        }
    }

    /** A merge patch of the pay bands (which moves statuses' pay tests and scores), with the ETag last answered. */
    private Answer patchPage(Random pick) throws IOException, InterruptedException {
        Own occupation = lockOne(pick);
        try {
            if (occupation.etag == null) {
                Answer read = get("/api/occupations/" + occupation.id);
                if (read.status() != 200) {
                    return read;
                }
                occupation.etag = read.response().headers().firstValue("ETag").orElse(null);
            }
            Map<String, Object> patch = Map.of("page", Map.of("salaryBands", bands(50000 + 1000 * pick.nextInt(40))));
            Answer answer = send("PATCH", "/api/occupations/" + occupation.id, json.writeValueAsBytes(patch),
                    "application/merge-patch+json", adminToken, "If-Match", occupation.etag);
            occupation.etag = answer.status() == 200
                    ? answer.response().headers().firstValue("ETag").orElse(null) : null;
            return answer;
        } finally {
            occupation.editing.unlock();
        }
    }

    /** The whole occupation again, with a new title word and pay. */
    private Answer putPage(Random pick) throws IOException, InterruptedException {
        Own occupation = lockOne(pick);
        try {
            Answer answer = send("PUT", "/api/occupations/" + occupation.id,
                    json.writeValueAsBytes(page(occupation.code, word(pick), 50000 + 1000 * pick.nextInt(40))),
                    "application/json", adminToken);
            occupation.etag = answer.status() == 200
                    ? answer.response().headers().firstValue("ETag").orElse(null) : null;
            return answer;
        } finally {
            occupation.editing.unlock();
        }
    }

    /** One of the occupations no other request is editing (waits for a random one when all are). */
    private Own lockOne(Random pick) {
        int from = pick.nextInt(own.size());
        for (int i = 0; i < own.size(); i++) {
            Own candidate = own.get((from + i) % own.size());
            if (candidate.editing.tryLock()) {
                return candidate;
            }
        }
        Own waited = own.get(from);
        waited.editing.lock();
        return waited;
    }

    /** A Green List tier for one of the check's occupations, in force at once (its status and score move). */
    private Answer updatePolicy(Random pick) throws IOException, InterruptedException {
        Own occupation = pickOf(own, pick);
        Map<String, Object> body = Map.of("country", "NZ", "source", "Sustained-load check",
                "changes", List.of(Map.of("kind", "GREEN_LIST_TIER", "codeSystem", "ANZSCO",
                        "code", occupation.code, "value", String.valueOf(1 + pick.nextInt(2)))));
        return send("POST", "/api/immigration/policy-updates", json.writeValueAsBytes(body), "application/json",
                adminToken);
    }

    private Answer subscribe(Random pick) throws IOException, InterruptedException {
        Own occupation = pickOf(own, pick);
        // A URL of its own each: one URL takes only a few subscriptions.
        Map<String, Object> body = Map.of("webhookUrl", hookUrl + "/churn/" + churned.incrementAndGet(),
                "occupationIds", List.of(occupation.id));
        Answer answer = send("POST", "/api/subscriptions", json.writeValueAsBytes(body), "application/json", null);
        if (answer.status() == 201) {
            JsonNode created = json.readTree(answer.body());
            live.add(new Subscription(created.path("id").asText(), created.path("manageToken").asText()));
        }
        return answer.as(Kind.SUBSCRIBE);
    }

    private Answer unsubscribe(Random pick) throws IOException, InterruptedException {
        Subscription subscription;
        synchronized (live) {
            if (live.isEmpty()) {
                return subscribe(pick);
            }
            subscription = live.remove(pick.nextInt(live.size()));
        }
        return send("DELETE", "/api/subscriptions/" + subscription.id(), null, null, null,
                "X-Manage-Token", subscription.manageToken()).as(Kind.UNSUBSCRIBE);
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null, null);
    }

    private Answer send(String method, String path, byte[] body, String contentType, String bearer,
                        String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Answer.of(http.send(request.build(), BodyHandlers.ofString(UTF_8)));
    }

    // The check's own occupations --------------------------------------------------------------------------------------

    /** An occupation as an editor writes it (ANZSCO, so that Green List updates apply to it). */
    static Map<String, Object> page(String code, String word, int midMin) {
        return Map.of("skillLevel", 2, "page", Map.of(
                "title", Map.of("zh", "負載測試員", "en", "Load Tester " + word), "codeSystem", "ANZSCO",
                "code", code, "salaryBands", bands(midMin)));
    }

    private static List<Map<String, Object>> bands(int midMin) {
        return List.of(
                Map.of("level", "junior", "min", 42000, "max", 50000, "currency", "NZD"),
                Map.of("level", "mid", "min", midMin, "max", midMin + 14000, "currency", "NZD"),
                Map.of("level", "senior", "min", 110000, "max", 130000, "currency", "NZD"));
    }

    /** A word the search index keeps whole: letters only. */
    static String word(Random random) {
        StringBuilder word = new StringBuilder("ld");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static <T> T pickOf(List<T> list, Random pick) {
        return list.get(pick.nextInt(list.size()));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    // What was counted -----------------------------------------------------------------------------------------------

    Tally[] intervals() {
        return tallies;
    }

    /** Per kind (by ordinal), per interval. */
    Tally[][] kindIntervals() {
        return kindTallies;
    }

    Map<Kind, Tally> kinds() {
        return kindLatency;
    }

    /** Per kind, how many answers of each status (-1 transport error, -2 not sent). */
    Map<Kind, Map<Integer, Long>> statuses() {
        Map<Kind, Map<Integer, Long>> statuses = new EnumMap<>(Kind.class);
        byKind.forEach((kind, counts) -> {
            Map<Integer, Long> sorted = new TreeMap<>();
            counts.forEach((status, count) -> sorted.put(status, count.get()));
            statuses.put(kind, sorted);
        });
        return statuses;
    }

    /** Each kind of error (kind and status) with its count and the first answer's body. */
    Map<String, String> errors() {
        Map<String, String> errors = new TreeMap<>();
        errorSamples.forEach((key, count) -> errors.put(key + " (" + count.get() + "x)", firstErrors.get(key)));
        return errors;
    }

    long inFlightMax() {
        return inFlightMax.get();
    }

    int liveSubscriptions() {
        return live.size();
    }

    void close() {
        requests.shutdownNow();
    }
}
