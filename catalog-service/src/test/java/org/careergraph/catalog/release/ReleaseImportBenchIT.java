package org.careergraph.catalog.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.careergraph.catalog.search.IndexedOccupation;
import org.careergraph.catalog.search.OccupationIndex;
import org.careergraph.catalog.search.SearchBenchmark;
import org.careergraph.catalog.search.SearchQuery;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Latencies;
import org.careergraph.testsupport.bench.StatementCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Benchmark (docs/performance.md): release imports, occupations a second, against raw batched inserts of the very
 * rows each import wrote, into copies of the same tables of the same database in the same run: the first load of every
 * bundled release into an empty catalog (OEWS May 2023 in place of May 2024), then OEWS May 2024 over it. Then search
 * over the imported catalog and over generated occupations, against the cheapest query of the same index. The smoke
 * form imports 20 O*NET occupations and the two OEWS releases.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseImportBenchIT implements TestPropertyProvider {

    private static final BenchForm FORM = BenchForm.current();
    private static final String AUTHOR = "release benchmark";
    /** The smoke form's cut of O*NET: the first occupations by code. */
    private static final int SMOKE_OCCUPATIONS = 20;
    /** Raw inserts are cheap: a warm-up round, then the median of these. */
    private static final int RAW_ROUNDS = FORM.pick(1, 3);
    /** What the old benchmark and the import use: one multi-row INSERT for this many rows. */
    private static final int RAW_BATCH = 500;
    private static final int QUERIES = FORM.pick(100, 2_000);
    private static final int WARM_UP_QUERIES = FORM.pick(50, 1_000);
    private static final int GENERATED = FORM.pick(200, 20_000);

    @Inject
    ReleaseImports imports;

    @Inject
    OccupationIndex index;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    private final Random random = new Random(7);

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("catalogbench");
    }

    @Test
    void releaseImportsAgainstRawBatchedInsertsOfTheirRows() {
        long readingStart = System.nanoTime();
        List<ParsedRelease> firstLoad = firstLoad();
        ParsedRelease may2024 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2024_dl.csv",
                ReleaseFiles.oews2024()), null, null);
        double readingSeconds = seconds(readingStart);

        resetHeapPeaks();
        Measured load = importAndMeasure(firstLoad);
        long heapPeak = heapPeak();
        assertEquals(load.entry.total(), load.entry.outcome().created(), "every occupation created");
        Measured update = importAndMeasure(List.of(may2024));
        assertTrue(update.entry.outcome().updated() > 0, "May 2024 moves figures: " + update.entry.outcome());

        awaitIndexed(may2024);
        Search full = search(index, "the imported catalog");
        Search generated;
        try (OccupationIndex large = new OccupationIndex()) {
            List<IndexedOccupation> made = SearchBenchmark.generated(GENERATED);
            large.putAll(made);
            generated = search(large, String.format("%,d generated occupations", GENERATED));
        }

        String releases = firstLoad.stream().map(ParsedRelease::name).collect(Collectors.joining(", "));
        List<Figure> figures = List.of(
                importFigure(String.format("first load of %d releases, %,d occupations", firstLoad.size(),
                        load.entry.total()), load, String.format("%s into an empty catalog, one transaction;"
                        + " reading the files %.1f s, not counted; heap peak %,d MB", releases, readingSeconds,
                        heapPeak / (1024 * 1024))),
                importFigure(String.format("OEWS May 2023 -> May 2024, %,d occupations checked",
                        update.entry.total()), update, String.format("%,d changed (a revision and an event each),"
                        + " %,d unchanged", update.entry.outcome().updated(), update.entry.outcome().unchanged())),
                full.figure(),
                generated.figure());
        figures.forEach(f -> assertTrue(f.finite(), "a number: " + f));
        BenchReport.write("release-import", String.format("Release imports (the first load of every bundled"
                + " release, %,d occupations, then OEWS May 2024 over it) against raw batched inserts of the same"
                + " rows into the same database; search over the catalog and %,d generated occupations against the"
                + " cheapest query", load.entry.total(), GENERATED), figures);
    }

    /** Every bundled release, but OEWS May 2023 in place of May 2024 so that May 2024 can follow; or the smoke cut. */
    private static List<ParsedRelease> firstLoad() {
        ParsedRelease may2023 = ReleaseReaders.read(Series.OEWS, Map.of("national_M2023_dl.csv",
                ReleaseFiles.oews2023()), null, null);
        if (!FORM.isFull()) {
            ParsedRelease onet = ReleaseFiles.read(Series.ONET);
            Map<String, Object> cut = onet.records().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .limit(SMOKE_OCCUPATIONS).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                            (a, b) -> a, LinkedHashMap::new));
            return List.of(new ParsedRelease(onet.series(), onet.label(), onet.releasedOn(), onet.files(), cut),
                    may2023);
        }
        List<ParsedRelease> bundled = new ArrayList<>();
        for (String[] entry : BundledReleases.index()) {
            Series series = Series.parse(entry[0]).orElseThrow();
            bundled.add(series == Series.OEWS ? may2023 : ReleaseFiles.read(series));
        }
        return bundled;
    }

    /** One import as the product runs it, then the same rows inserted raw; and the statements each sent. */
    private Measured importAndMeasure(List<ParsedRelease> releases) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long outboxMark = longOf("SELECT COALESCE(MAX(seq), 0) FROM outbox_event");
        long statementsBefore = statements();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long began = System.nanoTime();
        // In this thread, as a first start runs it: its CPU time is the import's own work, the rest is waiting.
        ImportLog.Entry entry = imports.runNow(releases, AUTHOR);
        double seconds = seconds(began);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        long statements = statements() - statementsBefore;
        assertEquals(ImportLog.Status.APPLIED, entry.status(), "applied: " + entry.outcome());
        System.out.printf("Imported %s: %,d occupations in %.1f s (%.1f s on CPU), %,d SQL statements%n",
                releases.stream().map(ParsedRelease::name).collect(Collectors.joining(", ")), entry.total(), seconds,
                cpuSeconds, statements);

        Timestamp since = Timestamp.from(start);
        List<Rows> written = List.of(
                rows("data_release", "imported_at >= ?", since),
                rows("release_record", "release_id IN (SELECT id FROM data_release WHERE imported_at >= ?)", since),
                rows("occupation", "updated_at >= ?", since),
                rows("occupation_revision", "changed_at >= ?", since),
                rows("outbox_event", "seq > ?", outboxMark));
        assertTrue(written.get(2).values.size() >= entry.outcome().created() + entry.outcome().updated(),
                "every occupation written is copied");
        return new Measured(entry, seconds, cpuSeconds, statements, written, rawInserts(written));
    }

    private Figure importFigure(String name, Measured measured, String note) {
        int occupations = measured.entry.total();
        long rows = measured.written.stream().mapToLong(r -> r.values.size()).sum();
        String rowCounts = measured.written.stream().map(r -> String.format("%,d %s", r.values.size(), r.table))
                .collect(Collectors.joining(", "));
        return Figure.rate(name, occupations / measured.seconds, "occupations/s", String.format("raw batched inserts"
                        + " of the same %,d rows", rows), occupations / measured.rawSeconds, null,
                String.format("%s. The import %.1f s, its thread on CPU %.1f s of them (the rest waiting for the"
                                + " database or for a core), %.1f SQL statements an occupation, each a round trip; the"
                                + " same rows (%s) inserted into copies of their tables, %d to a statement, in one"
                                + " transaction: %.2f s, median of %d after a warm-up", note, measured.seconds,
                        measured.cpuSeconds, (double) measured.statements / occupations, rowCounts, RAW_BATCH,
                        measured.rawSeconds, RAW_ROUNDS));
    }

    /** A table's rows that an import wrote, every column as JDBC reads it. */
    private Rows rows(String table, String where, Object since) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT * FROM " + table + " WHERE " + where,
                statement -> {
                    statement.setObject(1, since);
                    try (ResultSet result = statement.executeQuery()) {
                        ResultSetMetaData meta = result.getMetaData();
                        List<Object[]> values = new ArrayList<>();
                        while (result.next()) {
                            Object[] row = new Object[meta.getColumnCount()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = result.getObject(i + 1);
                            }
                            values.add(row);
                        }
                        return new Rows(table, values);
                    }
                }));
    }

    /**
     * The seconds the database takes to insert these rows into empty copies of their tables (keys and indexes, no
     * foreign keys), batched, in one transaction as the import is: the median of the rounds after a warm-up.
     */
    private double rawInserts(List<Rows> written) {
        for (Rows rows : written) {
            execute("CREATE TABLE bench_" + rows.table + " LIKE " + rows.table);
        }
        try {
            double[] rounds = new double[RAW_ROUNDS];
            for (int round = -1; round < RAW_ROUNDS; round++) {
                written.forEach(rows -> execute("TRUNCATE TABLE bench_" + rows.table));
                long start = System.nanoTime();
                transactions.executeWrite(status -> {
                    written.forEach(this::insertRaw);
                    return null;
                });
                if (round >= 0) {
                    rounds[round] = seconds(start);
                    System.out.printf("Raw batched inserts, round %d of %d: %.2f s%n", round + 1, RAW_ROUNDS,
                            rounds[round]);
                }
            }
            Arrays.sort(rounds);
            return rounds[RAW_ROUNDS / 2];
        } finally {
            written.forEach(rows -> execute("DROP TABLE bench_" + rows.table));
        }
    }

    private void insertRaw(Rows rows) {
        if (rows.values.isEmpty()) {
            return;
        }
        int columns = rows.values.get(0).length;
        String sql = "INSERT INTO bench_" + rows.table + " VALUES (" + String.join(", ",
                Collections.nCopies(columns, "?")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < rows.values.size(); i++) {
                Object[] row = rows.values.get(i);
                for (int column = 0; column < columns; column++) {
                    statement.setObject(column + 1, row[column]);
                }
                statement.addBatch();
                if ((i + 1) % RAW_BATCH == 0 || i == rows.values.size() - 1) {
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    /** Search reads the index the import filled: it shows May 2024's median once May 2024 is indexed. */
    private void awaitIndexed(ParsedRelease may2024) {
        Map.Entry<String, BigDecimal> watched = index.search(SearchQuery.builder().codeSystem("SOC").build()).hits()
                .stream().map(hit -> Map.entry(hit.id(), median(may2024, hit.summary().code())))
                .filter(e -> e.getValue() != null).findFirst().orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> index.search(SearchQuery.builder()
                        .codeSystem("SOC").codePrefix(watched.getKey().substring("soc-".length())).build()).hits()
                .stream().anyMatch(hit -> hit.id().equals(watched.getKey()) && hit.summary().medianWage() != null
                        && hit.summary().medianWage().amount().compareTo(watched.getValue()) == 0));
    }

    private static BigDecimal median(ParsedRelease oews, String socCode) {
        Object row = oews.records().get(socCode);
        return row instanceof ReleaseRecords.WageRow wage && wage.wages().medianAnnual() != null
                ? wage.wages().medianAnnual().amount() : null;
    }

    /** Text and filters as readers search, against match-all, the cheapest query of the same index. */
    private Search search(OccupationIndex searched, String over) {
        Latencies real = latencies(searched, this::realQuery);
        Latencies matchAll = latencies(searched, () -> SearchQuery.builder().build());
        System.out.printf("Search over %s: p50 %.3f ms, match all %.3f ms%n", over, real.percentileMillis(50),
                matchAll.percentileMillis(50));
        return new Search(over, real, matchAll);
    }

    private record Search(String over, Latencies real, Latencies matchAll) {

        Figure figure() {
            return Figure.time("search over " + over + ", text and filters, p50", real.percentileMillis(50), "ms",
                    "match all, the same index, p50", matchAll.percentileMillis(50), null, String.format("%,d"
                            + " queries after %,d not counted, a mix of Chinese and English titles and filters; p99"
                            + " %.3f ms against %.3f ms", QUERIES, WARM_UP_QUERIES, real.percentileMillis(99),
                            matchAll.percentileMillis(99)));
        }
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

    private static Latencies latencies(OccupationIndex searched, Supplier<SearchQuery> queries) {
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            searched.search(queries.get());
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < QUERIES; i++) {
            SearchQuery query = queries.get();
            long start = System.nanoTime();
            searched.search(query);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private void execute(String sql) {
        transactions.executeWrite(status -> jdbc.prepareStatement(sql, PreparedStatement::execute));
    }

    private long longOf(String sql) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }));
    }

    private static void resetHeapPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A table's rows, as written. */
    private record Rows(String table, List<Object[]> values) {
    }

    private record Measured(ImportLog.Entry entry, double seconds, double cpuSeconds, long statements,
                            List<Rows> written, double rawSeconds) {
    }

    /** Statements the database has run so far (every client's). */
    private long statements() {
        return transactions.executeRead(status -> jdbc.execute(StatementCount::soFar));
    }
}
