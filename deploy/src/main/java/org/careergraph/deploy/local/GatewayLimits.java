package org.careergraph.deploy.local;

import java.time.Duration;

/**
 * What the local gateway accepts from a client and how long it waits; beyond a limit it answers for itself (a
 * problem, then it closes the connection) instead of holding the connection open or passing the request on.
 *
 * @param maxRequestLineBytes the request line (method, target, version); longer is 414
 * @param maxHeaderBytes      all header fields together; more is 431
 * @param maxBodyBytes        a request body, declared or chunked; more is 413. The catalog's 64 MB uploads are the
 *                            largest any service accepts
 * @param headTimeout         from a request's first byte to the end of its header section; later is 408
 * @param bodyStallTimeout    the longest wait for the next byte of a request body; longer is 408
 * @param idleTimeout         how long a connection may wait, without a byte, for its next request (closed quietly)
 * @param connectTimeout      to connect to a service
 * @param responseTimeout     for a service's response head once the request reached it; longer is 504
 */
record GatewayLimits(int maxRequestLineBytes, int maxHeaderBytes, long maxBodyBytes, Duration headTimeout,
                     Duration bodyStallTimeout, Duration idleTimeout, Duration connectTimeout,
                     Duration responseTimeout) {

    /** The services' own Netty limits for the head (4 KB line, 8 KB headers), the catalog's 64 MB for a body. */
    static final GatewayLimits DEFAULTS = new GatewayLimits(4 * 1024, 8 * 1024, 64L * 1024 * 1024,
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    GatewayLimits withTimeouts(Duration head, Duration bodyStall) {
        return new GatewayLimits(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, head, bodyStall, idleTimeout,
                connectTimeout, responseTimeout);
    }

    GatewayLimits withMaxBodyBytes(long bytes) {
        return new GatewayLimits(maxRequestLineBytes, maxHeaderBytes, bytes, headTimeout, bodyStallTimeout,
                idleTimeout, connectTimeout, responseTimeout);
    }
}
