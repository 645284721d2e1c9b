package org.careergraph.catalog.release;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.careergraph.catalog.occupation.OccupationService;
import org.careergraph.catalog.search.IndexedOccupation;
import org.careergraph.catalog.search.OccupationIndex;
import org.careergraph.catalog.search.SearchBenchmark;
import org.careergraph.catalog.search.SearchQuery;
import org.careergraph.catalog.search.SearchResult;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * Not a test: the first full load of the bundled releases, the OEWS May 2023 to May 2024 update, and search over the
 * full catalog and over 20,000 generated occupations, each beside a baseline measured in the same run on the same
 * machine (raw batched inserts of the same rows; the cheapest query of the same index). Run with
 * {@code ./mvnw -q -o test-compile exec:java -pl catalog-service -Dexec.classpathScope=test
 * -Dexec.mainClass=org.careergraph.catalog.release.ReleaseBenchmark}.
 */
public final class ReleaseBenchmark {

    private static final int QUERIES = 2_000;
    private static final int WARM_UP = 1_000;
    private static final int GENERATED = 20_000;

    private final Random random = new Random(7);
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) {
        try {
            new ReleaseBenchmark().run();
            System.exit(0);
        } catch (Throwable e) {
            // The embedded broker's threads would keep the JVM (and exec:java) waiting.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("catalogbench"));
        try (ApplicationContext context = ApplicationContext.run(props)) {
            ReleaseImports imports = context.getBean(ReleaseImports.class);
            // Every bundled release, but OEWS May 2023 in place of May 2024, so that May 2024 can follow.
            List<ParsedRelease> bundled = new ArrayList<>();
            long parseStart = System.nanoTime();
            ParsedRelease may2023 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2023_dl.csv",
                    ReleaseFiles.oews2023()), null, null);
            for (String[] entry : BundledReleases.index()) {
                Series series = Series.parse(entry[0]).orElseThrow();
                bundled.add(series == Series.OEWS ? may2023 : ReleaseFiles.read(series));
            }
            double parseSeconds = seconds(parseStart);

            resetPeaks();
            long loadStart = System.nanoTime();
            ImportLog.Entry load = imports.runNow(bundled, "benchmark");
            double loadSeconds = seconds(loadStart);
            long peakHeap = peakHeap();
            int occupations = load.total();

            OccupationService service = context.getBean(OccupationService.class);
            List<String> pages = new ArrayList<>();
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            for (String id : service.idsIn(org.careergraph.events.CodeSystem.SOC)) {
                rows.add(id);
            }
            rows.addAll(service.idsIn(org.careergraph.events.CodeSystem.ANZSCO));
            for (List<String> batch : batches(rows, 200)) {
                service.findAllInOrder(batch).forEach(o -> pages.add(json(context, o)));
            }
            double rawSeconds = rawInserts(context, jdbc, pages);

            ParsedRelease may2024 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2024_dl.csv",
                    ReleaseFiles.oews2024()), null, null);
            long updateStart = System.nanoTime();
            ImportLog.Entry update = imports.runNow(List.of(may2024), "benchmark");
            double updateSeconds = seconds(updateStart);

            OccupationIndex index = context.getBean(OccupationIndex.class);
            // Search is measured on the updated catalog: the index shows May 2024's median for Data Scientists.
            BigDecimal expected = ((ReleaseRecords.WageRow) may2024.records().get("15-2051")).wages().medianAnnual()
                    .amount();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> index.search(SearchQuery.builder()
                            .codeSystem("SOC").codePrefix("15-2051").build()).hits().stream()
                    .filter(hit -> hit.id().equals("soc-15-2051")).anyMatch(hit -> hit.summary().medianWage() != null
                            && hit.summary().medianWage().amount().compareTo(expected) == 0));
            double[] full = latencies(index, this::realQuery);
            double[] fullBaseline = latencies(index, () -> SearchQuery.builder().build());

            double[] generated;
            double[] generatedBaseline;
            try (OccupationIndex large = new OccupationIndex()) {
                List<IndexedOccupation> made = SearchBenchmark.generated(GENERATED);
                large.putAll(made);
                generated = latencies(large, this::realQuery);
                generatedBaseline = latencies(large, () -> SearchQuery.builder().build());
            }

            System.out.println();
            System.out.println("| figure | value | baseline (same run) | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| first full load: %d occupations, %d releases | %.1f s, %.0f occupations/s (reading"
                            + " the files %.1f s), heap peak %d MB | raw batched inserts of the same pages: %.0f"
                            + " rows/s | %.2f |%n", occupations, bundled.size(), loadSeconds, occupations / loadSeconds,
                    parseSeconds, peakHeap / (1024 * 1024), pages.size() / rawSeconds,
                    (occupations / loadSeconds) / (pages.size() / rawSeconds));
            int checked = update.outcome().updated() + update.outcome().unchanged();
            System.out.printf("| OEWS May 2023 -> May 2024 | %.1f s: %d occupations checked, %.0f/s; %d occupation"
                            + " events (%d unchanged) | raw batched inserts: %.0f rows/s | %.2f |%n", updateSeconds,
                    checked, checked / updateSeconds, update.outcome().updated(), update.outcome().unchanged(),
                    pages.size() / rawSeconds, (checked / updateSeconds) / (pages.size() / rawSeconds));
            System.out.printf("| search, full catalog (%d), text and filters | p50 %.3f ms, p99 %.3f ms | match all:"
                    + " p50 %.3f ms, p99 %.3f ms | p50 %.1f x |%n", rows.size(), full[0], full[1], fullBaseline[0],
                    fullBaseline[1], full[0] / fullBaseline[0]);
            System.out.printf("| search, %,d generated, text and filters | p50 %.3f ms, p99 %.3f ms | match all:"
                    + " p50 %.3f ms, p99 %.3f ms | p50 %.1f x |%n", GENERATED, generated[0], generated[1],
                    generatedBaseline[0], generatedBaseline[1], generated[0] / generatedBaseline[0]);
        }
    }

    /** The same pages, inserted as plain rows in batches of 500 in one transaction: what the database alone does. */
    private double rawInserts(ApplicationContext context, JdbcOperations jdbc, List<String> pages) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> jdbc.prepareStatement(
                "CREATE TABLE IF NOT EXISTS bench_raw (id INT PRIMARY KEY, page LONGTEXT NOT NULL)",
                s -> s.executeUpdate()));
        long start = System.nanoTime();
        tx.executeWrite(status -> {
            int n = 0;
            for (List<String> batch : batches(pages, 500)) {
                int first = n;
                jdbc.prepareStatement("INSERT INTO bench_raw (id, page) VALUES (?, ?)", s -> {
                    int i = first;
                    for (String page : batch) {
                        s.setInt(1, i++);
                        s.setString(2, page);
                        s.addBatch();
                    }
                    return s.executeBatch();
                });
                n += batch.size();
            }
            return null;
        });
        double seconds = seconds(start);
        tx.executeWrite(status -> jdbc.prepareStatement("DROP TABLE bench_raw", s -> s.executeUpdate()));
        return seconds;
    }

    /** A mix of what readers search: Chinese and English titles, alternate titles, and filters. */
    private SearchQuery realQuery() {
        String[] zh = {"護理師", "軟體工程師", "社會工作", "會計", "教師", "工程師", "經理", "技術員", "資料"};
        String[] en = {"nurse", "software developer", "social worker", "accountant", "teacher", "engineer",
            "manager", "data analytics", "truck driver", "electrician"};
        return switch (random.nextInt(4)) {
            case 0 -> SearchQuery.builder().text(zh[random.nextInt(zh.length)]).build();
            case 1 -> SearchQuery.builder().text(en[random.nextInt(en.length)]).build();
            case 2 -> SearchQuery.builder().codeSystem("SOC").wageBetween(BigDecimal.valueOf(50_000), null)
                    .exposureBetween(null, new BigDecimal("0.5")).sort(SearchQuery.SortBy.WAGE_DESC).build();
            default -> SearchQuery.builder().text(en[random.nextInt(en.length)]).codeSystem("ANZSCO")
                    .skillLevel(1 + random.nextInt(5)).build();
        };
    }

    private static double[] latencies(OccupationIndex index, Supplier<SearchQuery> queries) {
        for (int i = 0; i < WARM_UP; i++) {
            index.search(queries.get());
        }
        long[] nanos = new long[QUERIES];
        long hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            SearchQuery query = queries.get();
            long start = System.nanoTime();
            SearchResult result = index.search(query);
            nanos[i] = System.nanoTime() - start;
            hits += result.total();
        }
        Arrays.sort(nanos);
        if (hits < 0) {
            throw new IllegalStateException();
        }
        return new double[] {nanos[QUERIES / 2] / 1e6, nanos[(int) (QUERIES * 0.99)] / 1e6};
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }

    private static String json(ApplicationContext context, Object value) {
        try {
            return context.getBean(io.micronaut.json.JsonMapper.class).writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
