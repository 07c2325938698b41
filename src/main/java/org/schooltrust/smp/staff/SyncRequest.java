package org.schooltrust.smp.staff;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StaffSyncRequest", description = "A batch of up to 10,000 adults from HR.")
public record SyncRequest(
        @Schema(required = true, maxItems = StaffWriter.MAX_RECORDS)
        List<AdultInput> records) {}
