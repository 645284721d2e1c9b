package org.careergraph.deploy.load;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how hard the sustained-load check drives the system; each can be set as a system property
 * ({@code -Dload.duration=10m}: a number with ms, s, m or h, or an ISO-8601 duration).
 *
 * @param duration     how long the load runs, warm-up included ({@code load.duration})
 * @param warmUp       the first part of it, left out of the heap and lag rules ({@code load.warmup})
 * @param sample       how often heap and lag are sampled; also the table's rows ({@code load.sample})
 * @param rate         requests a second, sent on time whatever the latency ({@code load.rate})
 * @param concurrency  requests in flight at most; a request due when all are taken is not sent, and counts as an
 *                     error ({@code load.concurrency})
 * @param gatewayPort  the gateway's port, 0 for any free one ({@code load.port})
 * @param occupations  how many occupations of its own the check creates and edits ({@code load.occupations})
 * @param seed         the random mix's seed ({@code load.seed})
 */
public record LoadSettings(Duration duration, Duration warmUp, Duration sample, int rate, int concurrency,
                           int gatewayPort, int occupations, long seed) {

    public LoadSettings {
        if (warmUp.compareTo(duration) >= 0 || sample.isZero() || sample.isNegative()) {
            throw new IllegalArgumentException("warm-up must be shorter than the duration, sample positive");
        }
        // The heap and lag rules compare the first and the last third of the samples after the warm-up.
        long measured = duration.minus(warmUp).toMillis() / sample.toMillis() + 1;
        if (measured < 3) {
            throw new IllegalArgumentException("at least 3 samples after the warm-up are needed, got " + measured
                    + ": lengthen load.duration or shorten load.sample");
        }
        if (rate < 1 || concurrency < 1 || occupations < 1) {
            throw new IllegalArgumentException("rate, concurrency and occupations must be positive");
        }
    }

    /** The ten-minute run: a minute of warm-up, a sample a minute, 40 requests/s, through port 8080. */
    public static LoadSettings tenMinutes() {
        return fromProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(1), 8080);
    }

    /** The test command's run: 45 s, 10 s of warm-up, a sample every 5 s, on a free port. */
    public static LoadSettings short45s() {
        return fromProperties(Duration.ofSeconds(45), Duration.ofSeconds(10), Duration.ofSeconds(5), 0);
    }

    private static LoadSettings fromProperties(Duration duration, Duration warmUp, Duration sample, int port) {
        return new LoadSettings(duration("load.duration", duration), duration("load.warmup", warmUp),
                duration("load.sample", sample), Integer.getInteger("load.rate", 40),
                Integer.getInteger("load.concurrency", 48), Integer.getInteger("load.port", port),
                Integer.getInteger("load.occupations", 20), Long.getLong("load.seed", 17));
    }

    static Duration duration(String property, Duration fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        String number = text.replaceAll("[a-z]+$", "");
        long amount = Long.parseLong(number);
        return switch (text.substring(number.length())) {
            case "ms" -> Duration.ofMillis(amount);
            case "s", "" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException(property + ": " + value);
        };
    }
}
