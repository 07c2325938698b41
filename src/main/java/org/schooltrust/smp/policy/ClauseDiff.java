package org.schooltrust.smp.policy;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ClauseDiff",
        description = "Clause-level difference between two versions: what a staff portal shows as \"what changed\".")
public record ClauseDiff(
        @Schema(required = true) String from,
        @Schema(required = true) String to,

        @Schema(required = true, description = "Clauses only in `to`.")
        List<Clause> added,

        @Schema(required = true, description = "Clauses only in `from`.")
        List<Clause> removed,

        @Schema(required = true, description = "Clauses in both whose heading or text differ.")
        List<Change> changed) {

    @Schema(name = "ClauseChange")
    public record Change(
            @Schema(required = true) String number,
            @Schema(required = true) Clause before,
            @Schema(required = true) Clause after) {}
}
