package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file's type comes from its bytes: the four accepted kinds, and what is refused. */
class EvidenceTypeTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Test
    void acceptedKindsAreKnownByTheirBytes() {
        assertThat(EvidenceType.of(PNG)).contains("image/png");
        assertThat(EvidenceType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}))
                .contains("image/jpeg");
        assertThat(EvidenceType.of("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("application/pdf");
        assertThat(EvidenceType.of(
                        "Messages from 9 May, 21:14\r\n\tsee the screenshot — ñ".getBytes(StandardCharsets.UTF_8)))
                .contains("text/plain");
    }

    @Test
    void executablesBinaryAndBrokenTextAreRefused() {
        assertThat(EvidenceType.of(EXE)).isEmpty();
        assertThat(EvidenceType.of(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}))
                .isEmpty();
        assertThat(EvidenceType.of("text with a NUL\0inside".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceType.of(new byte[] {'a', 'b', (byte) 0xC3}))
                .as("truncated UTF-8")
                .isEmpty();
        assertThat(EvidenceType.of(new byte[] {'<', 'h', (byte) 0xFF, 'i'})).isEmpty();
        assertThat(EvidenceType.of(new byte[0])).isEmpty();
    }

    @Test
    void longTextIsCheckedToTheEnd() {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(EvidenceType.of(big)).contains("text/plain");
        big[150_000] = 0x01;
        assertThat(EvidenceType.of(big)).isEmpty();
    }
}
