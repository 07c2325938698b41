package org.schooltrust.smp.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.policy.LocalTextViews.LocalTextInput;
import org.schooltrust.smp.policy.LocalTextViews.LocalTextView;
import org.schooltrust.smp.policy.LocalTextViews.SchoolTextView;
import org.schooltrust.smp.policy.PolicyInputs.VersionInput;

/** A policy version as one school has it: the Trust text and the school's local sections (issue 27). */
@Path("/api/v1/schools/{urn}/policies/{slug}/versions/{label}")
@Tag(name = "Policies")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class LocalTextResource {

    private static final String EDITORS = " For the school's `head-of-school` and `trust-admin`; anyone else gets 404.";

    @Inject
    LocalTextService texts;

    @PathParam("urn")
    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
    @Parameter(description = "School URN.")
    String urn;

    @PathParam("slug")
    @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$")
    @Parameter(description = "Policy slug.")
    String slug;

    @PathParam("label")
    @Pattern(regexp = VersionInput.LABEL)
    @Parameter(description = "Version label.")
    String label;

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "The version as a school has it",
            description = "What an adult at this school reads and acknowledges: the Trust body, then the school's"
                    + " published local sections as their clauses, and the SHA-256 an acknowledgement at this school"
                    + " quotes. `inForce` is false while a required local section is not published. Readable by"
                    + " `staff`, `head-of-school` and `trust-admin`.")
    @APIResponse(responseCode = "200", description = "The school's document.")
    public SchoolTextView schoolText() {
        return texts.schoolText(urn, slug, label);
    }

    @GET
    @Path("/clauses/{number}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "One clause of the school's document",
            description = "A clause of the Trust text or one of the school's local sections, by number.")
    @APIResponse(responseCode = "200", description = "The clause.")
    public Clause clause(
            @PathParam("number")
                    @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}")
                    @Parameter(description = "Clause number, e.g. `12`.")
                    String number) {
        return texts.schoolClause(urn, slug, label, number);
    }

    @GET
    @Path("/local-text")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "The school's published local text",
            description = "The school's current text for the version's local sections; 404 when it has published none.")
    @APIResponse(
            responseCode = "200",
            description = "The published text.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    public RestResponse<LocalTextView> published() {
        var found = texts.published(urn, slug, label);
        return Responses.ok(found.body(), found.version());
    }

    @GET
    @Path("/local-text/draft")
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(summary = "The school's draft local text", description = "The draft being prepared." + EDITORS)
    @APIResponse(
            responseCode = "200",
            description = "The draft.",
            headers = @Header(name = "ETag", description = "Version of the draft."))
    public RestResponse<LocalTextView> draft() {
        var found = texts.draft(urn, slug, label);
        return Responses.ok(found.body(), found.version());
    }

    @PUT
    @Path("/local-text/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Write the school's draft local text",
            description = "Creates the draft (201) or replaces it (200; `If-Match` checked when sent). Only for the"
                    + " current published version, at a school it applies to, for sections it declares. Audited."
                    + EDITORS)
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            headers = @Header(name = "ETag", description = "Version of the draft."))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers = {
                @Header(name = "ETag", description = "Version of the draft."),
                @Header(name = "Location", description = "URL of the draft.")
            })
    @APIResponse(responseCode = "409", description = "The version is not current, or declares no local sections.")
    public RestResponse<LocalTextView> saveDraft(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the draft as last read.")
                    String ifMatch,
            @NotNull @Valid LocalTextInput input,
            @Context UriInfo uri) {
        return Responses.written(
                texts.saveDraft(urn, slug, label, input, ifMatch),
                uri.getAbsolutePathBuilder().build());
    }

    @POST
    @Path("/local-text/draft/publish")
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Publish the school's local text",
            description = "DRAFT → PUBLISHED with `If-Match` required; the school's text before it is SUPERSEDED. Every"
                    + " required section must be written (409). A material text asks the school's adults to"
                    + " acknowledge again (only this school's); a non-material one does not. Audited and published as"
                    + " `policy_local_text.published`." + EDITORS)
    @APIResponse(
            responseCode = "200",
            description = "Published.",
            headers = @Header(name = "ETag", description = "Version of the published text."))
    @APIResponse(responseCode = "409", description = "A required section is not written.")
    public RestResponse<LocalTextView> publish(
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the draft as reviewed.", required = true)
                    String ifMatch) {
        var published = texts.publish(urn, slug, label, ifMatch);
        return Responses.ok(published.body(), published.version());
    }
}
