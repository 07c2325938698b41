package org.schooltrust.smp.socialaccount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the management API shows of an account (to its school's staff, its Head and the Trust). */
public final class SocialAccountViews {

    private SocialAccountViews() {}

    @Schema(
            name = "SocialAccount",
            description = "An official school account and where it is in its lifecycle. Reasons and administrators are"
                    + " shown here only, never on the public register.")
    public record AccountView(
            @Schema(required = true) UUID id,
            @Schema(required = true, examples = "100001") String schoolUrn,
            @Schema(required = true) Platform platform,

            @Schema(required = true, description = "Canonical handle (ADR 0007).", examples = "stjamesprimary")
            String handle,

            @Schema(required = true, examples = "https://x.com/stjamesprimary")
            String canonicalUrl,

            @Schema(required = true) Purpose purpose,
            @Schema(required = true) String reason,
            @Schema(required = true) AccountStatus status,
            @Schema(required = true) List<AdministratorView> administrators,

            @Schema(description = "HR id of the proposer, when the token that proposed it named an adult.")
            String proposedBy,

            @Schema(required = true) Instant proposedAt,
            Instant approvedAt,
            LocalDate reviewDue,

            @Schema(required = true, description = "The review date has passed and the account is not finished.")
            boolean reviewOverdue,

            Instant reviewedAt,
            Instant rejectedAt,
            String rejectionReason,

            @Schema(description = "When the live URL was confirmed and the account joined the register.")
            Instant liveSince,

            Instant suspendedAt,

            @Schema(description = "Reason for the latest suspension.")
            String suspensionReason,

            Instant retiredAt,
            String retirementReason,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(name = "SocialAccountAdministrator", description = "An adult who runs the account.")
    public record AdministratorView(
            @Schema(required = true, examples = "E1001") String hrId,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,

            @Schema(required = true, description = "False once the adult has left.")
            boolean active) {}
}
