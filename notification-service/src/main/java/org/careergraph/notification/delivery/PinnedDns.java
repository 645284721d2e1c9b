package org.careergraph.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Closes the DNS-rebinding window between checking a webhook's addresses and connecting to it. The JDK's HTTP client
 * resolves the URL's host itself when it connects; this resolver (installed for the whole JVM through
 * {@code META-INF/services}) answers a host that a delivery has {@linkplain #pin pinned} with exactly the addresses
 * the {@link WebhookTargetPolicy} just checked, and every other name through the JDK's built-in resolver. The URL,
 * and so TLS hostname verification and SNI, stay as they are.
 *
 * <p>The policy looks names up with {@link #lookup} (the built-in resolver, past the JDK's address cache), and only
 * the HTTP client, inside a pin, looks webhook hosts up through {@link InetAddress}: so whatever the JDK caches for a
 * webhook host is an answer some delivery checked.
 */
public final class PinnedDns extends InetAddressResolverProvider {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile InetAddressResolver builtIn;

    /** The addresses a host is pinned to, and how many deliveries hold the pin. */
    private record Pin(List<InetAddress> addresses, int holders) {
    }

    /** Held for one connection; closing it lets the host resolve normally again once no other delivery holds it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver resolver = configuration.builtinResolver();
        builtIn = resolver;
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Pin pin = PINS.get(normalized(host));
                return pin == null ? resolver.lookupByName(host, policy) : ofFamily(host, pin.addresses(), policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return resolver.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "careergraph-pinned-webhook-hosts";
    }

    /** Until the returned pin is closed, the JDK resolves {@code host} to these addresses only. */
    public static Held pin(String host, List<InetAddress> addresses) {
        String key = normalized(host);
        List<InetAddress> pinned = List.copyOf(addresses);
        PINS.compute(key, (k, pin) -> new Pin(pinned, pin == null ? 1 : pin.holders() + 1));
        return () -> PINS.computeIfPresent(key, (k, pin) -> pin.holders() == 1 ? null
                : new Pin(pin.addresses(), pin.holders() - 1));
    }

    /**
     * What DNS says now about a host (an address literal is only parsed), asked of the JDK's built-in resolver so
     * that neither the address cache nor a pin answers.
     */
    public static InetAddress[] lookup(String host) throws UnknownHostException {
        if (LITERAL.matcher(host).matches()) {
            return InetAddress.getAllByName(host);
        }
        return builtIn().lookupByName(host, InetAddressResolver.LookupPolicy.of(
                InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6))
                .toArray(InetAddress[]::new);
    }

    /** Whether the JDK resolves names through this provider (a JVM with another provider would not pin). */
    public static boolean installed() {
        if (builtIn == null) {
            try {
                InetAddress.getAllByName("localhost"); // the JDK loads its resolver at the first lookup
            } catch (UnknownHostException e) {
                // loaded all the same
            }
        }
        return builtIn != null;
    }

    private static InetAddressResolver builtIn() {
        if (!installed()) {
            throw new IllegalStateException("the JDK does not resolve names through " + PinnedDns.class.getName());
        }
        return builtIn;
    }

    private static Stream<InetAddress> ofFamily(String host, List<InetAddress> addresses,
                                                InetAddressResolver.LookupPolicy policy)
            throws UnknownHostException {
        int wanted = policy.characteristics();
        boolean v4 = (wanted & InetAddressResolver.LookupPolicy.IPV4) != 0;
        boolean v6 = (wanted & InetAddressResolver.LookupPolicy.IPV6) != 0;
        InetAddress[] matching = addresses.stream()
                .filter(a -> a.getAddress().length == 4 ? v4 : v6).toArray(InetAddress[]::new);
        if (matching.length == 0) {
            throw new UnknownHostException(host);
        }
        return Arrays.stream(matching);
    }

    static String normalized(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
