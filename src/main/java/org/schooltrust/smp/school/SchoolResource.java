package org.schooltrust.smp.school;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.schooltrust.smp.school.SchoolInputs.SchoolInput;
import org.schooltrust.smp.school.SchoolViews.SchoolView;

@Path("/api/v1/schools")
@Tag(name = "Schools")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    SchoolService schools;

    @PUT
    @Path("/{urn}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.TRUST_ADMIN, Role.Names.HR_SYNC})
    @Operation(
            summary = "Create or replace a school",
            description = "Idempotent upsert by URN, for `trust-admin` and `hr-sync`. Sending the same details again"
                    + " changes nothing (same ETag, no audit event). Honours `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated (or unchanged).")
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers = {
                @Header(name = "ETag", description = "Version of the school."),
                @Header(name = "Location", description = "URL of the school.")
            })
    public RestResponse<SchoolView> put(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "6-digit DfE URN.", schema = @Schema(pattern = "^\\d{6}$"))
                    String urn,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Optional ETag the change is based on.")
                    String ifMatch,
            @NotNull @Valid SchoolInput input,
            @Context UriInfo uri) {
        return Responses.written(schools.upsert(urn, input, ifMatch).map(SchoolView::of), uri.getRequestUri());
    }

    @GET
    @Authenticated
    @Operation(
            summary = "List schools",
            description =
                    "Every school of the Trust, by URN; with `updatedSince`, by time of last change (oldest first)"
                            + " so a consumer can sync. Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "A page of schools.")
    public RestResponse<Page<SchoolView>> list(
            @BeanParam @Valid PageParams page,
            @QueryParam("updatedSince")
                    @Parameter(
                            description = "Only schools changed at or after this instant (ISO-8601 UTC).",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String updatedSince,
            @Context UriInfo uri) {
        Page<School> found = schools.list(QueryParams.instant("updatedSince", updatedSince), page);
        return Pages.ok(found.map(SchoolView::of), uri);
    }

    @GET
    @Path("/{urn}")
    @Authenticated
    @Operation(summary = "Read a school", description = "One school by URN. Any authenticated caller.")
    @APIResponse(
            responseCode = "200",
            description = "The school.",
            headers = @Header(name = "ETag", description = "Version of the school."))
    public RestResponse<SchoolView> get(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "6-digit DfE URN.", schema = @Schema(pattern = "^\\d{6}$"))
                    String urn) {
        School school = schools.get(urn);
        return RestResponse.ResponseBuilder.ok(SchoolView.of(school))
                .tag(ETags.of(school.version()))
                .build();
    }
}
