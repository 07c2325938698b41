package org.schooltrust.smp.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.staff.StaffInputs.AdultInput;
import org.schooltrust.smp.staff.StaffInputs.SyncRequest;
import org.schooltrust.smp.staff.StaffViews.AdultView;
import org.schooltrust.smp.staff.StaffViews.SyncResult;

@Path("/api/v1/staff")
@Tag(name = "Staff")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffWriter writer;

    @Inject
    StaffService staff;

    @PUT
    @Path("/{hrId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HR_SYNC, Role.Names.TRUST_ADMIN, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Create or replace an adult",
            description = "Idempotent upsert by HR id. From `hr-sync` the record is kept by HR (`source=HR`). From"
                    + " `trust-admin`, or a Head for their own schools, it is a manual record (`source=MANUAL`) for"
                    + " adults HR does not hold, such as volunteers and governors; a full HR sync never deactivates"
                    + " those, and people cannot edit HR-kept records (409). Sending the same record again changes"
                    + " nothing: same ETag, same `updatedAt`, no audit event. Honours `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated, or unchanged.")
    @APIResponse(responseCode = "201", description = "Created.")
    @APIResponse(responseCode = "409", description = "A person tried to edit a record kept by HR.")
    public RestResponse<AdultView> put(
            @PathParam("hrId")
                    @Pattern(
                            regexp = AdultInput.HR_ID_PATTERN,
                            message = "must be 1-64 letters, digits, '.', '_' or '-'")
                    @Parameter(description = "HR id.", schema = @Schema(pattern = AdultInput.HR_ID_PATTERN))
                    String hrId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Optional ETag the change is based on.")
                    String ifMatch,
            @NotNull AdultInput input,
            @Context UriInfo uri) {
        return Responses.written(writer.put(hrId, input, ifMatch).map(AdultView::of), uri.getRequestUri());
    }

    @POST
    @Path("/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HR_SYNC)
    @Operation(
            summary = "Bulk sync adults from HR",
            description = "Up to 10,000 records in one atomic request, for `hr-sync`. Every record is checked first: if"
                    + " any is invalid the answer is 422 listing every bad record by index and field, and nothing is"
                    + " written. `mode=partial` upserts the listed adults; `mode=full` also deactivates (never deletes)"
                    + " active HR-kept adults absent from the batch, leaving manual records alone. Re-sending the same"
                    + " batch reaches the same state and reports everything unchanged. Concurrent syncs run one after"
                    + " the other. With `dryRun=true` nothing is written and the counts say what would happen.")
    @APIResponse(responseCode = "200", description = "Counts of what the sync did.")
    public SyncResult sync(
            @QueryParam("mode")
                    @Parameter(
                            description = "`partial` (default) or `full`.",
                            schema = @Schema(implementation = SyncMode.class))
                    String mode,
            @QueryParam("dryRun")
                    @Parameter(
                            description = "`true`: check the batch and report what the sync would do, writing"
                                    + " nothing (e.g. how many adults a full sync would deactivate).",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String dryRun,
            SyncRequest request) {
        return writer.sync(
                request,
                QueryParams.enumValue("mode", mode, SyncMode.class, SyncMode.partial),
                Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)));
    }

    @GET
    @RolesAllowed({Role.Names.HR_SYNC, Role.Names.TRUST_ADMIN, Role.Names.HEAD_OF_SCHOOL, Role.Names.STAFF})
    @Operation(
            summary = "List adults",
            description = "Adults visible to the caller: everyone for `hr-sync` and `trust-admin`; for a Head, adults"
                    + " with an assignment at one of their schools; for `staff`, only themselves. Ordered by HR id; with"
                    + " `updatedSince`, by time of last change (oldest first) and including deactivated adults, so a"
                    + " consumer can keep a copy in sync (leavers arrive with `active=false`).")
    @APIResponse(responseCode = "200", description = "A page of adults.")
    public RestResponse<Page<AdultView>> list(
            @BeanParam @Valid PageParams page,
            @QueryParam("school")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(
                            description = "Only adults with an assignment at this school (URN).",
                            schema = @Schema(pattern = "^\\d{6}$"))
                    String school,
            @QueryParam("active")
                    @Parameter(
                            description = "Only active (`true`) or inactive (`false`) adults.",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String active,
            @QueryParam("updatedSince")
                    @Parameter(
                            description = "Only adults changed at or after this instant (ISO-8601 UTC).",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String updatedSince,
            @Context UriInfo uri) {
        Page<Adult> adults = staff.list(
                school, QueryParams.bool("active", active), QueryParams.instant("updatedSince", updatedSince), page);
        return Pages.ok(adults.map(AdultView::of), uri);
    }

    @GET
    @Path("/{hrId}")
    @RolesAllowed({Role.Names.HR_SYNC, Role.Names.TRUST_ADMIN, Role.Names.HEAD_OF_SCHOOL, Role.Names.STAFF})
    @Operation(
            summary = "Read an adult",
            description = "One adult by HR id, if visible to the caller (see the list). Any other adult answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The adult.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    public RestResponse<AdultView> get(
            @PathParam("hrId")
                    @Pattern(
                            regexp = AdultInput.HR_ID_PATTERN,
                            message = "must be 1-64 letters, digits, '.', '_' or '-'")
                    @Parameter(description = "HR id.", schema = @Schema(pattern = AdultInput.HR_ID_PATTERN))
                    String hrId) {
        Adult adult = staff.get(hrId);
        return RestResponse.ResponseBuilder.ok(AdultView.of(adult))
                .tag(ETags.of(adult.version()))
                .build();
    }
}
