package org.schooltrust.smp.acknowledgement;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.acknowledgement.AcknowledgementInputs.AcknowledgementInput;
import org.schooltrust.smp.acknowledgement.AcknowledgementViews.AcknowledgementView;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;

@Path("/api/v1/me/acknowledgements")
@Tag(name = "Acknowledgements")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyAcknowledgementsResource {

    @Inject
    AcknowledgementService acknowledgements;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Acknowledge a policy for one of my schools",
            description = "By the adult the token names, once per school they currently work in. `bodySha256` must"
                    + " equal the version's (else 409, the adult was shown another text); the version must be the"
                    + " current published one (else 409); every statement of the version must be accepted (else 422)."
                    + " The record keeps the time, the client (azp) and the user agent, and never changes. A replay of"
                    + " the same request with the same `Idempotency-Key` answers as the first response did (201); a"
                    + " repeat without it, or a concurrent duplicate, returns the existing record (200). The same key"
                    + " with a different request is 422 `idempotency-key-reused`.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded, or a replay of the request that recorded it.",
            headers = @Header(name = "Location", description = "URL of the acknowledgement."))
    @APIResponse(responseCode = "200", description = "Already recorded; the existing record.")
    @APIResponse(
            responseCode = "409",
            description = "Hash mismatch, version not current, or not required of this adult.")
    @APIResponse(
            responseCode = "422",
            description = "A statement is missing, or the `Idempotency-Key` was used for a different request"
                    + " (`idempotency-key-reused`).")
    public RestResponse<AcknowledgementView> acknowledge(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response.")
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.USER_AGENT) @Parameter(hidden = true) String userAgent,
            @NotNull @Valid AcknowledgementInput input,
            @Context UriInfo uri) {
        Versioned<AcknowledgementView> recorded = acknowledgements.acknowledge(input, idempotencyKey, userAgent);
        return Responses.written(
                recorded,
                uri.getBaseUriBuilder()
                        .path("api/v1/me/acknowledgements/{id}")
                        .build(recorded.body().id()));
    }

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "List my acknowledgements",
            description = "Every acknowledgement the caller has made, oldest first, a page at a time (`limit`,"
                    + " `cursor`, `Link: rel=\"next\"`).")
    @APIResponse(responseCode = "200", description = "A page of the caller's acknowledgements.")
    public RestResponse<Page<AcknowledgementView>> mine(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(acknowledgements.mine(page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Read one of my acknowledgements",
            description = "An acknowledgement the caller made (the `Location` of its creation); anyone else's is 404.")
    @APIResponse(responseCode = "200", description = "The acknowledgement.")
    public AcknowledgementView one(@PathParam("id") @Parameter(description = "Acknowledgement id.") UUID id) {
        return acknowledgements.mine(id);
    }
}
