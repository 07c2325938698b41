package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refuses webhook URLs that would make the service call into its own network (server-side request forgery), and
 * approves the others with the one address the sender then connects to (ADR 0014).
 *
 * <p>A URL is refused when it is not absolute https, carries user information or a fragment, names a port other than
 * 443 or one in {@code SMP_WEBHOOKS_ALLOWED_PORTS}, spells an IPv4 address in anything but dotted-quad decimal, or
 * names a host any of whose addresses is internal: loopback, private, link-local (cloud metadata), carrier-grade NAT,
 * unique-local, multicast, reserved, documentation, IETF protocol assignments (192.0.0.0/24), local-use NAT64
 * (64:ff9b:1::/48), or an IPv6 form that carries an internal IPv4 address (mapped, compatible, NAT64, 6to4) or hides
 * one (Teredo). Hosts in {@code SMP_WEBHOOKS_ALLOWED_HOSTS} skip the address and port checks and alone may use plain
 * http — for dev and tests.
 *
 * <p>The host is resolved once per check; {@link Approved#address()} is that answer, so the sender never asks DNS
 * again between the check and the connection (no rebinding window). Checked when an endpoint is saved and before
 * every attempt.
 */
@ApplicationScoped
public class SsrfGuard {

    /** Plain TLS; other ports only when listed. */
    static final int HTTPS_PORT = 443;

    /** A host made of numbers (decimal, octal or hex parts): unless a canonical dotted quad, it is refused. */
    private static final Pattern NUMERIC = Pattern.compile("^(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?$");

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");

    /** Looks a host name up; replaced in tests to change the answer between two lookups. */
    @ApplicationScoped
    public static class Resolver {
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return InetAddress.getAllByName(host);
        }
    }

    /** A URL the guard approved: connect to {@code address}:{@code port}; send {@code host} as Host and SNI. */
    public record Approved(URI uri, boolean tls, String host, int port, InetAddress address) {

        /** The path and query to request. */
        public String target() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** The verdict on one URL: approved, or refused with the reason. */
    public record Verdict(Optional<Approved> approved, Optional<String> refusal) {

        static Verdict refused(String reason) {
            return new Verdict(Optional.empty(), Optional.of(reason));
        }

        static Verdict approved(Approved approved) {
            return new Verdict(Optional.of(approved), Optional.empty());
        }
    }

    @Inject
    WebhooksConfig config;

    /** From the config; tests set them directly. */
    Optional<List<String>> allowedHosts;

    Optional<List<Integer>> allowedPorts;

    @jakarta.annotation.PostConstruct
    void configure() {
        allowedHosts = config.allowedHosts();
        allowedPorts = config.allowedPorts();
    }

    @Inject
    Resolver resolver;

    /** Why the URL may not be used, or empty when it may (resolving its host once). */
    public Optional<String> refusal(String url) {
        return check(url).refusal();
    }

    /** Checks the URL and, when it may be used, the address to connect to. */
    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Verdict.refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Verdict.refused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Verdict.refused("must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            return Verdict.refused("must not carry a fragment");
        }
        String bare = (host.startsWith("[") ? host.substring(1, host.length() - 1) : host).toLowerCase(Locale.ROOT);
        boolean allowed = allowed().contains(bare);
        boolean tls = scheme.equals("https");
        if (!tls && !(allowed && scheme.equals("http"))) {
            return Verdict.refused("must use https");
        }
        int port = uri.getPort() == -1 ? (tls ? HTTPS_PORT : 80) : uri.getPort();
        if (!allowed && port != HTTPS_PORT && !allowedPorts.orElse(List.of()).contains(port)) {
            return Verdict.refused("must use port 443 (or a port the operator allows)");
        }
        if (!host.startsWith("[")
                && NUMERIC.matcher(bare).matches()
                && !DOTTED_QUAD.matcher(bare).matches()) {
            return Verdict.refused("must name a host, or an IPv4 address in dotted-quad decimal");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            return Verdict.refused("names a host that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Verdict.refused("names a host that does not resolve");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    return Verdict.refused("resolves to a loopback, private, link-local or metadata address");
                }
            }
        }
        return Verdict.approved(new Approved(uri, tls, host, port, addresses[0]));
    }

    private Set<String> allowed() {
        return allowedHosts.orElse(List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Whether the address is one the service must never call. */
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
            return internalV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return true; // Teredo 2001::/32 tunnels to an address it does not show
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return true; // documentation 2001:db8::/32
            }
            if (first == 0x01 && second == 0x00 && allZero(b, 2, 8)) {
                return true; // discard-only 100::/64
            }
            boolean nat64Prefix = first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (nat64Prefix && b[4] == 0 && b[5] == 0x01) {
                return true; // local-use NAT64 64:ff9b:1::/48: where the IPv4 address sits depends on the prefix
            }
            boolean zeros = allZero(b, 0, 10);
            boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0;
            boolean nat64 = nat64Prefix && allZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                return internalV4(Arrays.copyOfRange(b, 12, 16)); // the IPv4 address in the last 32 bits
            }
            if (first == 0x20 && second == 0x02) {
                return internalV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002:a.b.c.d::/48
            }
        }
        return false;
    }

    private static boolean internalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0 // "this network"
                || first == 10 // private
                || first == 127 // loopback
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && second >= 16 && second < 32) // private
                || (first == 192 && second == 168) // private
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments 192.0.0.0/24
                || (first == 192 && second == 0 && third == 2) // documentation TEST-NET-1
                || (first == 192 && second == 88 && third == 99) // 6to4 relay anycast
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // documentation TEST-NET-2
                || (first == 203 && second == 0 && third == 113) // documentation TEST-NET-3
                || first >= 224; // multicast, reserved and broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
