package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;

@Path("/api/v1/me/family-nil-returns")
@Tag(name = "Family declarations")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyNilReturnsResource {

    @Inject
    MyDeclarationService declarations;

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
                            schema = @Schema(implementation = DeclarationViews.NilReturnView.class)),
            headers = @Header(name = "Location", description = "URL of the nil return."))
    public RestResponse<DeclarationViews.NilReturnView> nilReturn(
            @NotNull @Valid DeclarationInputs.NilReturn input, @Context UriInfo uri) {
        DeclarationViews.NilReturnView nil = declarations.nilReturn(input);
        return Responses.written(
                Versioned.created(nil, null),
                uri.getBaseUriBuilder()
                        .path("api/v1/me/family-nil-returns/{id}")
                        .build(nil.id()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Read one of my nil returns",
            description = "A nil return the caller made (the `Location` of its creation); anyone else's is 404.")
    @APIResponse(responseCode = "200", description = "The nil return.")
    public DeclarationViews.NilReturnView one(@PathParam("id") @Parameter(description = "Nil return id.") UUID id) {
        return declarations.nilReturn(id);
    }
}
