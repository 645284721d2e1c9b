package org.careergraph.platform.tracing;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * A server span for every request, continuing the caller's W3C trace (traceparent/tracestate) when it sends one, and
 * current for the whole request: what the request writes to the outbox and the calls it makes carry the trace.
 * Health probes and metric scrapes are not traced (noise).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class TraceServerFilter implements Ordered {

    private static final String SPAN = TraceServerFilter.class.getName() + ".span";

    private final Tracer tracer;

    TraceServerFilter(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.careergraph.platform");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }

    @RequestFilter
    void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        String path = request.getPath();
        if (path.startsWith("/health") || path.startsWith("/prometheus")) {
            return;
        }
        Context parent = TraceContext.extract(request.getHeaders()::get);
        // The route template, not the path: span names must not carry ids.
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("");
        Span span = tracer.spanBuilder((request.getMethodName() + " " + route).trim())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethodName())
                .setAttribute("url.path", path)
                .startSpan();
        request.setAttribute(SPAN, span);
        propagated.add(new TracePropagation(parent.with(span)));
    }

    @ResponseFilter
    void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(SPAN, Span.class).ifPresent(span -> {
            span.setAttribute("http.response.status_code", response.code());
            if (response.code() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
    }
}
