package org.careergraph.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a hop passes on: the traceparent always, the tracestate only while the outbox can keep it. */
class TraceContextTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aShortTracestateIsPassedOnAndALongOneDropped() {
        String shortState = "vendor=value";
        // 32 entries of 250-character values: within W3C's limits, and 8 KB, far more than the outbox keeps.
        String longState = IntStream.range(0, 32).mapToObj(i -> "k" + i + "=" + "v".repeat(250))
                .collect(Collectors.joining(","));

        Map<String, String> kept = headersWithin(shortState);
        Map<String, String> dropped = headersWithin(longState);

        assertEquals(shortState, kept.get(TraceContext.TRACESTATE));
        assertEquals(PARENT, kept.get(TraceContext.TRACEPARENT));
        assertFalse(dropped.containsKey(TraceContext.TRACESTATE), "over " + TraceContext.MAX_TRACESTATE);
        assertEquals(PARENT, dropped.get(TraceContext.TRACEPARENT), "the trace itself still travels");
    }

    private static Map<String, String> headersWithin(String tracestate) {
        Context context = TraceContext.extract(Map.of(TraceContext.TRACEPARENT, PARENT,
                TraceContext.TRACESTATE, tracestate)::get);
        try (Scope ignored = context.with(Span.fromContext(context)).makeCurrent()) {
            return TraceContext.currentHeaders();
        }
    }
}
