package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;
import org.schooltrust.smp.staff.Responsibility;

/** What the API takes for, and shows of, a policy's owner and review cycle (issue 27). */
public final class PolicyReviewViews {

    private PolicyReviewViews() {}

    @Schema(
            name = "PolicyReviewInput",
            description = "The policy's owner — an adult (`ownerHrId`), or whoever holds `ownerResponsibility` at"
                    + " `ownerSchoolUrn` on the day — and its next review date. Exactly one kind of owner.")
    public record ReviewInput(
            @Size(max = 64) @Schema(examples = "E1001") String ownerHrId,

            @EnumValue(of = Responsibility.class) @Schema(implementation = Responsibility.class)
            String ownerResponsibility,

            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
            String ownerSchoolUrn,

            @NotNull @Schema(required = true, examples = "2027-09-01")
            LocalDate reviewDate) {}

    @Schema(name = "PolicyOwner")
    public record OwnerView(
            @Schema(description = "The owning adult's HR id, when the owner is an adult.")
            String hrId,

            @Schema(description = "The owning responsibility, when the owner is a role.")
            Responsibility responsibility,

            @Schema(description = "The school where that responsibility is held.")
            String schoolUrn) {}

    @Schema(name = "PolicyReview")
    public record ReviewView(
            @Schema(required = true) String policy,
            @Schema(required = true) String title,
            @Schema(required = true) OwnerView owner,
            @Schema(required = true) LocalDate reviewDate,

            @Schema(required = true, description = "The review date has passed and no new date was set.")
            boolean overdue,

            @Schema(required = true) Instant updatedAt) {

        static ReviewView of(PolicyReviewStore.Row row, LocalDate today) {
            PolicyReview r = row.review();
            return new ReviewView(
                    row.slug(),
                    row.title(),
                    new OwnerView(row.ownerHrId(), r.ownerResponsibility(), r.ownerSchoolUrn()),
                    r.reviewDate(),
                    r.overdue(today),
                    r.updatedAt());
        }
    }
}
