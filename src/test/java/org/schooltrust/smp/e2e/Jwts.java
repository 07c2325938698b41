package org.schooltrust.smp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

/** Reads and forges compact JWS tokens, byte for byte, for the token-validation tests. */
public final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** The same header (same {@code kid}) and claims, signed RS256 by a freshly generated RSA key. */
    public static String resignedWithAnotherKey(String token) {
        String[] parts = token.split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair forger = generator.generateKeyPair();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(forger.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its claims changed but its original signature kept. */
    public static String withChangedClaims(String token, Consumer<ObjectNode> change) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) claims(token);
        change.accept(claims);
        try {
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            return parts[0] + "." + payload + "." + parts[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode part(String token, int index) {
        try {
            return JSON.readTree(DECODER.decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
