package org.schooltrust.smp.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** A Head chasing their own staff with one action (issue 27). */
@Path("/api/v1/schools/{urn}/reminders/now")
@Tag(name = "Reminders")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class RemindNowResource {

    @Inject
    ReminderRun run;

    @POST
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Remind my staff now",
            description = "Sends the acknowledgement reminder now to every adult of the school whose acknowledgement is"
                    + " due or overdue, beside the scheduled runs (stage `NOW_<date>`). An adult already reminded"
                    + " today — by the schedule or by this — is skipped: at most one reminder a day each. With"
                    + " `dryRun=true` it only answers who would get one. For the school's `head-of-school` and"
                    + " `trust-admin` (anyone else 404); audited, and each reminder published as `reminder.sent`.")
    @APIResponse(responseCode = "200", description = "Who was reminded, or would be.")
    public RunResult remindNow(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @QueryParam("dryRun")
                    @Parameter(
                            description = "`true`: answer who would be reminded, change nothing. Default `false`.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String dryRun) {
        return run.remindNow(urn, Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)));
    }
}
