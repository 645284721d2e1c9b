package org.careergraph.testsupport.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report gathers every benchmark's part into one table and says when each part was measured. */
class BenchReportTest {

    @TempDir
    Path dir;

    private final String before = System.getProperty("bench.dir");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("bench.dir");
        } else {
            System.setProperty("bench.dir", before);
        }
    }

    @Test
    void everyPartIsInTheTableWithTheTimeItWasMeasured() throws IOException {
        System.setProperty("bench.dir", dir.toString());

        BenchReport.write("first-bench", "the first", List.of(Figure.rate("reads", 50, "req/s", "hello", 100,
                Goal.ratioAtLeast(0.5), "a note")));
        String table = BenchReport.write("second-bench", "the second", List.of(Figure.rate("writes", 10,
                "rows/s", "raw", 40, null, "")));

        String written = Files.readString(dir.resolve("results.md"));
        assertTrue(written.equals(table), "the printed table is the written one");
        assertTrue(written.matches("(?s).*measured: first-bench 20\\d\\d-[^,]+Z, second-bench 20\\d\\d-.*"), written);
        assertTrue(written.contains("| first-bench | reads | 50 req/s | hello | 100 req/s | **0.5** | ratio >= 0.5 "
                + "| yes | a note |"), written);
        assertTrue(written.contains("| second-bench | writes |"), written);
        String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"benchmark\": \"first-bench\"") && json.contains("\"benchmark\": \"second-bench\""),
                json);
    }
}
