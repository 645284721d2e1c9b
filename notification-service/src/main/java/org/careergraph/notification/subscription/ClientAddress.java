package org.careergraph.notification.subscription;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is asking, for per-client limits. The direct peer, unless it is a trusted proxy: then its
 * {@code X-Forwarded-For}, read from the right (each proxy appends the address it was called from), past further
 * trusted proxies, to the first address that is not one. Anyone can send the header, so it is believed only from a
 * trusted peer. An IPv6 client counts by its /64, which one subscriber usually has whole.
 */
@Singleton
class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_KEY = 64;

    /** A network: its first address's bytes and how many leading bits count. */
    private record Range(byte[] network, int bits) {

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> trusted;

    ClientAddress(SubscribeLimits limits) {
        this.trusted = limits.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(ClientAddress::range).toList();
    }

    /** The client's address (an IPv6 client's /64), as a key. */
    String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress().getAddress(), request.getHeaders().getAll("X-Forwarded-For"));
    }

    /** The same, from the peer's address and the X-Forwarded-For headers' values. */
    String of(InetAddress peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return key(peer);
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).toList();
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address, written by the trusted proxy to its right: the best name the client has.
                String raw = hops.get(i);
                return "unparsed:" + (raw.length() > MAX_KEY ? raw.substring(0, MAX_KEY) : raw);
            }
            client = hop.get();
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static String key(InetAddress address) {
        if (address == null) {
            return "unknown";
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }

    /** An address literal, parsed without any DNS lookup. */
    private static Optional<InetAddress> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Range range(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "careergraph.notification.subscribe-limits.trusted-proxies: " + text + " is not an address or range"));
        int max = network.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("careergraph.notification.subscribe-limits.trusted-proxies: " + text
                    + " has no valid prefix length");
        }
        return new Range(network.getAddress(), bits);
    }
}
