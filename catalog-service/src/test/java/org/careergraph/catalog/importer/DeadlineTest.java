package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The importer checks its deadline as it reads: time here passes by the check, not by the clock. */
class DeadlineTest {

    @Test
    void aPageIsReadWithinItsBudgetAndStoppedPastIt() throws IOException {
        String page;
        try (InputStream in = DeadlineTest.class.getClassLoader().getResourceAsStream("seeds/000_9d7066477939e445.txt")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long lines = page.lines().filter(l -> !l.isBlank()).count();
        AtomicLong checks = new AtomicLong();
        // Each look at the clock is a millisecond later: the budget ends after that many checks.
        Deadline generous = Deadline.after(Duration.ofMillis(10 * lines), () -> checks.getAndIncrement() * 1_000_000);
        assertEquals("411215", PageImporter.read(page, generous).page().code());

        AtomicLong again = new AtomicLong();
        Deadline halfway = Deadline.after(Duration.ofMillis(lines / 2), () -> again.getAndIncrement() * 1_000_000);
        Deadline.Passed passed = assertThrows(Deadline.Passed.class, () -> PageImporter.read(page, halfway));
        assertEquals(Duration.ofMillis(lines / 2), passed.budget());
    }
}
