package org.schooltrust.smp.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Downloads;

@Path("/api/v1/staff/{hrId}/subject-access-export")
@Tag(name = "Data protection")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Role.Names.DPO)
public class SubjectAccessResource {

    @Inject
    SubjectAccessExport export;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/zip"})
    @Operation(
            summary = "Export everything held about an adult",
            description = "For a subject-access request (UK GDPR Art. 15): the record and assignments,"
                    + " acknowledgements, declarations they made (the pupil's name only as they gave it), nil returns,"
                    + " reminders sent, social accounts they proposed or administer, concerns they raised with their own"
                    + " evidence, permissions, and audit events where they are the target or a known actor. Concerns"
                    + " about them and other people's notes are listed as withheld with the reason. With `Accept:"
                    + " application/zip`: a zip of the JSON and their evidence files. Concerns about the subject that"
                    + " are still open are left out entirely unless `includeOpenConcernsAboutSubject=true`; handlers'"
                    + " activity on withheld material is never listed; fields that name other people are listed in"
                    + " `redactionReview` for a person to review before release. For the data protection officer"
                    + " (`dpo`), for a named request: `requestReference` and `reason` are required and recorded with"
                    + " the export, whose audit entry points at them.")
    @APIResponse(
            responseCode = "200",
            description = "The export.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response export(
            @PathParam("hrId") @Parameter(description = "HR id of the adult.") String hrId,
            @QueryParam("requestReference")
                    @NotBlank
                    @Size(max = 100)
                    @Parameter(required = true, description = "The Trust's reference for the subject-access request.")
                    String requestReference,
            @QueryParam("reason")
                    @NotBlank
                    @Size(max = 1000)
                    @Parameter(required = true, description = "Why this export is made (e.g. the request's scope).")
                    String reason,
            @QueryParam("includeOpenConcernsAboutSubject")
                    @Parameter(
                            description = "List concerns about the subject that are still open (as withheld). Off by"
                                    + " default: their existence could tip off the subject of an allegation.")
                    boolean includeOpenConcernsAboutSubject,
            @Context HttpHeaders headers) {
        SubjectAccessExport.Request request =
                new SubjectAccessExport.Request(requestReference, reason, includeOpenConcernsAboutSubject);
        boolean zip = headers.getAcceptableMediaTypes().stream()
                .anyMatch(
                        t -> t.getType().equals("application") && t.getSubtype().equals("zip"));
        if (zip) {
            return Downloads.attachment(
                    export.zip(hrId, request), -1, "application/zip", "subject-access-" + hrId + ".zip");
        }
        return Response.ok(export.export(hrId, request), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }
}
