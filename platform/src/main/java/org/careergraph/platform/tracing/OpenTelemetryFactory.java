package org.careergraph.platform.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's OpenTelemetry SDK, configured by the standard OTEL_* variables (or otel.* system properties). Nothing
 * is exported unless OTEL_TRACES_EXPORTER says so (otlp: to OTEL_EXPORTER_OTLP_ENDPOINT), so a local run or a test
 * never tries to reach a collector; spans are still made so that trace ids propagate (ADR 0017).
 */
@Factory
class OpenTelemetryFactory {

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetrySdk openTelemetry(@Value("${micronaut.application.name}") String serviceName,
                                   Environment environment) {
        // Defaults only: environment variables and system properties win over these.
        Map<String, String> defaults = new HashMap<>(Map.of(
                "otel.service.name", serviceName,
                "otel.traces.exporter", "none",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none",
                "otel.propagators", "tracecontext"));
        // otel.* keys of the service's configuration (a test's, an application.yml's) too.
        environment.getProperties("otel", StringConvention.RAW)
                .forEach((key, value) -> defaults.put("otel." + key, String.valueOf(value)));
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                // The context closes the SDK (flushing spans); not global, so two contexts in one JVM stay apart.
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }
}
