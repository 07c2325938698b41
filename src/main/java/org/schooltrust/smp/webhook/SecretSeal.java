package org.schooltrust.smp.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.schooltrust.smp.common.error.ConflictException;

/**
 * Webhook signing secrets are stored sealed (AES-256-GCM) with a key that is never in the database
 * ({@code SMP_WEBHOOKS_SECRET_KEY} or the file {@code SMP_WEBHOOKS_SECRET_KEY_FILE}; the previous key in
 * {@code SMP_WEBHOOKS_SECRET_KEY_PREVIOUS} while rotating): a database dump holds no secret an MIS would accept
 * (issue 25). A sealed value is {@code sealed:v1:<key id>:<base64(iv, ciphertext, tag)>}; the key id is the first 8
 * hex digits of the key's SHA-256, so a value sealed with the previous key is still opened, and re-sealed with the
 * current one at start (ADR 0014).
 */
@ApplicationScoped
class SecretSeal {

    private static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    WebhooksConfig config;

    Optional<String> key;

    Optional<String> keyFile;

    Optional<String> previousKey;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private String currentId;

    @PostConstruct
    void loadKeys() {
        if (key == null) {
            key = config.secretKey();
            keyFile = config.secretKeyFile();
            previousKey = config.secretKeyPrevious();
        }
        Optional<String> current = key.filter(k -> !k.isBlank())
                .or(() -> keyFile.filter(f -> !f.isBlank()).map(f -> {
                    try {
                        return Files.readString(Path.of(f), StandardCharsets.US_ASCII)
                                .strip();
                    } catch (IOException e) {
                        throw new IllegalStateException("SMP_WEBHOOKS_SECRET_KEY_FILE cannot be read", e);
                    }
                }));
        current.ifPresent(k -> currentId = add(k));
        previousKey.filter(k -> !k.isBlank()).ifPresent(this::add);
    }

    private String add(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("a webhook secret key is 32 bytes, base64 encoded");
        }
        String id = id(bytes);
        keys.put(id, bytes);
        return id;
    }

    private static String id(byte[] key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key))
                    .substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a current key is configured. */
    boolean configured() {
        return currentId != null;
    }

    /** Whether a stored value is sealed with the current key (else it is re-sealed at start). */
    boolean current(String stored) {
        return stored == null || (configured() && stored.startsWith(PREFIX + currentId + ":"));
    }

    /** The secret sealed with the current key; refused (409) when no key is configured. */
    String seal(String secret) {
        if (secret == null) {
            return null;
        }
        if (!configured()) {
            throw new ConflictException("Webhook secrets are stored only sealed, and SMP_WEBHOOKS_SECRET_KEY is not"
                    + " configured: ask the operator to set it.");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(keys.get(currentId), "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a webhook secret", e);
        }
    }

    /** The stored value opened; a value from before sealing (no prefix) is returned as it is, to be re-sealed. */
    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        byte[] keyBytes = keys.get(parts[0]);
        if (keyBytes == null) {
            throw new IllegalStateException("a webhook secret is sealed with key " + parts[0]
                    + ", which is neither SMP_WEBHOOKS_SECRET_KEY nor SMP_WEBHOOKS_SECRET_KEY_PREVIOUS");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(keyBytes, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed webhook secret does not open: wrong key or altered", e);
        }
    }
}
