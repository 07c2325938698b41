package org.schooltrust.smp.concern;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import org.schooltrust.smp.common.web.Downloads;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.concern.ConcernInputs.ActionInput;
import org.schooltrust.smp.concern.ConcernInputs.CloseInput;
import org.schooltrust.smp.concern.ConcernInputs.NoteInput;
import org.schooltrust.smp.concern.ConcernViews.ConcernListItem;
import org.schooltrust.smp.concern.ConcernViews.ConcernView;

@Path("/api/v1/schools/{urn}/concerns")
@Tag(name = "Concerns")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolConcernsResource {

    private static final String FOR = " For the school's Heads and DSLs (another school's concern is a 404; so is one"
            + " that names the caller); audited.";

    @Inject
    SchoolConcernService concerns;

    @GET
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(
            summary = "List a school's concerns",
            description = "Urgent first, then the longest waiting first, in every status." + FOR)
    @APIResponse(responseCode = "200", description = "A page of the school's concerns.")
    public RestResponse<Page<ConcernListItem>> list(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        return Pages.ok(concerns.school(urn, page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(summary = "Read a concern", description = "The report, its evidence and the handling timeline." + FOR)
    @APIResponse(
            responseCode = "200",
            description = "The concern.",
            headers = @Header(name = "ETag", description = "Version of the concern."))
    public RestResponse<ConcernView> get(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id) {
        var concern = concerns.get(urn, id);
        return Responses.ok(concern.body(), concern.version());
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(summary = "Acknowledge a concern", description = "RAISED → ACKNOWLEDGED. Requires `If-Match`." + FOR)
    @APIResponse(responseCode = "200", description = "The concern after the change.")
    @APIResponse(responseCode = "409", description = "It is not RAISED.")
    public RestResponse<ConcernView> acknowledge(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the concern as read.")
                    String ifMatch) {
        var concern = concerns.acknowledge(urn, id, ifMatch);
        return Responses.ok(concern.body(), concern.version());
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(
            summary = "Add a note",
            description = "Appended to the timeline, never changed; the reporter never sees it. The concern must be"
                    + " open." + FOR)
    @APIResponse(responseCode = "200", description = "The concern with the note.")
    @APIResponse(responseCode = "409", description = "The concern is closed.")
    public RestResponse<ConcernView> note(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @NotNull @Valid NoteInput input) {
        var concern = concerns.note(urn, id, input);
        return Responses.ok(concern.body(), concern.version());
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(
            summary = "Record an action",
            description = "Advice given, a referral (safeguarding, LADO, police, Channel/Prevent), reported to the"
                    + " platform, or no further action. Requires `If-Match`; the concern must be open." + FOR)
    @APIResponse(responseCode = "200", description = "The concern with the action.")
    @APIResponse(responseCode = "409", description = "The concern is closed.")
    public RestResponse<ConcernView> action(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the concern as read.") String ifMatch,
            @NotNull @Valid ActionInput input) {
        var concern = concerns.action(urn, id, input, ifMatch);
        return Responses.ok(concern.body(), concern.version());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Operation(
            summary = "Close a concern",
            description = "With an outcome; RAISED or ACKNOWLEDGED → CLOSED. Requires `If-Match`." + FOR)
    @APIResponse(responseCode = "200", description = "The concern after the change.")
    @APIResponse(responseCode = "409", description = "It is already closed.")
    public RestResponse<ConcernView> close(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the concern as read.") String ifMatch,
            @NotNull @Valid CloseInput input) {
        var concern = concerns.close(urn, id, input, ifMatch);
        return Responses.ok(concern.body(), concern.version());
    }

    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_DSL})
    @Produces({"image/png", "image/jpeg", "application/pdf", "text/plain", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Download evidence",
            description = "The bytes as kept, as an attachment (`X-Content-Type-Options: nosniff`)." + FOR)
    @APIResponse(
            responseCode = "200",
            description = "The file.",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = {
                @Header(name = "Content-Disposition", description = "`attachment`, with the file's name."),
                @Header(name = "X-Content-Type-Options", description = "`nosniff`.")
            })
    public Response evidence(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @PathParam("evidenceId") @Parameter(description = "Evidence id.") UUID evidenceId) {
        ConcernStore.Content content = concerns.evidence(urn, id, evidenceId);
        return Downloads.attachment(concerns.stream(content), content.size(), content.mediaType(), content.fileName());
    }
}
