package org.schooltrust.smp.staff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
