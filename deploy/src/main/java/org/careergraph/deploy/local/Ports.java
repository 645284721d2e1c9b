package org.careergraph.deploy.local;

import java.io.IOException;
import java.net.ServerSocket;

/** Port checks before anything starts, so that a leftover server is named instead of answering in our place. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String user, String variable) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + user + " is in use (is another Career Graph "
                    + "still running?). Stop it, or choose another port with " + variable + ".", e);
        }
    }

    /** A port number from an environment variable, or the default when it is unset. */
    static int fromEnvironment(String variable, int defaultPort) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535), got: " + value);
    }
}
