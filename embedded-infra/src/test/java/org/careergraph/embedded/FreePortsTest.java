package org.careergraph.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreFreeDistinctAndOutsideTheEphemeralRange() throws IOException {
        int ephemeralStart = FreePorts.ephemeralStart();
        assumeTrue(ephemeralStart > 10_000, "the ephemeral range starts at " + ephemeralStart + ": no room below it");
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertTrue(port < ephemeralStart, port + " should be below the ephemeral range, from " + ephemeralStart);
            assertTrue(picked.add(port), port + " handed out twice");
            try (ServerSocket server = new ServerSocket(port)) {
                assertEquals(port, server.getLocalPort());
            }
        }
    }
}
