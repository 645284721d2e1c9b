package org.careergraph.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The platform's logback.xml as every service loads it: LOG_FORMAT switches text lines to one JSON object a line. */
class JsonLogTest {

    @Test
    void jsonLinesCarryTheFieldsAndTheCurrentTrace() throws Exception {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("request").startSpan();
            String output = log("json", span);
            List<String> lines = output.lines().toList();
            assertEquals(1, lines.size(), output);
            JsonNode line = ObjectMapper.getDefault().readValue(lines.get(0), JsonNode.class);
            assertTrue(line.get("timestamp").isNumber(), output);
            assertEquals("WARN", line.get("level").getStringValue());
            assertEquals("org.careergraph.test", line.get("loggerName").getStringValue());
            assertEquals(Thread.currentThread().getName(), line.get("threadName").getStringValue());
            assertEquals("Relay failed for event 42", line.get("formattedMessage").getStringValue());
            assertEquals("java.lang.IllegalStateException", line.get("throwable").get("className").getStringValue());
            assertEquals(span.getSpanContext().getTraceId(), line.get("mdc").get("trace_id").getStringValue());
            assertEquals(span.getSpanContext().getSpanId(), line.get("mdc").get("span_id").getStringValue());
        }
    }

    @Test
    void textIsTheDefaultAndShowsTheTraceId() throws Exception {
        // Logback reads the variable too: where it is set, there is no default to see.
        Assumptions.assumeTrue(System.getenv("LOG_FORMAT") == null, "LOG_FORMAT is set in this environment");
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("request").startSpan();
            String output = log(null, span);
            assertFalse(output.startsWith("{"), output);
            assertTrue(output.lines().findFirst().orElseThrow()
                    .contains("org.careergraph.test trace=" + span.getSpanContext().getTraceId()
                            + " - Relay failed for event 42"), output);
        }
    }

    /** Logs one warning with an exception inside the span through a fresh Logback context made from logback.xml. */
    @SuppressWarnings("unchecked")
    private static String log(String format, Span span) throws Exception {
        LoggerContext context = new LoggerContext();
        // The MDC the platform writes trace ids to (SLF4J's, bound to the application's Logback context).
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.start();
        if (format != null) {
            context.putProperty("LOG_FORMAT", format);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogTest.class.getResource("/logback.xml"));
            // A warning would make Logback print its whole status to stdout at every start.
            assertTrue(new StatusUtil(context).getHighestLevel(0) < Status.WARN,
                    context.getStatusManager().getCopyOfStatusList().toString());
            // The console appender the format chose, writing here instead of to stdout.
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            root.iteratorForAppenders().forEachRemaining(appenders::add);
            assertEquals(1, appenders.size(), context.getStatusManager().getCopyOfStatusList().toString());
            assertTrue(appenders.get(0).isStarted(), context.getStatusManager().getCopyOfStatusList().toString());
            ((OutputStreamAppender<ILoggingEvent>) appenders.get(0)).setOutputStream(captured);
            try (Scope ignored = TraceContext.attach(Context.root().with(span))) {
                context.getLogger("org.careergraph.test")
                        .warn("Relay failed for event {}", 42, new IllegalStateException("broker gone"));
            }
        } finally {
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
