package org.schooltrust.smp.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.reminder.ReminderViews.MyReminderView;

@Path("/api/v1/me/reminders")
@Tag(name = "Reminders")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyRemindersResource {

    @Inject
    MyReminders mine;

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "What I was sent",
            description = "Every reminder and digest sent to the caller, newest first, with its email outcome.")
    @APIResponse(responseCode = "200", description = "A page of the caller's reminders.")
    public RestResponse<Page<MyReminderView>> mine(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(mine.list(page), uri);
    }
}
