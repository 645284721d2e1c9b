package org.careergraph.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether the service may call a webhook URL, so that a subscriber cannot make it reach the inside of our
 * network (SSRF): https only, no user-info, and every address the host resolves to must be public: not loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), any-local (0/8, ::), multicast, reserved (240/4, with broadcast) or carrier-grade NAT (100.64/10).
 * IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64) are judged by that address. Hosts in the
 * allowed list skip the address rules and may use plain http (tests and the local launcher allow localhost and
 * 127.0.0.1). The port, when given, is 1 to 65535.
 *
 * <p>Checked when a subscription is made and again before every delivery, because DNS answers change; the addresses
 * checked are the ones the delivery then connects to ({@link PinnedDns}).
 */
@Singleton
public class WebhookTargetPolicy {

    /** DNS, replaceable in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that may be called now: its host and the addresses checked for it. */
    public record Target(URI uri, String host, List<InetAddress> addresses) {
    }

    /** Either a target or why not, in words a subscriber can act on. */
    public record Checked(@Nullable Target target, @Nullable String refusal) {

        static Checked refused(String why) {
            return new Checked(null, why);
        }
    }

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    @Inject
    WebhookTargetPolicy(WebhookSettings settings) {
        this(settings.allowedHostList(), PinnedDns::lookup);
    }

    public WebhookTargetPolicy(Collection<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(WebhookTargetPolicy::normalizedHost).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Empty when the URL may be called now; otherwise why not, in words a subscriber can act on. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** The URL's host resolved now, and the addresses checked; or why it may not be called. */
    public Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Checked.refused("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Checked.refused("must not contain a user name or password");
        }
        if (uri.getHost() == null) {
            return Checked.refused("must name a host");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return Checked.refused("must have a port from 1 to 65535 (or none)");
        }
        String host = normalizedHost(uri.getHost());
        boolean allowed = allowedHosts.contains(host);
        if (!allowed && !scheme.equals("https")) {
            return Checked.refused("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Checked.refused("names a host that does not resolve");
        }
        if (addresses.length == 0) {
            return Checked.refused("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowed && !isPublic(address)) {
                return Checked.refused(
                        "must not point to a loopback, private, link-local or other non-public address");
            }
        }
        return new Checked(new Target(uri, host, List.of(addresses)), null);
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
            if (embedded.isPresent()) {
                return isPublic(embedded.get());
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64;
            boolean benchmarking = first == 198 && (second & 0xfe) == 18;
            boolean reservedOrBroadcast = first >= 240;
            return !thisNetwork && !carrierGradeNat && !benchmarking && !reservedOrBroadcast;
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        // 6to4 (2002::/16) and local-use NAT64 (64:ff9b:1::/48) reach IPv4 networks we cannot see from the address.
        boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
        boolean localNat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && b[4] == 0 && (b[5] & 0xff) == 0x01;
        return !uniqueLocal && !sixToFour && !localNat64;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d or 64:ff9b::a.b.c.d; Java maps only the first itself. */
    private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        byte[] v4 = Arrays.copyOfRange(b, 12, 16);
        if (compatible && Arrays.equals(v4, new byte[4])) {
            return Optional.empty(); // :: itself, caught as any-local
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    static String normalizedHost(String host) {
        return PinnedDns.normalized(host);
    }
}
