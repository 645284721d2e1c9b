package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Twenty hostile page imports at once (each at the size limit, built of the lines that cost the importer most)
 * while an occupation keeps being read: every read is answered, with 200, while imports are still running, and no
 * slower than an import takes; every import is answered too, as a refusal (429 with Retry-After, or the page's own
 * problem), never a 5xx. Before imports left the event loop, such a storm held every read for tens of seconds.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportStormIT implements TestPropertyProvider {

    private static final String EDITOR = TestInfrastructure.token("EDITOR");
    private static final int IMPORTERS = 20;
    private static final int READS = 40;
    private static final int LIMIT = 256 * 1024;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("catalog");
    }

    @Test
    void readsAreServedThroughTwentyHostileImports() throws Exception {
        String code = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 1000000));
        String id = "anzsco-" + code;
        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST("/api/occupations/import",
                        seed().replace("411215", code)).contentType(MediaType.TEXT_PLAIN).bearerAuth(EDITOR))
                .status());
        for (int i = 0; i < READS; i++) {
            read(id); // warm up
        }
        long slowestBefore = 0;
        for (int i = 0; i < READS; i++) {
            slowestBefore = Math.max(slowestBefore, read(id));
        }

        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicInteger inFlight = new AtomicInteger();
        List<Integer> importStatuses = Collections.synchronizedList(new ArrayList<>());
        List<Long> importNanos = Collections.synchronizedList(new ArrayList<>());
        List<String> badRefusals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService importers = Executors.newFixedThreadPool(IMPORTERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < IMPORTERS; i++) {
            byte[] page = hostilePage().getBytes(StandardCharsets.UTF_8);
            running.add(importers.submit(() -> {
                while (storming.get()) {
                    inFlight.incrementAndGet();
                    long start = System.nanoTime();
                    int status = hostileImport(page, badRefusals);
                    inFlight.decrementAndGet();
                    importStatuses.add(status);
                    if (status != 429) {
                        importNanos.add(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        long slowestDuring = 0;
        int readsWhileImporting = 0;
        try {
            // The storm is on once the first imports have been answered; the reads run through it.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                    .until(() -> importNanos.size() >= 2);
            for (int i = 0; i < READS; i++) {
                slowestDuring = Math.max(slowestDuring, read(id));
                readsWhileImporting += inFlight.get() > 0 ? 1 : 0;
            }
        } finally {
            storming.set(false);
            for (Future<?> importer : running) {
                importer.get();
            }
            importers.shutdown();
        }

        assertTrue(badRefusals.isEmpty(), String.join("\n", badRefusals));
        assertTrue(importStatuses.stream().allMatch(s -> s == 429 || s == 400 || s == 422),
                "imports answered " + importStatuses);
        assertEquals(READS, readsWhileImporting, "every read completed while imports were running");
        List<Long> sorted = importNanos.stream().sorted().toList();
        long medianImport = sorted.get(sorted.size() / 2);
        String measured = "slowest read before the storm " + slowestBefore / 1_000_000 + " ms, during it "
                + slowestDuring / 1_000_000 + " ms; median import " + medianImport / 1_000_000 + " ms over "
                + sorted.size() + " imports (" + importStatuses.stream().filter(s -> s == 429).count() + " refused)";
        System.out.println("Import storm: " + measured);
        // Not starved: a read never waited for an import to finish.
        assertTrue(slowestDuring < medianImport, measured);
    }

    /** One hostile import; its status, after checking a refusal is a problem with what the client needs. */
    private int hostileImport(byte[] page, List<String> badRefusals) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/occupations/import", page)
                    .contentType(MediaType.TEXT_PLAIN).bearerAuth(EDITOR)).code();
        } catch (HttpClientResponseException e) {
            String type = e.getResponse().getContentType().map(MediaType::toString).orElse("");
            if (!type.equals("application/problem+json")
                    || e.code() == 429 && e.getResponse().header("Retry-After") == null) {
                badRefusals.add(e.code() + " " + type + " " + e.getResponse().getHeaders().asMap());
            }
            return e.code();
        }
    }

    private long read(String id) {
        long start = System.nanoTime();
        HttpResponse<?> response = http.toBlocking().exchange(HttpRequest.GET("/api/occupations/" + id));
        assertEquals(HttpStatus.OK, response.status());
        return System.nanoTime() - start;
    }

    /**
     * Just under the size limit, of the lines that cost the importer most: runs of spaces, code words without a
     * parenthesis, digit runs, amounts, separators, two hundred unheaded bullets and many one-word lines.
     */
    private static String hostilePage() {
        String code = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 1000000));
        StringBuilder page = new StringBuilder("Hostile 測試\n職業代碼: " + code + "(ANZSCO) 總體 7/10\n");
        page.append("In the AI era: what happens\n").append("• x\n".repeat(200));
        String[][] sections = {{"", " ".repeat(3990) + "x\n", "8"}, {"移民", "職業代碼:".repeat(799) + "\n", "2"},
                {"教育路徑", "1".repeat(3999) + "\n", "8"}, {"薪資", "$1,".repeat(1333) + "\n", "8"},
                {"資格", "| ".repeat(1999) + "\n", "8"}, {"成長領域", "LinkedI".repeat(571) + "\n", "8"}};
        for (String[] section : sections) {
            page.append(section[0]).append('\n').append(section[1].repeat(Integer.parseInt(section[2])));
        }
        page.append("適合對象\n");
        int room = LIMIT - page.toString().getBytes(StandardCharsets.UTF_8).length - 16;
        page.append("a\n".repeat(room / 2));
        return page.toString();
    }

    private static String seed() throws IOException {
        try (InputStream in = ImportStormIT.class.getClassLoader()
                .getResourceAsStream("seeds/000_9d7066477939e445.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
