package org.schooltrust.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard's address classes and URL rules, table by table (issue 25, item 3). */
class SsrfGuardTest {

    @ParameterizedTest(name = "{0} is internal: {1}")
    @CsvSource({
        // IPv4
        "0.0.0.0, true",
        "0.1.2.3, true",
        "10.0.0.1, true",
        "100.64.0.1, true",
        "100.127.255.255, true",
        "100.128.0.1, false",
        "127.0.0.1, true",
        "127.255.0.2, true",
        "169.254.169.254, true",
        "172.16.0.5, true",
        "172.31.255.255, true",
        "172.32.0.1, false",
        "192.0.0.170, true",
        "192.0.2.1, true",
        "192.88.99.1, true",
        "192.168.1.20, true",
        "198.18.0.1, true",
        "198.51.100.7, true",
        "203.0.113.9, true",
        "224.0.0.1, true",
        "240.0.0.1, true",
        "255.255.255.255, true",
        "8.8.8.8, false",
        "93.184.215.14, false",
        // IPv6
        "::, true",
        "::1, true",
        "fe80::1, true",
        "fec0::1, true",
        "fc00::1, true",
        "fd12:3456::1, true",
        "ff02::1, true",
        "100::1, true",
        "2001:db8::1, true",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, true",
        "2606:4700::1111, false",
        "2a00:1450:4009:81f::200e, false",
        // IPv4 inside IPv6
        "::ffff:10.0.0.1, true",
        "::ffff:169.254.169.254, true",
        "::ffff:8.8.8.8, false",
        "::127.0.0.1, true",
        "64:ff9b::a9fe:a9fe, true",
        "64:ff9b::808:808, false",
        "64:ff9b:1::808:808, true",
        "64:ff9b:1:abcd::1, true",
        "2002:7f00:1::, true",
        "2002:a00:1::, true",
        "2002:808:808::, false",
    })
    void addressClasses(String literal, boolean internal) throws UnknownHostException {
        assertThat(SsrfGuard.internal(InetAddress.getByName(literal))).isEqualTo(internal);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://2130706433/hook|must name a host, or an IPv4 address in dotted-quad decimal",
                "https://0x7f000001/hook|must name a host, or an IPv4 address in dotted-quad decimal",
                "https://0x7f.0.0.1/hook|must be an absolute https URL with a host",
                "https://0177.0.0.1/hook|must name a host, or an IPv4 address in dotted-quad decimal",
                "https://127.1/hook|must be an absolute https URL with a host",
                "https://10.0.0.1/hook|resolves to a loopback, private, link-local or metadata address",
                "https://[::ffff:a9fe:a9fe]/hook|resolves to a loopback, private, link-local or metadata address",
                "https://[64:ff9b:1::a00:1]/hook|resolves to a loopback, private, link-local or metadata address",
                "https://192.0.0.8/hook|resolves to a loopback, private, link-local or metadata address",
                "https://rebinds.example/hook|resolves to a loopback, private, link-local or metadata address",
                "https://hooks.example:8443/hook|must use port 443 (or a port the operator allows)",
                "https://hooks.example:22/hook|must use port 443 (or a port the operator allows)",
                "http://hooks.example/hook|must use https",
                "https://nowhere.example/hook|names a host that does not resolve",
                "https://user@hooks.example/hook|must not carry user information",
                "https://hooks.example/hook#x|must not carry a fragment",
            })
    void refused(String url, String reason) {
        assertThat(guard().check(url).refusal()).contains(reason);
    }

    @Test
    void approvedUrlsCarryTheAddressTheyWereCheckedWith() {
        SsrfGuard guard = guard();
        var approved = guard.check("https://hooks.example/in?x=1").approved().orElseThrow();
        assertThat(approved.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(approved.host()).isEqualTo("hooks.example");
        assertThat(approved.port()).isEqualTo(443);
        assertThat(approved.tls()).isTrue();
        assertThat(approved.target()).isEqualTo("/in?x=1");
        assertThat(guard.check("https://hooks.example:9443/")
                        .approved()
                        .orElseThrow()
                        .port())
                .isEqualTo(9443);
        assertThat(guard.check("https://8.8.8.8/").refusal()).isEmpty();
        assertThat(guard.check("https://[2606:4700::1111]/").refusal()).isEmpty();
        // an operator-listed host is exempt from address and port checks, and is still pinned
        var local = guard.check("http://localhost:8080/hook").approved().orElseThrow();
        assertThat(local.address().isLoopbackAddress()).isTrue();
        assertThat(local.tls()).isFalse();
    }

    private static SsrfGuard guard() {
        Map<String, List<String>> dns = Map.of(
                "hooks.example", List.of("93.184.215.14"),
                "rebinds.example", List.of("93.184.215.14", "127.0.0.1"),
                "localhost", List.of("127.0.0.1"));
        SsrfGuard guard = new SsrfGuard();
        guard.allowedHosts = Optional.of(List.of("localhost"));
        guard.allowedPorts = Optional.of(List.of(9443));
        guard.resolver = new SsrfGuard.Resolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (host.contains(":")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                if (host.matches("[0-9.]+")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                List<String> answer = dns.get(host);
                if (answer == null) {
                    throw new UnknownHostException(host);
                }
                InetAddress[] addresses = new InetAddress[answer.size()];
                for (int i = 0; i < addresses.length; i++) {
                    addresses[i] = InetAddress.getByName(answer.get(i));
                }
                return addresses;
            }
        };
        return guard;
    }
}
