package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.declaration.DeclarationViews.CheckResponse;
import org.schooltrust.smp.declaration.DeclarationViews.Link;
import org.schooltrust.smp.declaration.DeclarationViews.PupilLeft;

@Path("/api/v1/schools/{urn}")
@Tag(name = "Family links (MIS)")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.MIS)
public class FamilyLinksResource {

    private static final String NOTE = " For the school's MIS (`mis`, the school in its token's schools claim); any"
            + " other school answers 404. Never returns pupil names, notes or protocols.";

    @Inject
    FamilyLinkService links;

    @POST
    @Path("/family-links/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check adult-pupil pairs",
            description = "Up to 1,000 pairs {staffHrId, pupilMisId} in one call. Each answers `ACKNOWLEDGED` (with the"
                    + " relationship), `PENDING` (declared, not yet acknowledged) or `NONE`." + NOTE)
    @APIResponse(responseCode = "200", description = "One result per pair, in request order.")
    public CheckResponse check(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @NotNull @Valid DeclarationInputs.Check request) {
        return links.check(urn, request);
    }

    @GET
    @Path("/family-links")
    @Operation(
            summary = "Acknowledged links and their removals, for sync",
            description =
                    "Acknowledged links plus tombstones (`REMOVED`: ended or withdrawn) ordered by time of change."
                            + " Keep `updatedSince` a few minutes before the last `updatedAt` you saw: items are idempotent and a"
                            + " change committed late is then not missed." + NOTE)
    @APIResponse(responseCode = "200", description = "A page of links.")
    public RestResponse<Page<Link>> feed(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @QueryParam("updatedSince")
                    @Parameter(
                            description = "Only changes at or after this instant (ISO-8601 UTC).",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String updatedSince,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        return Pages.ok(links.feed(urn, QueryParams.instant("updatedSince", updatedSince), page), uri);
    }

    @POST
    @Path("/pupils/{pupilMisId}/left")
    @Operation(
            summary = "Report that a pupil left the school",
            description = "Ends the pupil's active declarations at this school (reason `PUPIL_LEFT`). Idempotent: a"
                    + " repeat ends nothing more." + NOTE)
    @APIResponse(responseCode = "200", description = "How many declarations were ended.")
    public PupilLeft pupilLeft(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @PathParam("pupilMisId")
                    @Pattern(regexp = DeclarationInputs.PUPIL, message = "must be an MIS id")
                    @Parameter(description = "The pupil's MIS id.")
                    String pupilMisId) {
        return new PupilLeft(links.pupilLeft(urn, pupilMisId));
    }
}
