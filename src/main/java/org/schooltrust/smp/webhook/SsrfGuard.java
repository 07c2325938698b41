package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses webhook URLs that would make the service call into its own network (server-side request forgery): a host
 * that resolves to a loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local or multicast
 * address. Hosts in {@code SMP_WEBHOOKS_ALLOWED_HOSTS} are exempt, and only they may use plain http. Checked when an
 * endpoint is saved and again before every delivery (DNS may have changed).
 */
@ApplicationScoped
public class SsrfGuard {

    @ConfigProperty(name = "smp.webhooks.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** Why the URL may not be used, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not carry a fragment");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowed = allowed().contains(bare.toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            return Optional.of("must use https");
        }
        if (allowed) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("resolves to a loopback, private, link-local or metadata address");
            }
        }
        return Optional.empty();
    }

    private Set<String> allowed() {
        return allowedHosts.orElse(List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                return true; // Teredo 2001::/32 tunnels to an address it does not show
            }
            boolean zeros = true; // ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (mapped)
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0;
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) {
                return embeddedInternal(b, 12); // the IPv4 address in the last 32 bits
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return embeddedInternal(b, 2); // 6to4 2002:a.b.c.d::/48
            }
        }
        return false;
    }

    private static boolean embeddedInternal(byte[] address, int from) {
        try {
            return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(address, from, from + 4)));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
