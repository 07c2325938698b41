package org.schooltrust.smp.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
@RolesAllowed(Role.Names.TRUST_ADMIN)
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
                    + " application/zip`: a zip of the JSON and their evidence files. For `trust-admin`; audited.")
    @APIResponse(
            responseCode = "200",
            description = "The export.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response export(
            @PathParam("hrId") @Parameter(description = "HR id of the adult.") String hrId,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        boolean zip = headers.getAcceptableMediaTypes().stream()
                .anyMatch(
                        t -> t.getType().equals("application") && t.getSubtype().equals("zip"));
        if (zip) {
            return Downloads.attachment(export.zip(hrId), "application/zip", "subject-access-" + hrId + ".zip");
        }
        return Response.ok(export.export(hrId), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }
}
