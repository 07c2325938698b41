package org.schooltrust.smp.concern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file is, from its bytes — never its name or the type its uploader claimed: PNG, JPEG and PDF by their
 * signatures, plain text when every byte is UTF-8 text (tabs and line breaks the only control characters).
 */
public final class EvidenceType {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private EvidenceType() {}

    /** The media type of the bytes {@code in} yields, or empty when it is none of the four accepted. */
    public static Optional<String> of(InputStream in) throws IOException {
        byte[] head = in.readNBytes(8);
        if (startsWith(head, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, PDF)) {
            return Optional.of("application/pdf");
        }
        return isText(head, in) ? Optional.of("text/plain") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isText(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.io.ByteArrayOutputStream carry = new java.io.ByteArrayOutputStream();
        carry.write(head);
        byte[] buffer = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(0);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(buffer.length + 16);
        boolean first = true;
        int read;
        while (true) {
            byte[] chunk;
            if (first) {
                chunk = carry.toByteArray();
                first = false;
            } else {
                read = rest.read(buffer);
                if (read < 0) {
                    break;
                }
                chunk = Arrays.copyOf(buffer, read);
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + chunk.length);
            in.put(pending).put(chunk).flip();
            chars.clear();
            var result = utf8.decode(in, chars, false);
            if (result.isError()) {
                return false;
            }
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    return false;
                }
            }
            pending = in.slice();
        }
        chars.clear();
        var end = utf8.decode(pending, chars, true);
        if (end.isError()) {
            return false;
        }
        try {
            utf8.flush(chars);
        } catch (IllegalStateException e) {
            return false;
        }
        return head.length > 0;
    }

    /** For callers that hold the bytes (tests). */
    static Optional<String> of(byte[] bytes) {
        try {
            return of(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
