package org.careergraph.web.view;

import java.net.URISyntaxException;

/**
 * An address the server cannot even parse ({@code ?q=%zz}, a lone {@code %}): the server fails before any filter or
 * route sees the request, with the URI parser's exception as the cause. That is the caller's fault, a 400.
 */
final class MalformedAddress {

    private MalformedAddress() {
    }

    static boolean is(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof URISyntaxException) {
                return true;
            }
        }
        return false;
    }
}
