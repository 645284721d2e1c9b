package org.careergraph.platform.tracing;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Carries an OpenTelemetry context in Micronaut's propagated context, so that it is current (with its ids in the MDC)
 * on whichever thread a request's filters, controller and blocking executor run.
 */
record TracePropagation(Context context) implements ThreadPropagatedContextElement<Scope> {

    @Override
    public Scope updateThreadContext() {
        return TraceContext.attach(context);
    }

    @Override
    public void restoreThreadContext(Scope scope) {
        scope.close();
    }
}
