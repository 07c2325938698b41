package org.schooltrust.smp.concern;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Downloads;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.concern.ConcernInputs.ConcernInput;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;
import org.schooltrust.smp.concern.ConcernViews.MyConcernView;

@Path("/api/v1/me/concerns")
@Tag(name = "Concerns")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL})
public class MyConcernsResource {

    @Inject
    MyConcernService concerns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Raise a concern with the Head",
            description = "For a school the caller works at (clauses 6.24, 7, 9, 10.6). `RADICALISATION` and"
                    + " `INDECENT_IMAGES` are urgent and go to the school's DSLs as well as its Heads, who are told at"
                    + " once by email. An `IMPERSONATION` concern answers at once whether its URL is the school's own"
                    + " official account. A concern naming an adult is handled by the Heads and DSLs of the schools"
                    + " that adult works at, and never shown to the adult. The report is never changed or deleted."
                    + " An `INDECENT_IMAGES` or `RADICALISATION` concern keeps text only and never takes evidence"
                    + " files: describe where the material was seen, when and on which platform, and do not copy,"
                    + " screenshot or forward it (copying an indecent image of a child is itself an offence; the DSL"
                    + " involves the police, the LADO or Prevent). `Idempotency-Key` honoured.")
    @APIResponse(
            responseCode = "201",
            description = "Raised.",
            content = @Content(schema = @Schema(implementation = MyConcernView.class)),
            headers = {
                @Header(name = "Location", description = "The concern."),
                @Header(name = "ETag", description = "Version of the concern.")
            })
    @APIResponse(
            responseCode = "422",
            description = "A field breaks a rule, or the `Idempotency-Key` was used for a different request"
                    + " (`idempotency-key-reused`).")
    @APIResponse(
            responseCode = "429",
            description = "The caller raised `SMP_SAFEGUARDING_RAISE_LIMIT` concerns within"
                    + " `SMP_SAFEGUARDING_RAISE_WINDOW` (`rate-limited`); nothing was written.",
            headers = @Header(name = "Retry-After", description = "Seconds until one more may be raised."))
    public RestResponse<MyConcernView> raise(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response.")
                    String idempotencyKey,
            @NotNull @Valid ConcernInput input,
            @Context UriInfo uri) {
        Versioned<MyConcernView> raised = concerns.raise(input, idempotencyKey);
        return Responses.written(
                raised,
                uri.getBaseUriBuilder()
                        .path("api/v1/me/concerns/{id}")
                        .build(raised.body().id()));
    }

    @GET
    @Operation(
            summary = "List the concerns I raised",
            description = "Newest first, with their status and the evidence given; never the handling notes. Each"
                    + " read is audited.")
    @APIResponse(responseCode = "200", description = "A page of the caller's concerns.")
    public RestResponse<Page<MyConcernView>> mine(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(concerns.mine(page), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a concern I raised", description = "Status and own evidence. The read is audited.")
    @APIResponse(
            responseCode = "200",
            description = "The concern.",
            headers = @Header(name = "ETag", description = "Version of the concern."))
    public RestResponse<MyConcernView> one(@PathParam("id") @Parameter(description = "Concern id.") UUID id) {
        var concern = concerns.myConcern(id);
        return Responses.ok(concern.body(), concern.version());
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Keep a file as evidence",
            description = "A screenshot or document (clauses 9.2, 9.4): PNG, JPEG, PDF or plain text, judged by its"
                    + " bytes, not its name or declared type; at most 10 MB, and 20 files per concern. Its SHA-256 is"
                    + " recorded; it is never changed or deleted. The concern must be open. Never for an"
                    + " `INDECENT_IMAGES` or `RADICALISATION` concern: the upload is refused with 422 and guidance (do"
                    + " not copy or forward the material; record where and when it was seen), and nothing is kept.")
    @APIResponse(
            responseCode = "201",
            description = "Kept.",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)),
            headers = @Header(name = "Location", description = "The file."))
    @APIResponse(responseCode = "409", description = "The concern is closed, or already has 20 files.")
    @APIResponse(
            responseCode = "422",
            description = "No file, an empty one, over 10 MB, not an accepted type, or a concern of a category that"
                    + " keeps no files (`INDECENT_IMAGES`, `RADICALISATION`).")
    @APIResponse(
            responseCode = "429",
            description = "The file would take the caller's evidence over `SMP_SAFEGUARDING_EVIDENCE_QUOTA` within"
                    + " `SMP_SAFEGUARDING_EVIDENCE_WINDOW` (`rate-limited`); nothing was kept.",
            headers = @Header(name = "Retry-After", description = "Seconds until the quota has room again."))
    public Response addEvidence(
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @RestForm("file")
                    @Parameter(
                            description = "The file (a `multipart/form-data` part named `file`).",
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))
                    FileUpload file,
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response (201).")
                    String idempotencyKey,
            @Context UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ValidationFailedException.of("file", "is required (a multipart part named file)");
        }
        EvidenceView kept = concerns.addEvidence(id, file.uploadedFile(), file.fileName(), idempotencyKey);
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/me/concerns/{id}/evidence/{evidenceId}")
                        .build(id, kept.id()))
                .entity(kept)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @Produces({"image/png", "image/jpeg", "application/pdf", "text/plain", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Download evidence I gave",
            description = "The bytes as kept, as an attachment (`X-Content-Type-Options: nosniff`). Audited.")
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
            @PathParam("id") @Parameter(description = "Concern id.") UUID id,
            @PathParam("evidenceId") @Parameter(description = "Evidence id.") UUID evidenceId) {
        ConcernStore.Content content = concerns.myEvidence(id, evidenceId);
        return Downloads.attachment(concerns.stream(content), content.size(), content.mediaType(), content.fileName());
    }
}
