package dev.vestibule.adapters.web.edge;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One INFO line per request on the {@value #LOGGER} logger (DEBUG for answered {@code /actuator/} probes): method, path, status, duration, client
 * address (as the trusted proxies reported it) and correlation id. The path goes without its query
 * string and with a mailed link's token masked ({@link LoggedPaths}); cookies, other headers and bodies are
 * never read. With JSON logs the
 * same facts are ECS fields of the line.
 */
final class AccessLog {

    static final String LOGGER = "vestibule.access";

    /** The MDC key (and ECS field) of the correlation id. */
    static final String REQUEST_ID = "http.request.id";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {}

    /**
     * Probes and metric scrapes arrive every few seconds on the management port; answered, they go at
     * DEBUG. Refused ones (the public port's 404 for /actuator) stay at INFO: someone is looking for them.
     */
    static final String ACTUATOR_PATHS = "/actuator/";

    /**
     * @param status   the status sent, or null when the client went away before one was
     * @param nanos    time from the request's arrival at the handler to the end of the response
     */
    static void record(ServerHttpRequest request, HttpStatusCode status, long nanos, String correlationId) {
        String path = LoggedPaths.of(request);
        boolean probeAnswered = path.startsWith(ACTUATOR_PATHS) && status != null && status.is2xxSuccessful();
        Level level = probeAnswered ? Level.DEBUG : Level.INFO;
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        String method = request.getMethod().name();
        String client = client(request.getRemoteAddress());
        String statusText = status == null ? "-" : String.valueOf(status.value());
        long millis = nanos / 1_000_000;
        MDC.put(REQUEST_ID, correlationId);
        try {
            LoggingEventBuilder line = log.atLevel(level)
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("url.path", path);
            if (status != null) {
                line = line.addKeyValue("http.response.status_code", status.value());
            }
            line.addKeyValue("event.duration", nanos)
                    .addKeyValue("client.ip", client)
                    .log("{} {} {} {} ms client={} id={}", method, path, statusText, millis, client, correlationId);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    private static String client(InetSocketAddress remote) {
        if (remote == null) {
            return "-";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
