package org.careergraph.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page built of the worst lines for every step of the importer, at the size limit, costs about what a normal page
 * of the same size costs, measured in the same run (CPU time of this thread, the best of a few runs of each), not
 * against a fixed time. Before the importer was made linear such a page took minutes.
 */
class PageCostTest {

    /** The default page-text limit (ImportSettings.pageTextBytes). */
    private static final int LIMIT = 256 * 1024;
    /**
     * How much dearer than a normal page a hostile one may be: the same order (its tens of thousands of one-word
     * lines each pay the per-line heading check, some six times a normal page in all), nowhere near the square
     * (the audience split alone, as it was, made that page some ten times dearer again).
     */
    private static final int MOST_TIMES_NORMAL = 10;
    private static final int RUNS = 5;
    private static final String HEAD = "社區服務工作者 Community Services Worker\n職業代碼: 411215(ANZSCO) 技術移民職業 總體 7/10\n";

    @Test
    void aHostilePageAtTheLimitCostsAboutWhatANormalOneDoes() throws IOException {
        String normal = normalPage();
        String hostile = hostilePage();
        assertTrue(bytes(normal) <= LIMIT && bytes(normal) > LIMIT * 9 / 10, "normal: " + bytes(normal));
        assertTrue(bytes(hostile) <= LIMIT && bytes(hostile) > LIMIT * 9 / 10, "hostile: " + bytes(hostile));
        long normalNanos = Long.MAX_VALUE;
        long hostileNanos = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            normalNanos = Math.min(normalNanos, cpuNanosToRead(normal));
            hostileNanos = Math.min(hostileNanos, cpuNanosToRead(hostile));
        }
        assertTrue(hostileNanos <= MOST_TIMES_NORMAL * normalNanos, "a hostile page took " + hostileNanos / 1_000_000
                + " ms of CPU, a normal one of the same size " + normalNanos / 1_000_000 + " ms");
    }

    /** A seed page with its body repeated up to the limit: many sections, tables, lists and questions. */
    private static String normalPage() throws IOException {
        String seed;
        try (InputStream in = PageCostTest.class.getClassLoader()
                .getResourceAsStream("seeds/000_9d7066477939e445.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = seed.substring(seed.indexOf('\n', seed.indexOf("職業代碼")) + 1);
        StringBuilder page = new StringBuilder(seed);
        fill(page, body);
        return page.toString();
    }

    /**
     * The worst line for each step, one share of the limit each: runs of spaces (line cleaning), code words with no
     * parenthesis (the code patterns), digits (durations), amounts, separators, two hundred unheaded bullets (the
     * AI-list split), and tens of thousands of one-word lines under "who it suits" (the audience split).
     */
    private static String hostilePage() {
        int share = LIMIT / 8;
        StringBuilder page = new StringBuilder(HEAD);
        section(page, "In the AI era: what happens", "• x" + "\n", share, 200);
        section(page, "", " ".repeat(3990) + "x\n", share, Integer.MAX_VALUE);
        section(page, "移民", "職業代碼:".repeat(799) + "\n", share, Integer.MAX_VALUE);
        section(page, "教育路徑", "1".repeat(3999) + "\n", share, Integer.MAX_VALUE);
        section(page, "薪資", "$1,".repeat(1333) + "\n", share, Integer.MAX_VALUE);
        section(page, "資格", "| ".repeat(1999) + "\n", share, Integer.MAX_VALUE);
        section(page, "成長領域", "LinkedI".repeat(571) + "\n", share, Integer.MAX_VALUE);
        section(page, "適合對象", "a\n", LIMIT - bytes(page.toString()) - 16, Integer.MAX_VALUE);
        return page.toString();
    }

    /** The heading, then the line repeated while the share (in UTF-8 bytes) holds it, at most {@code mostLines}. */
    private static void section(StringBuilder page, String heading, String line, int share, int mostLines) {
        page.append(heading).append('\n');
        int lineBytes = bytes(line);
        for (int i = 0; i < mostLines && (i + 1) * lineBytes <= share; i++) {
            page.append(line);
        }
    }

    private static void fill(StringBuilder page, String body) {
        int size = bytes(page.toString());
        int bodyBytes = bytes(body);
        while (size + bodyBytes <= LIMIT) {
            page.append(body);
            size += bodyBytes;
        }
    }

    private static long cpuNanosToRead(String page) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        PageImporter.read(page);
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
