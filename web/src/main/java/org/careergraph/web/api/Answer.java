package org.careergraph.web.api;

/**
 * A service's answer to a call whose outcome the page shows: its status, the body read as the endpoint's record (an
 * empty one when the body holds something else, such as a problem), and the body as a problem (RFC 9457).
 */
public record Answer<T>(int status, T value, Problem problem) {

    public boolean isSuccess() {
        return status / 100 == 2;
    }
}
