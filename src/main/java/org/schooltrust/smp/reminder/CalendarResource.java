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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.reminder.ReminderInputs.CalendarInput;
import org.schooltrust.smp.reminder.ReminderViews.CalendarView;

@Path("/api/v1/calendar/closures")
@Tag(name = "Reminders")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    ReminderSettings settings;

    @GET
    @RolesAllowed({Role.Names.TRUST_ADMIN, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Read the Trust calendar",
            description = "School holidays, INSET days and other closures: a reminder falling in one moves to the"
                    + " school's next open day, and nothing is sent to a school on a day it is closed. `trust-admin`"
                    + " sees every closure; a Head the Trust-wide ones and their schools'.")
    @APIResponse(
            responseCode = "200",
            description = "The closures, earliest first.",
            headers = @Header(name = "ETag", description = "Version of the calendar."))
    public RestResponse<CalendarView> get() {
        var calendar = settings.calendar();
        return Responses.ok(calendar.body(), calendar.version());
    }

    @PUT
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the Trust calendar",
            description = "Every closure at once. A closure ends on or after its start, lasts at most 120 days, and"
                    + " does not overlap another of the same scope (the same school, or Trust-wide). Honours"
                    + " `If-Match`. For `trust-admin`; audited.")
    @APIResponse(responseCode = "200", description = "The calendar after the change.")
    public RestResponse<CalendarView> put(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the calendar as read.") String ifMatch,
            @NotNull @Valid CalendarInput input) {
        var calendar = settings.replaceCalendar(input, ifMatch);
        return Responses.ok(calendar.body(), calendar.version());
    }
}
