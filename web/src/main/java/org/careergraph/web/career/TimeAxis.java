package org.careergraph.web.career;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis for a chart drawn on the server: where each moment lies (in proportion to the time between them, not to
 * their order), and which moments to label so that no two labels overlap.
 *
 * <p>The labels fall on round moments (a whole minute, midnight, the first of a month, New Year), with the smallest
 * step whose labels, as wide as {@link TextWidth} reckons them, leave room between them: seconds or minutes for
 * moves within a few minutes (the date then said once under the axis), days, months or years for longer spans. All
 * in UTC, as the pages give times. One moment alone (or several at the same instant) sits in the middle, labelled
 * with its date and time.
 */
final class TimeAxis {

    /** The room left between two labels, in px. */
    static final double GAP = 12;

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A label under the axis at {@code x}. */
    record Tick(double x, String label) {
    }

    /**
     * Where the moments go and what the axis says.
     *
     * @param xs      each moment's x, in the order given
     * @param ticks   the labels, left to right
     * @param context the dates the labels' times are on ("2026-03-01 (UTC)"), when the labels are times; else null
     */
    record Layout(List<Double> xs, List<Tick> ticks, @Nullable String context) {
    }

    /** How far apart the labels are: a number of one unit. */
    private enum Unit {
        SECOND(1, "HH:mm:ss"), MINUTE(60, "HH:mm"), HOUR(3600, "HH:mm"), DAY(86_400, "yyyy-MM-dd"),
        WEEK(7 * 86_400, "yyyy-MM-dd"), MONTH(28 * 86_400, "yyyy-MM"), YEAR(365 * 86_400, "yyyy");

        /** The shortest a unit can be (a month of 28 days), in seconds: what the room between labels is reckoned on. */
        final long seconds;
        final DateTimeFormatter format;

        Unit(long seconds, String pattern) {
            this.seconds = seconds;
            this.format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
        }

        boolean isTimeOfDay() {
            return this == SECOND || this == MINUTE || this == HOUR;
        }

        /** The widest label of this unit: every one has the same digits and punctuation. */
        double labelWidth() {
            return TextWidth.chart(format.format(Instant.parse("2000-12-28T20:00:00Z")));
        }
    }

    private record Step(Unit unit, int count) {

        long seconds() {
            return unit.seconds * count;
        }
    }

    private static final List<Step> STEPS = List.of(
            new Step(Unit.SECOND, 1), new Step(Unit.SECOND, 2), new Step(Unit.SECOND, 5), new Step(Unit.SECOND, 10),
            new Step(Unit.SECOND, 15), new Step(Unit.SECOND, 30),
            new Step(Unit.MINUTE, 1), new Step(Unit.MINUTE, 2), new Step(Unit.MINUTE, 5), new Step(Unit.MINUTE, 10),
            new Step(Unit.MINUTE, 15), new Step(Unit.MINUTE, 30),
            new Step(Unit.HOUR, 1), new Step(Unit.HOUR, 2), new Step(Unit.HOUR, 3), new Step(Unit.HOUR, 6),
            new Step(Unit.HOUR, 12),
            new Step(Unit.DAY, 1), new Step(Unit.DAY, 2), new Step(Unit.WEEK, 1), new Step(Unit.WEEK, 2),
            new Step(Unit.MONTH, 1), new Step(Unit.MONTH, 2), new Step(Unit.MONTH, 3), new Step(Unit.MONTH, 6),
            new Step(Unit.YEAR, 1), new Step(Unit.YEAR, 2), new Step(Unit.YEAR, 5), new Step(Unit.YEAR, 10),
            new Step(Unit.YEAR, 20), new Step(Unit.YEAR, 50), new Step(Unit.YEAR, 100), new Step(Unit.YEAR, 1000));

    private TimeAxis() {
    }

    /**
     * Lays out {@code times} (any order) between {@code left} and {@code left + width}, the earliest at the left edge
     * and the latest at the right one.
     */
    static Layout layout(List<Instant> times, double left, double width) {
        Instant from = times.stream().min(Instant::compareTo).orElseThrow();
        Instant to = times.stream().max(Instant::compareTo).orElseThrow();
        double span = seconds(from, to);
        if (span <= 0) {
            double middle = left + width / 2;
            return new Layout(times.stream().map(t -> middle).toList(),
                    List.of(new Tick(middle, FULL.format(from))), null);
        }
        List<Double> xs = times.stream().map(t -> left + seconds(from, t) / span * width).toList();

        Step step = STEPS.getLast();
        for (Step candidate : STEPS) {
            if (candidate.seconds() / span * width >= candidate.unit.labelWidth() + GAP) {
                step = candidate;
                break;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (Instant tick = first(from, step); !tick.isAfter(to) && ticks.size() < 100; tick = next(tick, step)) {
            ticks.add(new Tick(left + seconds(from, tick) / span * width, step.unit.format.format(tick)));
        }
        if (ticks.size() < 2) {
            // Fewer than two round moments within the span: the first and the last moment themselves, as far apart
            // as the whole axis, which is at least one step.
            ticks = List.of(new Tick(left, step.unit.format.format(from)),
                    new Tick(left + width, step.unit.format.format(to)));
        }
        String context = null;
        if (step.unit.isTimeOfDay()) {
            String first = DAY.format(from);
            String last = DAY.format(to);
            context = (first.equals(last) ? first : first + " – " + last) + " (UTC)";
        }
        return new Layout(xs, ticks, context);
    }

    /** A moment as the services give it (an instant, a date-time with an offset, or a date); null for anything else. */
    @Nullable
    static Instant parse(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not an instant in UTC: try the others
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // nor one with an offset
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static double seconds(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return between.getSeconds() + between.getNano() / 1e9;
    }

    /** The first round moment of the step at or after {@code from}. */
    private static Instant first(Instant from, Step step) {
        return switch (step.unit) {
            case SECOND, MINUTE, HOUR, DAY -> Instant.ofEpochSecond(ceilTo(from, step.seconds(), 0));
            // Mondays: 1970-01-05 was one
            case WEEK -> Instant.ofEpochSecond(ceilTo(from, step.seconds(), 4 * 86_400L));
            case MONTH -> {
                LocalDate month = LocalDate.ofInstant(from, ZoneOffset.UTC).withDayOfMonth(1);
                if (month.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(from)) {
                    month = month.plusMonths(1);
                }
                while ((month.getMonthValue() - 1) % step.count != 0) {
                    month = month.plusMonths(1);
                }
                yield month.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            case YEAR -> {
                LocalDate year = LocalDate.ofInstant(from, ZoneOffset.UTC).withDayOfYear(1);
                if (year.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(from)) {
                    year = year.plusYears(1);
                }
                year = year.plusYears(Math.floorMod(-year.getYear(), step.count));
                yield year.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        };
    }

    private static Instant next(Instant tick, Step step) {
        return switch (step.unit) {
            case MONTH -> LocalDate.ofInstant(tick, ZoneOffset.UTC).plusMonths(step.count)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            case YEAR -> LocalDate.ofInstant(tick, ZoneOffset.UTC).plusYears(step.count)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> tick.plusSeconds(step.seconds());
        };
    }

    /** The first second at or after {@code from} that is {@code offset} plus a whole number of {@code step}s. */
    private static long ceilTo(Instant from, long step, long offset) {
        long seconds = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0) - offset;
        return Math.ceilDiv(seconds, step) * step + offset;
    }
}
