package org.careergraph.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a free TCP port for a server that binds it a moment later, often seconds later in another JVM. The port is
 * taken below the system's ephemeral range: the connections the starting processes open meanwhile (to Kafka, to the
 * database, dozens each) get their local ports from that range, and one of them on the port picked would stop the
 * server's start with "address already in use". No port is handed out twice by one JVM.
 */
public final class FreePorts {

    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Where the ephemeral range starts on macOS and Windows (IANA's dynamic ports). */
    private static final int IANA_EPHEMERAL_START = 49152;
    /** Below: ports fixed servers often use. */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int pick() {
        int ephemeralStart = ephemeralStart();
        for (int attempt = 0; ephemeralStart > LOWEST && attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
            if (free(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        // No room below the range (an unusual system setting): ones the system hands out.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on localhost", e);
            }
        }
        throw new IllegalStateException("No free port on localhost that was not handed out already");
    }

    /** The first ephemeral port: Linux says it ("32768 60999"), other systems use IANA's. */
    static int ephemeralStart() {
        // By lines: procfs reports a size of 0, and Files.readString read one byte of this file.
        try (BufferedReader range = Files.newBufferedReader(LINUX_EPHEMERAL_RANGE)) {
            return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return IANA_EPHEMERAL_START;
        }
    }

    /**
     * Free on the wildcard and the loopback address alike, without address reuse (with it, macOS lets a wildcard bind
     * sit beside a server on 127.0.0.1 only).
     */
    private static boolean free(int port) {
        return bindable(new InetSocketAddress(port)) && bindable(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                port));
    }

    private static boolean bindable(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
