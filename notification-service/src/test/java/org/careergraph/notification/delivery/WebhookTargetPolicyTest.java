package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTargetPolicyTest {

    /** A DNS of our own: public.example is public, the others resolve inside. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "internal.example.com", new String[] {"10.1.2.3"},
            "half.example.com", new String[] {"93.184.216.34", "192.168.1.10"},
            "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private final WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(), WebhookTargetPolicyTest::resolve);
    private final WebhookTargetPolicy allowingLocalhost = new WebhookTargetPolicy(List.of(" localhost", "127.0.0.1 "),
            WebhookTargetPolicyTest::resolve);

    @Test
    void httpsToAPublicHostIsAllowed() {
        assertEquals(Optional.empty(), policy.refusal("https://hooks.example.com/x"));
        assertEquals(Optional.empty(), policy.refusal("https://hooks.example.com:8443/x?a=b"));
        assertEquals(Optional.empty(), policy.refusal("https://v6.example.com/x"));
        assertEquals(Optional.empty(), policy.refusal("https://93.184.216.34/x"));
    }

    @Test
    void plainHttpIsRefusedUnlessTheHostIsAllowed() {
        assertRefused(policy.refusal("http://hooks.example.com/x"), "https");
        assertRefused(policy.refusal("http://10.0.0.1/x"), "https");
        assertRefused(policy.refusal("ftp://hooks.example.com/x"), "https");
        assertRefused(policy.refusal("hooks.example.com/x"), "https");
        assertEquals(Optional.empty(), allowingLocalhost.refusal("http://localhost:8080/hook"));
        assertEquals(Optional.empty(), allowingLocalhost.refusal("http://127.0.0.1:8080/hook"));
        assertEquals(Optional.empty(), allowingLocalhost.refusal("http://LOCALHOST./hook"));
    }

    @Test
    void aPortOutside1To65535OrAHostTheJdkCannotReadIsRefused() {
        for (String url : List.of("https://hooks.example.com:0/x", "https://hooks.example.com:99999/x",
                "https://hooks.example.com:65536/x", "http://127.0.0.1:0/hook")) {
            assertRefused(allowingLocalhost.refusal(url), "port");
        }
        assertEquals(Optional.empty(), policy.refusal("https://hooks.example.com:65535/x"));
        assertEquals(Optional.empty(), policy.refusal("https://hooks.example.com:1/x"));
        assertRefused(policy.refusal("https://hooks_example.com/x"), "host");
        assertRefused(policy.refusal("https://hooks.example.com:99999999999999/x"), "host");
    }

    @Test
    void userInfoIsRefusedEvenForAllowedHosts() {
        assertRefused(policy.refusal("https://user:secret@hooks.example.com/x"), "user name");
        assertRefused(allowingLocalhost.refusal("http://admin@127.0.0.1/x"), "user name");
    }

    @Test
    void nonPublicAddressesAreRefused() {
        for (String url : List.of(
                "https://127.0.0.1/", "https://127.1.2.3/", "https://[::1]/",
                "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.254/", "https://192.168.0.1/",
                "https://[fc00::1]/", "https://[fd12:3456::1]/",
                "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/",
                "https://0.0.0.0/", "https://[::]/", "https://0.1.2.3/",
                "https://224.0.0.1/", "https://[ff02::1]/",
                "https://100.64.0.1/", "https://100.127.255.254/",
                "https://198.18.0.1/", "https://198.19.255.254/",
                "https://[2002:c0a8:1::1]/", "https://[64:ff9b:1::a00:1]/",
                "https://255.255.255.255/")) {
            assertRefused(policy.refusal(url), "non-public");
        }
    }

    @Test
    void neighboursOfTheForbiddenRangesArePublic() {
        for (String url : List.of("https://172.15.255.255/", "https://172.32.0.1/", "https://100.63.255.255/",
                "https://100.128.0.1/", "https://169.253.0.1/", "https://11.0.0.1/", "https://[2001:db9::1]/",
                "https://198.17.255.255/", "https://198.20.0.1/")) {
            assertEquals(Optional.empty(), policy.refusal(url), url);
        }
    }

    @Test
    void ipv6AddressesThatCarryAnIpv4AddressAreJudgedByIt() {
        assertRefused(policy.refusal("https://[::ffff:10.0.0.1]/"), "non-public");
        assertRefused(policy.refusal("https://[::ffff:169.254.169.254]/"), "non-public");
        assertRefused(policy.refusal("https://[::127.0.0.1]/"), "non-public");
        assertRefused(policy.refusal("https://[64:ff9b::192.168.0.1]/"), "non-public");
        assertEquals(Optional.empty(), policy.refusal("https://[64:ff9b::93.184.216.34]/"));
    }

    @Test
    void theCheckAppliesToWhatTheNameResolvesTo() {
        assertRefused(policy.refusal("https://internal.example.com/x"), "non-public");
        assertRefused(policy.refusal("https://half.example.com/x"), "non-public");
        assertRefused(policy.refusal("https://localhost/x"), "non-public");
        assertRefused(policy.refusal("https://nowhere.example.com/x"), "does not resolve");
    }

    @Test
    void allowedHostsSkipTheAddressRules() {
        assertEquals(Optional.empty(), allowingLocalhost.refusal("https://localhost/x"));
        assertRefused(allowingLocalhost.refusal("https://internal.example.com/x"), "non-public");
        assertRefused(allowingLocalhost.refusal("https://[::1]/x"), "non-public");
    }

    @Test
    void garbageIsNotAUrl() {
        assertRefused(policy.refusal("https://exa mple.com/"), "valid URL");
        assertRefused(policy.refusal("https:///path-only"), "host");
    }

    private static void assertRefused(Optional<String> refusal, String because) {
        assertTrue(refusal.isPresent(), "expected a refusal mentioning " + because);
        assertTrue(refusal.get().contains(because), refusal.get());
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return InetAddress.getAllByName(host); // a literal: no DNS query
        }
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }
}
