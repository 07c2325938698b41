package org.schooltrust.smp.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.reminder.ReminderViews.RunResult;

@Path("/api/v1/reminders")
@Tag(name = "Reminders")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class RemindersResource {

    @Inject
    ReminderRun run;

    @POST
    @Path("/run")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Run reminders now",
            description = "What the scheduled run (hourly by default) does: records every reminder due today once,"
                    + " publishes it as an event and queues its email. With `dryRun=true` it only answers what it would"
                    + " send. Safe beside the scheduled run and on N replicas: nothing is ever sent twice. For"
                    + " `trust-admin`; audited.")
    @APIResponse(responseCode = "200", description = "What the run sent, or would send.")
    public RunResult run(
            @QueryParam("dryRun")
                    @Parameter(
                            description = "`true`: answer what would be sent, change nothing. Default `false`.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String dryRun,
            @QueryParam("school")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(
                            description = "Only this school's reminders.",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{6}$"))
                    String school) {
        return run.run(Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)), school);
    }
}
