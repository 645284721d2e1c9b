package org.careergraph.deploy.local.hello;

import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * The startup benchmark's baseline ({@code StartupBenchIT}): the smallest Micronaut application that starts as a
 * service does, one controller and the health endpoints (readiness at {@code /health/readiness}) on {@code PORT},
 * started in its own JVM with the services' JVM options.
 */
public final class HelloWorldApplication {

    private HelloWorldApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(HelloWorldApplication.class)
                .properties(Map.of("micronaut.server.port", System.getenv("PORT"), "micronaut.server.host", "localhost"))
                .start();
    }
}
