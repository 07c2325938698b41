package org.schooltrust.smp.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.schooltrust.smp.common.error.IdempotencyKeyReusedException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * The one Idempotency-Key mechanism of every creating POST (issue 22; docs/architecture.md: Idempotency). In the
 * write's own transaction: {@link #claim} answers whether an earlier request with this caller's key created something
 * (replay it, 201 as the first answer was) or this request is the first; a different request under the same key is 422
 * {@code idempotency-key-reused}. {@link #created} records what the first request created. Keys are per operation and
 * per caller (the token's subject), kept {@link #KEPT}; a refused request leaves no key behind (its transaction rolls
 * back).
 */
@ApplicationScoped
public class Idempotency {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** Its shape (the resources' header parameters). */
    public static final String KEY = "[A-Za-z0-9._:-]{1,128}";

    /** How long a key is remembered: past this, the same key is a new request. */
    public static final Duration KEPT = Duration.ofDays(7);

    /** Canonical JSON: properties and map keys sorted, so equal requests have equal fingerprints. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    @Inject
    IdempotencyStore store;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    /** What an earlier identical request answered: the record's id, and whether it created it (201) or found it. */
    public record Replay(String id, boolean created) {

        public java.util.UUID uuid() {
            return java.util.UUID.fromString(id);
        }
    }

    /**
     * What an earlier identical request under {@code key} answered, or empty when this request is the first (the key
     * is then claimed, and the service must say what it answered: {@link #created} or {@link #found}). No key: always
     * empty.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Replay> claim(String operation, String key, String fingerprint) {
        if (key == null) {
            return Optional.empty();
        }
        var now = time.now();
        if (store.claim(operation, caller.subject(), key, fingerprint, now, now.minus(KEPT))) {
            return Optional.empty();
        }
        IdempotencyStore.Earlier earlier =
                store.find(operation, caller.subject(), key).orElseThrow();
        if (!earlier.fingerprint().equals(fingerprint) || earlier.targetId() == null) {
            throw new IdempotencyKeyReusedException(operation);
        }
        return Optional.of(new Replay(earlier.targetId(), earlier.created()));
    }

    /** Records what the first request under {@code key} created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(String operation, String key, Object targetId) {
        if (key != null) {
            store.answered(operation, caller.subject(), key, targetId.toString(), true);
        }
    }

    /** Records that the first request under {@code key} found an existing record rather than creating one (200). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void found(String operation, String key, Object targetId) {
        if (key != null) {
            store.answered(operation, caller.subject(), key, targetId.toString(), false);
        }
    }

    /** The fingerprint of a JSON request body: SHA-256 of its canonical JSON. */
    public static String fingerprint(Object request) {
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint a request", e);
        }
    }

    /** Forgets expired keys (they hold a caller's subject). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        store.purge(time.now().minus(KEPT), 10_000);
    }
}
