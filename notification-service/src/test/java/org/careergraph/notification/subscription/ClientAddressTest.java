package org.careergraph.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress clients = new ClientAddress(new SubscribeLimits(10, Duration.ofSeconds(6), 5,
            List.of("127.0.0.0/8", "::1", "10.0.0.0/8")));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() throws Exception {
        assertEquals("203.0.113.9", clients.of(address("203.0.113.9"), List.of("198.51.100.1")));
        assertEquals("192.168.1.5", clients.of(address("192.168.1.5"), List.of()));
    }

    @Test
    void aTrustedProxysHeaderIsReadFromTheRightPastOtherTrustedProxies() throws Exception {
        assertEquals("198.51.100.1", clients.of(address("127.0.0.1"), List.of("198.51.100.1")));
        // The client wrote the first entry itself; the ingress (10.1.2.3) appended the address it saw.
        assertEquals("198.51.100.7", clients.of(address("10.0.0.2"),
                List.of("1.2.3.4, 198.51.100.7", "10.1.2.3")));
        assertEquals("127.0.0.1", clients.of(address("127.0.0.1"), List.of()), "no header: the proxy itself");
        assertEquals("10.9.9.9", clients.of(address("127.0.0.1"), List.of("10.9.9.9")),
                "only trusted addresses: the leftmost");
    }

    @Test
    void anEntryThatIsNoAddressIsTakenAsItIsAndNeverLookedUp() throws Exception {
        assertEquals("unparsed:client.example", clients.of(address("127.0.0.1"), List.of("client.example")));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() throws Exception {
        assertEquals(clients.of(address("2001:db8:1:2::1"), List.of()),
                clients.of(address("2001:db8:1:2:ffff::9"), List.of()));
        assertEquals("2001:db8:1:2:0:0:0:0/64", clients.of(address("::1"), List.of("2001:db8:1:2::1")));
    }

    @Test
    void aTrustedProxyThatIsNoAddressOrRangeStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(new SubscribeLimits(1,
                Duration.ofSeconds(1), 1, List.of("gateway.local"))));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(new SubscribeLimits(1,
                Duration.ofSeconds(1), 1, List.of("10.0.0.0/33"))));
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
