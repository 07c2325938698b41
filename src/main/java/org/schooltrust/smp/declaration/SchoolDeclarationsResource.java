package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
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
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.declaration.DeclarationViews.Full;
import org.schooltrust.smp.declaration.DeclarationViews.Unanswered;

@Path("/api/v1/schools/{urn}/family-declarations")
@Tag(name = "Family declarations")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
public class SchoolDeclarationsResource {

    private static final String NOTE = " For the Heads of that school (another school's Head gets 404) and, for"
            + " declarations a Head of the school made, `trust-admin`: a Head never reviews their own (clause 6.8).";

    @Inject
    SchoolDeclarationService declarations;

    @Inject
    FamilyLinkService links;

    @PathParam("urn")
    @Parameter(description = "School URN (6 digits).", schema = @Schema(pattern = "^\\d{6}$"))
    String urn;

    @GET
    @Operation(
            summary = "List the school's declarations",
            description =
                    "Oldest first, with the pupil's name, notes and protocols; every declaration shown is an audit"
                            + " event. Filter by `status`, or `reconfirmationOverdue=true` for acknowledged links whose annual"
                            + " re-confirmation is late." + NOTE)
    @APIResponse(responseCode = "200", description = "A page of declarations.")
    public RestResponse<Page<Full>> list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only this status.",
                            schema = @Schema(implementation = DeclarationStatus.class))
                    String status,
            @QueryParam("reconfirmationOverdue")
                    @Parameter(
                            description = "Only acknowledged links not re-confirmed in time.",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String overdue,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        Page<Full> found = declarations.list(
                urn,
                QueryParams.enumValue("status", status, DeclarationStatus.class, null),
                Boolean.TRUE.equals(QueryParams.bool("reconfirmationOverdue", overdue)),
                page);
        return Pages.ok(found, uri);
    }

    @GET
    @Path("/not-answered")
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Adults who have not answered",
            description = "Active adults currently at the school who have neither declared a relationship there nor"
                    + " made a nil return, by HR id. For the Heads of that school only; another"
                    + " school's Head gets 404.")
    @APIResponse(responseCode = "200", description = "A page of adults.")
    public RestResponse<Page<Unanswered>> notAnswered(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(links.unanswered(urn, page), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a declaration", description = "The full record; the read is audited." + NOTE)
    @APIResponse(
            responseCode = "200",
            description = "The declaration.",
            headers = @Header(name = "ETag", description = "Version of the declaration."))
    public RestResponse<Full> get(@PathParam("id") @Parameter(description = "Declaration id.") UUID id) {
        return withETag(declarations.get(urn, id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Acknowledge and record the relationship",
            description = "SUBMITTED → ACKNOWLEDGED (clause 6.8): the Head records when it was discussed and the agreed"
                    + " protocols; who and when are recorded; re-confirmation falls due in 12 months. `If-Match`"
                    + " required: of two Heads acting on the same version, one wins and the other gets 412." + NOTE)
    @APIResponse(responseCode = "200", description = "Acknowledged.")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED.")
    public RestResponse<Full> acknowledge(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as reviewed.", required = true)
                    String ifMatch,
            @NotNull @Valid DeclarationInputs.Acknowledge input) {
        return withETag(declarations.acknowledge(urn, id, ifMatch, input));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Decline the declaration",
            description = "SUBMITTED or INFO_REQUESTED → DECLINED, with a reason. `If-Match` required." + NOTE)
    @APIResponse(responseCode = "200", description = "Declined.")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED or INFO_REQUESTED.")
    public RestResponse<Full> decline(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as reviewed.", required = true)
                    String ifMatch,
            @NotNull @Valid DeclarationInputs.Reason input) {
        return withETag(declarations.decline(urn, id, ifMatch, input));
    }

    @POST
    @Path("/{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ask the adult for more information",
            description = "SUBMITTED → INFO_REQUESTED; the adult answers. `If-Match` required." + NOTE)
    @APIResponse(responseCode = "200", description = "Question sent.")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED.")
    public RestResponse<Full> requestInfo(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as reviewed.", required = true)
                    String ifMatch,
            @NotNull @Valid DeclarationInputs.Question input) {
        return withETag(declarations.requestInfo(urn, id, ifMatch, input));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "End the declaration",
            description = "Active → ENDED (relationship ended), with a reason. `If-Match` required." + NOTE)
    @APIResponse(responseCode = "200", description = "Ended.")
    @APIResponse(responseCode = "409", description = "Not active.")
    public RestResponse<Full> end(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as reviewed.", required = true)
                    String ifMatch,
            @NotNull @Valid DeclarationInputs.Reason input) {
        return withETag(declarations.end(urn, id, ifMatch, input));
    }

    private static RestResponse<Full> withETag(Full declaration) {
        return Responses.ok(declaration, declaration.version());
    }
}
