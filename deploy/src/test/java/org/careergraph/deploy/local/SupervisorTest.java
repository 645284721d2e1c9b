package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.deploy.local.Supervisor.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against real processes ({@link FakeService} JVMs, killed with SIGKILL), with the real gateway in
 * front of them; no broker or database.
 */
class SupervisorTest {

    /** A JVM's start on 2 busy cores. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();
    private Path crashFile;
    private Supervisor supervisor;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        client.close();
        assertFalse(output().contains("supervising failed"), output());
    }

    @Test
    void backoffDoublesFromItsFirstWaitUpToItsCap() {
        List<Long> seconds = List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(restart -> RestartPolicy.DEFAULT.backoff(restart).toSeconds()).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), seconds);
    }

    @Test
    void aServiceKilledAfterItWasReadyIsRestartedAndTheGatewaySaysSoMeanwhile() throws Exception {
        supervise(new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(4), 3, Duration.ofMinutes(1)));
        await().atMost(STARTUP).until(() -> state() == State.READY);
        long first = servingPid();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        HttpResponse<String> whileDown = await().atMost(STARTUP)
                .until(() -> get("/api/scores/anzsco-411215"), response -> response.statusCode() == 503);
        assertEquals("application/problem+json", whileDown.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(Long.parseLong(whileDown.headers().firstValue("Retry-After").orElseThrow()) >= 1,
                whileDown.headers().toString());
        assertTrue(whileDown.body().contains("\"detail\":\"The scoring service exited with code 137 and "),
                whileDown.body());
        HttpResponse<String> readiness = get(Gateway.READINESS);
        assertEquals(503, readiness.statusCode());
        assertTrue(readiness.body().contains("\"scoring\":\"DOWN\""), readiness.body());
        assertTrue(readiness.body().contains("\"scoring\":{\"state\":\"RESTARTING\",\"detail\":\"exited with code 137"),
                readiness.body());

        await().atMost(STARTUP).until(() -> get("/api/scores/anzsco-411215").statusCode() == 200);
        assertNotEquals(first, servingPid(), "a new process serves");
        assertTrue(output().contains("[launcher] scoring exited with code 137; restarting in 2 s (restart 1)\n"),
                output());
        assertTrue(Pattern.compile("\\[launcher] scoring is ready again after \\d+ s\n").matcher(output()).find(),
                output());
    }

    @Test
    void aServiceThatKeepsExitingIsRestartedWithBackoffThenGivenUpOn() throws Exception {
        supervise(new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(200), 3, Duration.ofMinutes(1)));
        await().atMost(STARTUP).until(() -> state() == State.READY);
        Files.createFile(crashFile); // from now on it crashes at every start

        ProcessHandle.of(servingPid()).orElseThrow().destroyForcibly();

        // The state and the launcher's line about it come from one decision, not in one step: wait for both.
        await().atMost(STARTUP).until(() -> state() == State.GAVE_UP && output().contains("gave up on scoring"));
        String output = output();
        assertTrue(output.contains("[launcher] scoring exited with code 137; restarting in 0.1 s (restart 1)\n"), output);
        assertTrue(output.contains("[launcher] scoring exited with code 3; restarting in 0.2 s (restart 2)\n"), output);
        assertTrue(output.contains("[launcher] gave up on scoring: it exited 3 times in a row (last code 3); its output "
                + "is above, prefixed [scoring]. The rest keeps running; restart Career Graph after fixing it.\n"), output);
        assertEquals(2, count(output, "[scoring] crashing as told"), "restarted twice, then left alone: " + output);

        HttpResponse<String> givenUp = get("/api/scores/anzsco-411215");
        assertEquals(503, givenUp.statusCode());
        assertTrue(givenUp.headers().firstValue("Retry-After").isEmpty(), "it will not come back by itself");
        assertTrue(givenUp.body().contains("was given up on; restart Career Graph after fixing it."), givenUp.body());
        HttpResponse<String> readiness = get(Gateway.READINESS);
        assertEquals(503, readiness.statusCode());
        assertTrue(readiness.body().contains("\"scoring\":{\"state\":\"GAVE_UP\",\"detail\":\"exited 3 times in a row"),
                readiness.body());
    }

    @Test
    void aServiceThatStayedReadyLongEnoughCountsItsExitsFromZeroAgain() {
        // Given up on at the second exit in a row; but ready for as long as stableAfter (here: at all) starts over.
        supervise(new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(100), 2, Duration.ZERO));
        await().atMost(STARTUP).until(() -> state() == State.READY);

        for (int kill = 0; kill < 2; kill++) {
            long killed = pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(STARTUP).until(() -> pid() != killed && state() == State.READY);
        }

        assertEquals(2, count(output(), "; restarting in 0.1 s (restart 1)"), output());
        assertFalse(output().contains("gave up"), output());
    }

    @Test
    void aServiceThatExitsBeforeItWasEverReadyIsNotRestarted() throws Exception {
        Files.createFile(dir.resolve("crash"));
        supervise(new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(100), 3, Duration.ZERO));

        await().atMost(STARTUP).until(() -> state() == State.EXITED_BEFORE_READY);

        assertEquals(FakeService.CRASH_CODE, supervisor.status(Service.SCORING).orElseThrow().lastExitCode());
        assertFalse(output().contains("restarting"), output());
        HttpResponse<String> response = get("/api/scores/anzsco-411215");
        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("The scoring service exited with code 3 before it was ready."),
                response.body());
    }

    /** One {@link FakeService} as the scoring service, and the gateway in front of it. */
    private void supervise(RestartPolicy policy) {
        int port = freePort();
        crashFile = dir.resolve("crash");
        supervisor = new Supervisor(policy, Duration.ofSeconds(10), new PrintStream(output, true, UTF_8), () -> { });
        supervisor.start(new ServiceProcess.Launch(Service.SCORING, port,
                ServiceProcess.javaCommand(System.getProperty("java.class.path"), FakeService.class.getName()),
                Map.of("PORT", String.valueOf(port), FakeService.CRASH_FILE, crashFile.toString()), dir));
        gateway = Gateway.start(0, Map.of(Service.SCORING, URI.create("http://localhost:" + port)),
                supervisor::outage);
    }

    private State state() {
        return supervisor.status(Service.SCORING).orElseThrow().state();
    }

    private long pid() {
        return supervisor.status(Service.SCORING).orElseThrow().pid();
    }

    /** The pid the fake service answers with through the gateway. */
    private long servingPid() throws Exception {
        HttpResponse<String> response = get("/api/scores/anzsco-411215");
        assertEquals(200, response.statusCode(), response.body());
        Matcher pid = Pattern.compile("\\{\"pid\":(\\d+)}").matcher(response.body());
        assertTrue(pid.matches(), response.body());
        return Long.parseLong(pid.group(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(gateway.url().resolve(path)).build(), BodyHandlers.ofString());
    }

    private String output() {
        return output.toString(UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
