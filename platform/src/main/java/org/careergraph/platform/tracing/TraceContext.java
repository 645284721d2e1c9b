package org.careergraph.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * W3C trace context (traceparent, tracestate) in and out of the current OpenTelemetry context, the same way over HTTP
 * and over Kafka; and the trace_id / span_id that logs carry in their MDC while a span is current.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The outbox's tracestate column (V3): 512 characters, what W3C asks every hop to be able to pass on. */
    static final int MAX_TRACESTATE = 512;
    public static final String MDC_TRACE_ID = "trace_id";
    public static final String MDC_SPAN_ID = "span_id";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private TraceContext() {
    }

    /** The headers of the current span (traceparent, and tracestate when there is one); empty without a span. */
    public static Map<String, String> currentHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        headers.values().removeIf(String::isEmpty);
        // W3C lets a hop drop tracestate; one longer than the outbox keeps (a caller may send ~16 KB) is dropped here.
        if (headers.getOrDefault(TRACESTATE, "").length() > MAX_TRACESTATE) {
            headers.remove(TRACESTATE);
        }
        return headers;
    }

    /** The context a traceparent/tracestate pair names (read through {@code header}); the root context without one. */
    public static Context extract(Function<String, String> header) {
        return W3C.extract(Context.root(), header, new TextMapGetter<Function<String, String>>() {
            @Override
            public Iterable<String> keys(Function<String, String> carrier) {
                return java.util.List.of(TRACEPARENT, TRACESTATE);
            }

            @Override
            public String get(Function<String, String> carrier, String key) {
                return carrier == null ? null : carrier.apply(key);
            }
        });
    }

    /** Makes the context current on this thread, with its ids in the MDC, until the returned scope is closed. */
    public static Scope attach(Context context) {
        Scope scope = context.makeCurrent();
        String previousTrace = MDC.get(MDC_TRACE_ID);
        String previousSpan = MDC.get(MDC_SPAN_ID);
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (span.isValid()) {
            MDC.put(MDC_TRACE_ID, span.getTraceId());
            MDC.put(MDC_SPAN_ID, span.getSpanId());
        }
        return () -> {
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
            scope.close();
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
