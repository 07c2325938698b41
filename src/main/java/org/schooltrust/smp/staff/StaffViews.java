package org.schooltrust.smp.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The staff feature's responses, one nested record each (docs/architecture.md: DTOs). */
public final class StaffViews {

    private StaffViews() {}

    @Schema(
            name = "Adult",
            description =
                    "An adult of the staff register. Inactive adults (leavers) are kept and listed, so consumers can sync them.")
    public record AdultView(
            @Schema(required = true, examples = "E1001") String hrId,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(required = true) String workEmail,
            @Schema(required = true) AdultCategory category,
            @Schema(required = true) boolean active,
            @Schema(required = true) AdultSource source,
            @Schema(required = true) List<AssignmentView> assignments,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static AdultView of(Adult adult) {
            return new AdultView(
                    adult.hrId(),
                    adult.firstName(),
                    adult.lastName(),
                    adult.workEmail(),
                    adult.category(),
                    adult.active(),
                    adult.source(),
                    adult.assignments().stream().map(AssignmentView::of).toList(),
                    adult.createdAt(),
                    adult.updatedAt());
        }
    }

    @Schema(
            name = "StaffSyncResult",
            description = "What a sync did. A retry of the same request reports everything unchanged.")
    public record SyncResult(
            @Schema(required = true) SyncMode mode,

            @Schema(required = true, description = "True when nothing was written (`dryRun=true`).")
            boolean dryRun,

            @Schema(required = true, description = "Records in the batch.")
            int received,

            @Schema(required = true) int created,
            @Schema(required = true) int updated,
            @Schema(required = true) int unchanged,

            @Schema(required = true, description = "HR adults not in a full batch, now inactive (never deleted).")
            int deactivated) {}

    @Schema(name = "Assignment")
    public record AssignmentView(
            @Schema(required = true) String schoolUrn,
            String jobTitle,
            @Schema(required = true) LocalDate startDate,
            LocalDate endDate,

            @Schema(
                    required = true,
                    description = "What the adult is at the school beyond the job title (empty for most adults).")
            List<Responsibility> responsibilities) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(
                    a.schoolUrn(), a.jobTitle(), a.startDate(), a.endDate(), a.responsibilitiesInOrder());
        }
    }
}
