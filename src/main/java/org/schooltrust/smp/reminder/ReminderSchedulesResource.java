package org.schooltrust.smp.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.reminder.ReminderInputs.ScheduleInput;
import org.schooltrust.smp.reminder.ReminderViews.ScheduleList;
import org.schooltrust.smp.reminder.ReminderViews.ScheduleView;

@Path("/api/v1/reminder-schedules")
@Tag(name = "Reminders")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.TRUST_ADMIN)
public class ReminderSchedulesResource {

    private static final String KIND = "POLICY_ACKNOWLEDGEMENT, JOINER_WELCOME, OVERDUE_ESCALATION,"
            + " DECLARATION_RECONFIRMATION, DECLARATION_REVIEW, SOCIAL_ACCOUNT_REVIEW or POLICY_REVIEW; another value is a 422.";

    @Inject
    ReminderSettings settings;

    @GET
    @Operation(
            summary = "List reminder schedules",
            description = "One schedule per kind of reminder; an empty database starts with the defaults. For"
                    + " `trust-admin`.")
    @APIResponse(responseCode = "200", description = "Every schedule.")
    public ScheduleList list() {
        return new ScheduleList(settings.schedules());
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "Read a reminder schedule", description = "For `trust-admin`.")
    @APIResponse(
            responseCode = "200",
            description = "The schedule.",
            headers = @Header(name = "ETag", description = "Version of the schedule."))
    public RestResponse<ScheduleView> get(
            @PathParam("kind") @Parameter(description = KIND, schema = @Schema(type = SchemaType.STRING)) String kind) {
        var schedule = settings.schedule(kind);
        return Responses.ok(schedule.body(), schedule.version());
    }

    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a reminder schedule",
            description = "Takes effect at the next run; reminders already sent stay sent and are never repeated."
                    + " Honours `If-Match`. For `trust-admin`; audited.")
    @APIResponse(responseCode = "200", description = "The schedule after the change.")
    public RestResponse<ScheduleView> put(
            @PathParam("kind") @Parameter(description = KIND, schema = @Schema(type = SchemaType.STRING)) String kind,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the schedule as read.") String ifMatch,
            @NotNull @Valid ScheduleInput input) {
        var schedule = settings.replaceSchedule(kind, input, ifMatch);
        return Responses.ok(schedule.body(), schedule.version());
    }
}
