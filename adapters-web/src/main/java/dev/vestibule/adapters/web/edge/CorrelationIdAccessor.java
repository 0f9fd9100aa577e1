package dev.vestibule.adapters.web.edge;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Lets Reactor's automatic context propagation ({@code spring.reactor.context-propagation: auto}) put the
 * request's correlation id into the MDC on whichever thread runs a piece of that request, and take it out
 * again afterwards: every log line of the request then carries it (as {@code http.request.id} in JSON logs).
 * Registered through {@code META-INF/services}, where the context-propagation library looks.
 */
public final class CorrelationIdAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return CorrelationId.CONTEXT_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(AccessLog.REQUEST_ID);
    }

    @Override
    public void setValue(String correlationId) {
        MDC.put(AccessLog.REQUEST_ID, correlationId);
    }

    @Override
    public void setValue() {
        MDC.remove(AccessLog.REQUEST_ID);
    }
}
