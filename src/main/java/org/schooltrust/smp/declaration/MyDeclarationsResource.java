package org.schooltrust.smp.declaration;

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
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.declaration.DeclarationViews.Full;

@Path("/api/v1/me/family-declarations")
@Tag(name = "Family declarations")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
public class MyDeclarationsResource {

    @Inject
    MyDeclarationService declarations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Declare a family relationship with a pupil",
            description = "By the adult the token names, for a school they currently work in (clauses 6.7-6.9):"
                    + " SUBMITTED until the Head of School acknowledges and records it. Social-media contact with the"
                    + " pupil is only acceptable once ACKNOWLEDGED. One active declaration per adult, pupil and school"
                    + " (409). `Idempotency-Key` honoured: a replay of the same request answers as the first response"
                    + " did (201, the first declaration); the same key with a different request is 422"
                    + " `idempotency-key-reused`.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted, or a replay of the request that submitted it.",
            headers = {
                @Header(name = "ETag", description = "Version of the declaration."),
                @Header(name = "Location", description = "URL of the declaration.")
            })
    @APIResponse(
            responseCode = "200",
            description = "No longer answered (kept so clients built against 1.0 still compile): a replay answers 201.")
    @APIResponse(
            responseCode = "422",
            description = "A field breaks a rule, or the `Idempotency-Key` was used for a different request"
                    + " (`idempotency-key-reused`).")
    @APIResponse(responseCode = "409", description = "An active declaration for this pupil and school exists.")
    public RestResponse<Full> declare(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response.")
                    String idempotencyKey,
            @NotNull @Valid DeclarationInputs.Declare input,
            @Context UriInfo uri) {
        Versioned<Full> result = declarations.declare(input, idempotencyKey);
        return Responses.written(
                result,
                uri.getBaseUriBuilder()
                        .path("api/v1/me/family-declarations/{id}")
                        .build(result.body().id()));
    }

    @GET
    @Operation(
            summary = "List my declarations",
            description = "Every declaration the caller made, oldest first, in any status, a page at a time"
                    + " (`limit`, `cursor`, `Link: rel=\"next\"`). Each read is audited.")
    @APIResponse(responseCode = "200", description = "A page of the caller's declarations.")
    public RestResponse<Page<Full>> mine(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(declarations.mine(page), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read one of my declarations",
            description = "Including the Head's question or record. The read is audited.")
    @APIResponse(
            responseCode = "200",
            description = "The declaration.",
            headers = @Header(name = "ETag", description = "Version of the declaration."))
    public RestResponse<Full> get(@PathParam("id") @Parameter(description = "Declaration id.") UUID id) {
        return withETag(declarations.mine(id));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(
            summary = "Withdraw my declaration",
            description = "SUBMITTED, INFO_REQUESTED or ACKNOWLEDGED → WITHDRAWN. `If-Match` required.")
    @APIResponse(responseCode = "200", description = "Withdrawn.")
    @APIResponse(responseCode = "409", description = "Not in a status that can be withdrawn.")
    public RestResponse<Full> withdraw(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as last read.", required = true)
                    String ifMatch) {
        return withETag(declarations.withdraw(id, ifMatch));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answer the Head's question",
            description = "INFO_REQUESTED → SUBMITTED, back to the Head. `If-Match` required.")
    @APIResponse(responseCode = "200", description = "Answered.")
    @APIResponse(responseCode = "409", description = "No question is open.")
    public RestResponse<Full> answer(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as last read.", required = true)
                    String ifMatch,
            @NotNull @Valid DeclarationInputs.Answer input) {
        return withETag(declarations.answer(id, ifMatch, input));
    }

    @POST
    @Path("/{id}/reconfirm")
    @Operation(
            summary = "Re-confirm an acknowledged relationship",
            description =
                    "The annual re-confirmation: the relationship still holds; the next one is due 12 months later. `If-Match` required.")
    @APIResponse(responseCode = "200", description = "Re-confirmed.")
    @APIResponse(responseCode = "409", description = "Not ACKNOWLEDGED.")
    public RestResponse<Full> reconfirm(
            @PathParam("id") @Parameter(description = "Declaration id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag as last read.", required = true)
                    String ifMatch) {
        return withETag(declarations.reconfirm(id, ifMatch));
    }

    private static RestResponse<Full> withETag(Full declaration) {
        return Responses.ok(declaration, declaration.version());
    }
}
