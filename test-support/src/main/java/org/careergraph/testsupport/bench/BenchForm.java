package org.careergraph.testsupport.bench;

/**
 * The form a benchmark runs in. The test command runs every benchmark in its smoke form (tiny sizes, seconds: it
 * proves the benchmark still works and its figures are finite); {@code ./mvnw -Pbench verify} runs the full form and
 * nothing else. Read from the system property {@code bench.form} that the build passes to the integration tests.
 */
public enum BenchForm {
    SMOKE, FULL;

    public static BenchForm current() {
        return "full".equalsIgnoreCase(System.getProperty("bench.form", "smoke")) ? FULL : SMOKE;
    }

    /** The value for this form: a size, a duration, a count. */
    public <T> T pick(T smoke, T full) {
        return this == FULL ? full : smoke;
    }

    public boolean isFull() {
        return this == FULL;
    }
}
