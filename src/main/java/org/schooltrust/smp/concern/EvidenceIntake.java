package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.concern.ConcernStore.Row;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;

/**
 * A piece of evidence taken in for a concern (ADR 0017, 0023): the file judged by its content, never by its name or
 * declared type; within the reporter's quota; at most {@value #MAX_EVIDENCE_FILES} per concern; stored once, never
 * changed; audited. Called by {@link MyConcernService} once it has found the caller's own concern.
 */
@ApplicationScoped
class EvidenceIntake {

    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_EVIDENCE_FILES = 20;

    /** The Idempotency-Key operation of adding evidence. */
    static final String ADD_EVIDENCE = "concern.add-evidence";

    @Inject
    ConcernStore store;

    @Inject
    ConcernQueries queries;

    @Inject
    SafeguardingSettings settings;

    @Inject
    TimeSource time;

    @Inject
    ChangeLog changes;

    @Inject
    Idempotency idempotency;

    /** Keeps {@code file} as evidence of the reporter's open concern {@code row}; a replayed key answers as before. */
    @Transactional(Transactional.TxType.MANDATORY)
    EvidenceView add(Row row, Path file, String fileName, String idempotencyKey) {
        UUID id = row.concern().id();
        row.concern().requireOpen("take more evidence");
        row.concern().whyNoFiles().ifPresent(why -> {
            throw ValidationFailedException.of("file", why);
        });
        long size;
        String mediaType;
        String sha256;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw ValidationFailedException.of("file", "is empty");
            }
            if (size > MAX_EVIDENCE_BYTES) {
                throw ValidationFailedException.of("file", "is larger than 10 MB (" + size + " bytes)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                mediaType = EvidenceType.of(in)
                        .orElseThrow(() -> ValidationFailedException.of(
                                "file", "must be a PNG, JPEG, PDF or plain-text file (judged by its content)"));
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not read the uploaded file", e);
        }
        Optional<Idempotency.Replay> earlier = idempotency.claim(
                ADD_EVIDENCE, idempotencyKey, Sha256.hex(id + "\n" + ConcernReads.safeName(fileName) + "\n" + sha256));
        if (earlier.isPresent()) {
            UUID first = earlier.get().uuid();
            return queries.evidence(id).stream()
                    .filter(e -> e.id().equals(first))
                    .findFirst()
                    .orElseThrow();
        }
        Instant now = time.now();
        UUID uploader = row.concern().reporterId();
        store.lockAdult(uploader);
        ConcernStore.Recent uploaded = store.uploadedSince(uploader, now.minus(settings.evidenceWindow()));
        if (uploaded.bytes() + size > settings.evidenceQuota().asLongValue()) {
            throw new TooManyRequestsException(
                    "This file would take your evidence over "
                            + settings.evidenceQuota().asLongValue() / (1024 * 1024)
                            + " MB within " + settings.evidenceWindow() + "; nothing was kept. Keep the file and"
                            + " give it to the DSL, or upload it later.",
                    uploaded.oldest() == null
                            ? settings.evidenceWindow()
                            : Duration.between(now, uploaded.oldest().plus(settings.evidenceWindow())));
        }
        // the version bump locks the concern: concurrent uploads count one after the other (at most 20), and the
        // concern's ETag changes with its evidence
        if (!store.touch(id, row.concern().version(), now)) {
            throw new ConflictException("Evidence was added to this concern meanwhile; send the file again.");
        }
        if (store.evidenceCount(id) >= MAX_EVIDENCE_FILES) {
            throw new ConflictException("A concern keeps at most " + MAX_EVIDENCE_FILES + " evidence files.");
        }
        UUID evidenceId = UUID.randomUUID();
        try (InputStream in = Files.newInputStream(file)) {
            store.insertEvidence(
                    evidenceId,
                    id,
                    mediaType,
                    ConcernReads.safeName(fileName),
                    size,
                    sha256,
                    new Sql.Stream(in, size),
                    row.concern().reporterId(),
                    now);
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the uploaded file", e);
        }
        changes.record(new AuditEntry(
                ConcernAuditAction.EVIDENCE_ADDED,
                ConcernReads.AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("evidence")));
        idempotency.created(ADD_EVIDENCE, idempotencyKey, evidenceId);
        return new EvidenceView(evidenceId, ConcernReads.safeName(fileName), mediaType, size, sha256, now);
    }
}
