package org.careergraph.platform.tracing;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** The platform's spans outside HTTP requests: consuming an event continues the trace of the code that wrote it. */
@Singleton
public class Tracing {

    private final Tracer tracer;

    Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.careergraph.platform");
    }

    /**
     * Starts a consumer span for an event from {@code topic}, a child of the trace its CloudEvents distributed-tracing
     * extension names (a new trace without one). The caller makes it current ({@link TraceContext#attach}) and ends it.
     */
    public Span startConsumerSpan(String topic, String eventId, @Nullable String traceparent,
                                  @Nullable String tracestate) {
        Map<String, String> headers = new HashMap<>();
        if (traceparent != null) {
            headers.put(TraceContext.TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            headers.put(TraceContext.TRACESTATE, tracestate);
        }
        Context parent = TraceContext.extract(headers::get);
        return tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
    }
}
