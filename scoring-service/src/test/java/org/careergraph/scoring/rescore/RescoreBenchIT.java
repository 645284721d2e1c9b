package org.careergraph.scoring.rescore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.careergraph.events.EventType;
import org.careergraph.events.OccupationFacts;
import org.careergraph.scoring.input.ScoringInput;
import org.careergraph.scoring.input.ScoringInputRepository;
import org.careergraph.scoring.model.Dimension;
import org.careergraph.scoring.model.Models;
import org.careergraph.scoring.model.ScoringModel;
import org.careergraph.scoring.score.ScoreCalculator;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.bench.BenchForm;
import org.careergraph.testsupport.bench.BenchReport;
import org.careergraph.testsupport.bench.Figure;
import org.careergraph.testsupport.bench.Medians;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's full re-score under the current model, in occupations a second: the service's re-score job rewriting the
 * whole catalog after a model is put in force, beside two baselines measured in the same run on the same machine (a
 * shared, noisy one: a ratio holds where an absolute rate does not):
 * <ul>
 *   <li><b>raw UPDATEs</b>: the same database writing the very rows the job writes (every column, the explanation as
 *       JSON, batches of the job's size, a transaction each) to a copy of the score table, with nothing read or
 *       computed; run once just before the job and once just after, and the mean taken;</li>
 *   <li><b>calculator</b>: {@link ScoreCalculator} alone scoring the same inputs under the same model, in memory.</li>
 * </ul>
 * For each size, in a fresh database: inputs like the real catalog's ({@link GeneratedCatalog}) are stored and scored
 * under model 1; then three models are put in force as {@code PUT /api/scoring/model} puts them and each job is run on
 * the test's thread to its end: model 1 -> model 2 (nearly every score moves), {@code /income/perDoubling} 2.5 -> 3
 * (the US incomes move), {@code /certification/apprenticeship} 3 -> 2 (few move, but every row is rewritten under the
 * new version). That is a round; model 1 is put back in force (not measured) before the next. The outbox relay is off,
 * so that the times are the job's own. Full form: the real catalog's 2,039 occupations and 20,000, the medians of
 * three rounds after one JVM-wide round that warms the JIT up (a few minutes); smoke form: 50 occupations, one round.
 */
class RescoreBenchIT {

    private static final BenchForm FORM = BenchForm.current();
    private static final List<Integer> SIZES = FORM.pick(List.of(50), List.of(2_039, 20_000));
    private static final int ROUNDS = FORM.pick(1, 3);
    private static final int WARM_UP_ROUNDS = FORM.pick(0, 1);
    /** The service's default batch. */
    private static final int BATCH = 500;
    /** The calculator scores the inputs over and over until this much time has passed, for a steady rate. */
    private static final long CALCULATOR_NANOS = FORM.pick(Duration.ofMillis(100), Duration.ofSeconds(1)).toNanos();
    private static final long PROGRESS_NANOS = Duration.ofSeconds(2).toNanos();
    private static final String MODEL_2 = "model 1 -> model 2";
    private static final String INCOME = "/income/perDoubling 2.5 -> 3";
    private static final String CERTIFICATION = "/certification/apprenticeship 3 -> 2";

    @Test
    void reScoresTheCatalogBesideRawWritesOfItsRowsAndTheCalculatorAlone() {
        RoundTrips.watchThisThread();
        List<Figure> figures = new ArrayList<>();
        int warmUpRounds = WARM_UP_ROUNDS;
        for (int size : SIZES) {
            Map<String, Object> props = new HashMap<>(TestInfrastructure.serviceProperties("scoring_bench"));
            // The scheduled poll runs 2 s after start, then not for an hour: the test runs every job itself.
            props.put("careergraph.scoring.rescore.poll-interval", "1h");
            props.put("careergraph.scoring.rescore.batch-size", BATCH);
            props.put("careergraph.outbox.relay.enabled", "false");
            props.put("datasources.default.data-source-properties.queryInterceptors", RoundTrips.class.getName());
            try (ApplicationContext context = ApplicationContext.run(props)) {
                figures.addAll(new OneSize(context, size, warmUpRounds).figures());
            }
            warmUpRounds = 0; // the JIT is warm for the next size
        }

        assertEquals(SIZES.size() * 4, figures.size(), "three model changes and the calculator, for each size");
        figures.forEach(figure -> assertTrue(figure.finite(), figure::toString));
        BenchReport.write("rescore", "The re-score job after a scoring model change, over "
                + SIZES.stream().map("%,d"::formatted).collect(Collectors.joining(" and "))
                + " generated occupations like the real catalog's, three model changes each, beside the same database"
                + " writing the same score rows and the calculator alone", figures);
    }

    /** One size in its own database: stores the inputs, then measures every model change over the rounds. */
    private static final class OneSize {

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
        OneSize(ApplicationContext context, int size, int warmUpRounds) {
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

        List<Figure> figures() {
            settle();
            System.out.printf("%n== re-score benchmark: %,d occupations ==%n", size);
            List<ScoringInput> all = new GeneratedCatalog().generate(size);
            store(all);
            long start = System.nanoTime();
            RescoreJob first = rescore(ScoringModel.MODEL_1, "benchmark: every occupation scored under model 1 first");
            System.out.printf("scored under model 1 (every row inserted) in %.1f s, %.0f occupations/s%n",
                    seconds(start), size / seconds(start));
            assertEquals(size, first.changed(), "every generated occupation has something to rate");
            System.out.println("under model 2, rated: " + coverage(all.stream().map(input -> ScoreCalculator.score(
                    input, ScoringModel.MODEL_2, "2")).toList()));

            Map<String, Supplier<ScoringModel>> changes = new LinkedHashMap<>();
            changes.put(MODEL_2, () -> ScoringModel.MODEL_2);
            changes.put(INCOME, () -> changed("income", "perDoubling", "3"));
            changes.put(CERTIFICATION, () -> changed("certification", "apprenticeship", "2"));
            Map<String, List<Measured>> measured = new LinkedHashMap<>();
            Progress progress = new Progress((warmUpRounds + ROUNDS) * changes.size());
            for (int round = 1 - warmUpRounds; round <= ROUNDS; round++) {
                if (round != 1 - warmUpRounds) {
                    rescore(ScoringModel.MODEL_1, "benchmark: back to model 1 for the next round");
                }
                String name = round < 1 ? "warm-up round (not counted)" : "round " + round + "/" + ROUNDS;
                for (Map.Entry<String, Supplier<ScoringModel>> change : changes.entrySet()) {
                    Measured one = measure(all, change.getValue().get());
                    System.out.printf("%,d occupations, %s, %s: re-score %s (%,.0f/s), %,d changed; raw UPDATEs %s,"
                                    + " calculator %s: %.2f x raw, %.3f x calculator; %s%n", size, name,
                            change.getKey(), time(one.seconds()), size / one.seconds(), one.changed(),
                            time(one.rawSeconds()), time(one.calculatorSeconds()), one.rawSeconds() / one.seconds(),
                            one.calculatorSeconds() / one.seconds(), progress.step());
                    if (round >= 1) {
                        measured.computeIfAbsent(change.getKey(), key -> new ArrayList<>()).add(one);
                    }
                }
            }
            List<Figure> figures = new ArrayList<>();
            measured.forEach((change, rounds) -> figures.add(versusRawUpdates(change, rounds)));
            figures.add(versusCalculator(measured));
            return figures;
        }

        /**
         * The service queues a re-score for the shipped model 2 on start (over an empty catalog here): runs it, or
         * waits for the scheduled poll that claimed it first, so that no job of the service's runs beside the test's.
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

        /**
         * One model change: the calculator, raw UPDATEs, the re-score, raw UPDATEs again; then checks that the job
         * wrote what it says (every score under the new version, a history row and an event for each move).
         */
        private Measured measure(List<ScoringInput> all, ScoringModel model) {
            String version = String.valueOf(models.active().version() + 1);
            List<ScoreCalculator.Result> results = new ArrayList<>(all.size());
            double calculator = calculatorSeconds(all, model, version, results);
            List<Object[]> rows = scoreRows(all, results, version);
            double rawBefore = rawUpdateSeconds(rows);
            long historyBefore = count("SELECT COUNT(*) FROM score_history");
            long eventsBefore = scoreChangedEvents();

            RoundTrips.takeCount();
            long allocated = allocatedBytes();
            long start = System.nanoTime();
            RescoreJob job = rescore(model, "benchmark");
            double seconds = seconds(start);
            allocated = allocatedBytes() - allocated;
            int trips = RoundTrips.takeCount();

            assertEquals(size, count("SELECT COUNT(*) FROM score WHERE model_version = ?", version));
            assertEquals(job.changed(), count("SELECT COUNT(*) FROM score_history") - historyBefore);
            assertEquals(job.changed(), scoreChangedEvents() - eventsBefore);
            double raw = (rawBefore + rawUpdateSeconds(rows)) / 2;
            return new Measured(job.changed(), seconds, raw, calculator,
                    trips / (double) ((size + BATCH - 1) / BATCH), allocated / (double) size);
        }

        /** Puts the model in force as {@code PUT /api/scoring/model} does, then claims and runs its job here. */
        private RescoreJob rescore(ScoringModel model, String note) {
            RescoreJob queued = modelChanges.put(model, note, "benchmark").orElseThrow(() ->
                    new IllegalStateException("the model is in force already: " + note));
            RescoreJob job = rescorer.claim().orElseThrow(() -> new IllegalStateException("job claimed elsewhere"));
            assertEquals(queued.id(), job.id(), "the job just queued is the one claimed");
            job = rescorer.run(job);
            assertEquals(RescoreJob.State.DONE, job.state(), job::toString);
            assertEquals(size, job.scored(), job::toString);
            return job;
        }

        // Baselines --------------------------------------------------------------------------------------------------

        /**
         * The calculator alone over every input, as many passes as fit in the time allowed after one pass to warm up;
         * the seconds one pass takes on average. Leaves the last pass's results in {@code results}.
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
        private List<Object[]> scoreRows(List<ScoringInput> all, List<ScoreCalculator.Result> results,
                                         String version) {
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
         * Writes the rows to a fresh copy of the score table, in batches of the job's size, a transaction each: only
         * the writing is timed.
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
            transactions.executeWrite(s -> jdbc.prepareStatement("DROP TABLE " + COPY,
                    PreparedStatement::executeUpdate));
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

        // Figures ----------------------------------------------------------------------------------------------------

        /** The rounds of one model change against raw UPDATEs: median rates, and the median of the rounds' ratios. */
        private Figure versusRawUpdates(String change, List<Measured> rounds) {
            ToDoubleFunction<Measured> ratio = m -> m.rawSeconds() / m.seconds();
            double[] ratios = sorted(rounds, ratio);
            String note = ("%,d of %,d scores moved; %s; batches of %d: %.0f SQL round trips a batch, %.0f KB"
                    + " allocated an occupation; raw UPDATEs: the same rows, every column, the same batches, to a copy"
                    + " of the score table (the mean of a run before the job and one after)").formatted(
                    rounds.getLast().changed(), size, roundsSaid(ratios), BATCH,
                    Medians.of(rounds, Measured::roundTripsPerBatch),
                    Medians.of(rounds, Measured::bytesPerOccupation) / 1024);
            return new Figure("re-score %,d occupations, %s".formatted(size, change),
                    Medians.of(rounds, m -> size / m.seconds()), "occupations/s", "raw UPDATEs of the same score rows",
                    Medians.of(rounds, m -> size / m.rawSeconds()), "occupations/s", Medians.of(rounds, ratio), null,
                    note);
        }

        /**
         * The calculator against the re-score that moves every score; the note gives the other changes' ratios (the
         * calculation is the same work in each, the writing is not).
         */
        private Figure versusCalculator(Map<String, List<Measured>> measured) {
            List<Measured> rounds = measured.get(MODEL_2);
            ToDoubleFunction<Measured> ratio = m -> m.calculatorSeconds() / m.seconds();
            double[] ratios = sorted(rounds, ratio);
            String others = measured.entrySet().stream().filter(e -> !e.getKey().equals(MODEL_2))
                    .map(e -> "%.3g for %s".formatted(Medians.of(e.getValue(), m -> m.calculatorSeconds() / m.seconds()),
                            e.getKey()))
                    .collect(Collectors.joining(", "));
            String note = ("the ratio is the calculation's share of the job's time, the rest reading and writing"
                    + " (the other changes: %s); %s; ScoreCalculator alone over the same inputs and model, in memory, pass after pass for"
                    + " %d ms").formatted(others, roundsSaid(ratios), CALCULATOR_NANOS / 1_000_000);
            return new Figure("re-score %,d occupations, %s".formatted(size, MODEL_2),
                    Medians.of(rounds, m -> size / m.seconds()), "occupations/s", "ScoreCalculator alone, same inputs",
                    Medians.of(rounds, m -> size / m.calculatorSeconds()), "occupations/s", Medians.of(rounds, ratio),
                    null, note);
        }

        /** "one round", or "medians of 3 rounds after an uncounted warm-up round (rounds' ratios 0.38-0.45)". */
        private String roundsSaid(double[] sortedRatios) {
            String warmUp = warmUpRounds > 0 ? " after an uncounted warm-up round" : "";
            return ROUNDS == 1 ? "one round" + warmUp : "medians of %d rounds%s (rounds' ratios %.3g-%.3g)".formatted(
                    ROUNDS, warmUp, sortedRatios[0], sortedRatios[sortedRatios.length - 1]);
        }

        // Models and measurements ------------------------------------------------------------------------------------

        /** The model in force with {@code section.parameter} set to {@code value}, edited as JSON. */
        @SuppressWarnings("unchecked")
        private ScoringModel changed(String section, String parameter, String value) {
            try {
                Map<String, Object> model = json.readValue(json.writeValueAsBytes(models.active().model()),
                        Map.class);
                ((Map<String, Object>) model.get(section)).put(parameter, new BigDecimal(value));
                return json.readValue(json.writeValueAsBytes(model), ScoringModel.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long scoreChangedEvents() {
            return count("SELECT COUNT(*) FROM outbox_event WHERE type = ?", EventType.SCORE_CHANGED.type());
        }

        private long count(String sql, String... parameters) {
            return transactions.executeRead(s -> jdbc.prepareStatement(sql, statement -> {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }));
        }

        private String toJson(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Steps done out of all of one size's, and the time left at the rate so far. */
        private final class Progress {

            private final int steps;
            private final long start = System.nanoTime();
            private int done;

            Progress(int steps) {
                this.steps = steps;
            }

            String step() {
                done++;
                return "%d/%d done at %,d occupations, about %s left".formatted(done, steps, size,
                        time(seconds(start) / done * (steps - done)));
            }
        }
    }

    /** One re-score beside its baselines, in one round; times in seconds, the same occupations in each. */
    private record Measured(int changed, double seconds, double rawSeconds, double calculatorSeconds,
                            double roundTripsPerBatch, double bytesPerOccupation) {
    }

    private static double[] sorted(List<Measured> rounds, ToDoubleFunction<Measured> value) {
        return rounds.stream().mapToDouble(value).sorted().toArray();
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
}
