package org.schooltrust.smp.socialaccount;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What external apps see: the public register carries no adult's data (no proposer, administrators or reasons). */
public final class RegisterViews {

    private RegisterViews() {}

    @Schema(
            name = "RegisterEntry",
            description = "An official account of a Trust school. In `updatedSince` reads, accounts that were"
                    + " suspended or retired appear once more with `removed: true` (a tombstone).")
    public record RegisterEntry(
            @Schema(required = true) UUID id,
            @Schema(required = true, examples = "100001") String schoolUrn,

            @Schema(required = true, examples = "St James Primary Academy")
            String schoolName,

            @Schema(required = true) Platform platform,

            @Schema(required = true, description = "Canonical handle (ADR 0007).", examples = "stjamesprimary")
            String handle,

            @Schema(required = true, examples = "https://x.com/stjamesprimary")
            String canonicalUrl,

            @Schema(required = true) Purpose purpose,

            @Schema(required = true, description = "When the Head of School approved it (clause 8.1).")
            Instant approvedAt,

            @Schema(description = "When it was confirmed live and joined the register.")
            Instant liveSince,

            @Schema(
                    required = true,
                    description = "Last change of this entry (or its school's name); the key of `updatedSince` reads.")
            Instant updatedAt,

            @Schema(
                    required = true,
                    description = "True when the account is no longer official (suspended or retired): a tombstone.")
            boolean removed) {}

    @Schema(
            name = "SocialAccountVerification",
            description = "Whether a URL or handle is an official account of a Trust school.")
    public record Verification(
            @Schema(required = true, description = "True only for an ACTIVE account on the register.")
            boolean official,

            @Schema(description = "The register entry when official, else null.")
            RegisterEntry account,

            @Schema(description = "The school it belongs to when official, else null.")
            SchoolRef school,

            @Schema(
                    description = "How the input was read after canonicalisation; null when it is not a recognised"
                            + " profile URL or handle.")
            CanonicalRef canonical) {}

    @Schema(name = "RegisterSchool")
    public record SchoolRef(
            @Schema(required = true, examples = "100001") String urn,
            @Schema(required = true) String name) {}

    @Schema(name = "CanonicalAccount")
    public record CanonicalRef(
            @Schema(required = true) Platform platform,
            @Schema(required = true) String handle,
            @Schema(required = true) String url) {}
}
