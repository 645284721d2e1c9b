package org.careergraph.notification.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a call to a webhook failed, in the words a subscriber or an admin reads in a delivery's error: never an
 * exception's class name or its text, which name our internals.
 */
final class TransportErrors {

    private TransportErrors() {
    }

    static String describe(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof HttpConnectTimeoutException) {
                return "timed out connecting";
            }
            if (e instanceof HttpTimeoutException) {
                return "timed out waiting for the answer";
            }
            if (e instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (e instanceof UnknownHostException) {
                return "the host does not resolve";
            }
            if (e instanceof NoRouteToHostException) {
                return "no route to the host";
            }
            if (e instanceof ConnectException) {
                return "connection refused";
            }
            if (e instanceof IllegalArgumentException) {
                return "the URL cannot be called";
            }
        }
        return "the connection failed before an answer";
    }
}
