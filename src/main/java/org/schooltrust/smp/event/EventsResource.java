package org.schooltrust.smp.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.event.EventViews.EventPage;

@Path("/api/v1/events")
@Tag(name = "Events")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventFeed feed;

    @GET
    @RolesAllowed({
        Role.Names.MIS,
        Role.Names.REGISTER_READER,
        Role.Names.HR_SYNC,
        Role.Names.HEAD_OF_SCHOOL,
        Role.Names.DSL,
        Role.Names.TRUST_ADMIN
    })
    @Operation(
            summary = "Read the event feed",
            description = "Every state change as a thin event, oldest first: the system of record that webhooks"
                    + " deliver from. Store `nextCursor` and send it back as `after`: the feed never skips an event"
                    + " that commits later with an earlier position (ADR 0014) and never repeats one. Each caller sees"
                    + " only what it could read through the API: `mis` its schools' `family_link.*`; `dsl` its schools'"
                    + " `concern.*`;"
                    + " `register-reader` `register.*`; `hr-sync` `staff.*` and `school.*`; a Head their schools'"
                    + " events and `policy*` events; `trust-admin` all. Events are kept for the configured retention"
                    + " (default 90 days); a cursor older than that answers 410 `cursor-expired`: re-sync through"
                    + " the API, then read without `after`. `data` never carries names, notes or reasons.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events; `more` is true when the next page is ready now.",
            headers = @Header(name = "Link", description = "`rel=\"next\"` when more events are ready now."))
    @APIResponse(responseCode = "410", description = "The cursor is older than the feed keeps (`cursor-expired`).")
    @APIResponse(
            responseCode = "429",
            description = "The client read the feed more than `SMP_EVENTS_FEED_BURST` times at once or faster than"
                    + " `SMP_EVENTS_FEED_RATE` a second (`rate-limited`); read again from the same cursor after"
                    + " `Retry-After`.",
            headers = @Header(name = "Retry-After", description = "Seconds until the next read is allowed."))
    public RestResponse<EventPage> read(
            @QueryParam("after")
                    @Size(max = 512)
                    @Parameter(
                            description = "The `nextCursor` of the last page read; omit to start at the oldest"
                                    + " event kept.")
                    String after,
            @QueryParam("types")
                    @Size(max = 4096)
                    @Parameter(
                            description = "Comma-separated event types (e.g."
                                    + " `family_link.acknowledged,family_link.removed`); unknown names are a 422.")
                    String types,
            @QueryParam("school")
                    @Pattern(regexp = "^\\d{6}$")
                    @Parameter(
                            description = "Only events of this school (URN); outside the caller's scope it is a 404.",
                            schema = @Schema(pattern = "^\\d{6}$"))
                    String school,
            @QueryParam("limit")
                    @Parameter(
                            description = "Page size, 1 to 1000 (default 100).",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    String limit,
            @Context UriInfo uri) {
        EventPage page = feed.read(after, types, school, PageParams.limitOf(limit));
        return Pages.ok(page, page.more() ? page.nextCursor() : null, "after", uri);
    }
}
