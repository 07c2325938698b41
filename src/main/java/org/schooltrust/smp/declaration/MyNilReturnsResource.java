package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;

@Path("/api/v1/me/family-nil-returns")
@Tag(name = "Family declarations")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyNilReturnsResource {

    @Inject
    DeclarationService declarations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Declare that I have no family relationship with any pupil at a school",
            description = "A nil return, so the Head can tell \"declared nothing\" from \"not answered\". For a school"
                    + " the caller currently works in; it may be repeated (e.g. yearly), each is kept.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeclarationViews.NilReturnView.class)))
    public RestResponse<DeclarationViews.NilReturnView> nilReturn(@NotNull @Valid DeclarationInputs.NilReturn input) {
        return RestResponse.status(RestResponse.Status.CREATED, declarations.nilReturn(input));
    }
}
