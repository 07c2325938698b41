package org.schooltrust.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.ConflictException;

/** Sealing webhook secrets: round trip, tamper detection, key rotation, and refusal without a key. */
class SecretSealTest {

    private static final String K1 = key("first-webhook-secret-key-32bytes");
    private static final String K2 = key("second-webhook-secretkey-32bytes");

    private static String key(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(bytes).hasSize(32);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static SecretSeal seal(String current, String previous) {
        SecretSeal seal = new SecretSeal();
        seal.key = Optional.ofNullable(current);
        seal.keyFile = Optional.empty();
        seal.previousKey = Optional.ofNullable(previous);
        seal.loadKeys();
        return seal;
    }

    @Test
    void aSealedSecretOpensAndDoesNotShowTheSecret() {
        SecretSeal seal = seal(K1, null);
        String sealed = seal.seal("whsec_abc");
        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("abc");
        assertThat(seal.open(sealed)).isEqualTo("whsec_abc");
        assertThat(seal.seal("whsec_abc")).as("a fresh IV each time").isNotEqualTo(sealed);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        SecretSeal seal = seal(K1, null);
        String sealed = seal.seal("whsec_abc");
        // one bit of the ciphertext flipped (a changed base64 character may only change unused padding bits)
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length / 2] ^= 0x01;
        String altered = prefix + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAKeyRotationOldValuesOpenAndAreDueForResealing() {
        String underOld = seal(K1, null).seal("whsec_abc");
        SecretSeal rotated = seal(K2, K1);
        assertThat(rotated.open(underOld)).isEqualTo("whsec_abc");
        assertThat(rotated.current(underOld)).isFalse();
        assertThat(rotated.current(rotated.seal("whsec_abc"))).isTrue();
        assertThat(rotated.current("whsec_plain-from-before")).isFalse();
        assertThatThrownBy(() -> seal(K2, null).open(underOld)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyNothingIsStored() {
        SecretSeal none = seal(null, null);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.seal("whsec_abc")).isInstanceOf(ConflictException.class);
        assertThat(none.open("whsec_legacy")).isEqualTo("whsec_legacy");
    }
}
