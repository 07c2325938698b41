package org.schooltrust.smp.policy;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.policy.PolicyInputs.PolicyInput;
import org.schooltrust.smp.policy.PolicyInputs.VersionInput;
import org.schooltrust.smp.policy.PolicyReviewViews.ReviewInput;
import org.schooltrust.smp.policy.PolicyReviewViews.ReviewView;
import org.schooltrust.smp.policy.PolicyViews.PolicyView;
import org.schooltrust.smp.policy.PolicyViews.VersionSummary;
import org.schooltrust.smp.policy.PolicyViews.VersionView;

@Path("/api/v1/policies")
@Tag(name = "Policies")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final String SLUG = "^[a-z0-9][a-z0-9-]{0,63}$";
    private static final String READERS_NOTE = " Readable by `staff`, `head-of-school` and `trust-admin`.";

    @Inject
    PolicyService policies;

    @Inject
    PolicyReviewService reviews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Create a policy",
            description = "A new policy (slug and title), for `trust-admin`. Its text is added as draft versions.")
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PolicyView.class)),
            headers = @Header(name = "Location", description = "URL of the policy."))
    @APIResponse(responseCode = "409", description = "A policy with this slug exists.")
    public RestResponse<PolicyView> create(@NotNull @Valid PolicyInput input, @Context UriInfo uri) {
        Policy policy = policies.create(input);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, view(policy))
                .location(uri.getBaseUriBuilder().path("api/v1/policies/{slug}").build(policy.slug()))
                .build();
    }

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "List policies",
            description = "The Trust's policies by slug, with their current version." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of policies.")
    public RestResponse<Page<PolicyView>> list(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        Page<Policy> found = policies.list(page);
        java.util.Map<java.util.UUID, String> current = policies.currentLabels(found.items());
        return Pages.ok(found.map(p -> new PolicyView(p.slug(), p.title(), current.get(p.id()), p.createdAt())), uri);
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Read a policy",
            description = "One policy and the label of its current version." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The policy.")
    public PolicyView get(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug, e.g. `social-media`.")
                    String slug) {
        return view(policies.get(slug));
    }

    @GET
    @Path("/{slug}/versions")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "List a policy's versions",
            description = "Every version, oldest first (a policy has few). Drafts are listed only to `trust-admin`."
                    + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of versions, oldest first.")
    public RestResponse<Page<VersionSummary>> versions(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        return Pages.ok(policies.versions(slug, page).map(VersionSummary::of), uri);
    }

    @POST
    @Path("/{slug}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Draft a new version",
            description = "A DRAFT version for `trust-admin`. When `clauses` is absent, numbered clauses are split from"
                    + " the body. The server computes the body's SHA-256.")
    @APIResponse(
            responseCode = "201",
            description = "Drafted.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)),
            headers = {
                @Header(name = "ETag", description = "Version of the draft."),
                @Header(name = "Location", description = "URL of the draft.")
            })
    @APIResponse(responseCode = "409", description = "A version with this label exists.")
    public RestResponse<VersionView> draft(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @NotNull VersionInput input,
            @Context UriInfo uri) {
        PolicyVersion version = policies.draft(slug, input);
        return Responses.written(
                Versioned.created(VersionView.of(version), version.version()),
                uri.getBaseUriBuilder()
                        .path("api/v1/policies/{slug}/versions/{label}")
                        .build(slug, version.label()));
    }

    @GET
    @Path("/{slug}/versions/{label}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Read a version",
            description = "Body, clauses, statements to accept and body hash. A draft is visible only to `trust-admin`."
                    + READERS_NOTE)
    @APIResponse(
            responseCode = "200",
            description = "The version.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    public RestResponse<VersionView> version(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label")
                    @Pattern(regexp = VersionInput.LABEL)
                    @Parameter(description = "Version label, e.g. `1.0`.")
                    String label) {
        PolicyVersion version = policies.version(slug, label);
        return RestResponse.ResponseBuilder.ok(VersionView.of(version))
                .tag(ETags.of(version.version()))
                .build();
    }

    @PUT
    @Path("/{slug}/versions/{label}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Edit a draft",
            description =
                    "Replaces a DRAFT's content, for `trust-admin`, with `If-Match` required. A published, superseded"
                            + " or retired version never changes (409).")
    @APIResponse(responseCode = "200", description = "Edited.")
    @APIResponse(responseCode = "409", description = "The version is not a draft.")
    public RestResponse<VersionView> edit(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label") @Pattern(regexp = VersionInput.LABEL) @Parameter(description = "Version label.")
                    String label,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the draft as last read.", required = true)
                    String ifMatch,
            @NotNull VersionInput input) {
        PolicyVersion version = policies.edit(slug, label, input, ifMatch);
        return RestResponse.ResponseBuilder.ok(VersionView.of(version))
                .tag(ETags.of(version.version()))
                .build();
    }

    @POST
    @Path("/{slug}/versions/{label}/publish")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Publish a draft",
            description =
                    "DRAFT → PUBLISHED, for `trust-admin`, with `If-Match` required. The policy's previous published"
                            + " version becomes SUPERSEDED. A material version needs every adult to acknowledge again; a"
                            + " non-material one carries earlier acknowledgements forward.")
    @APIResponse(responseCode = "200", description = "Published.")
    @APIResponse(responseCode = "409", description = "The version is not a draft.")
    public RestResponse<VersionView> publish(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label") @Pattern(regexp = VersionInput.LABEL) @Parameter(description = "Version label.")
                    String label,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the draft as reviewed.", required = true)
                    String ifMatch) {
        PolicyVersion version = policies.publish(slug, label, ifMatch);
        return RestResponse.ResponseBuilder.ok(VersionView.of(version))
                .tag(ETags.of(version.version()))
                .build();
    }

    @POST
    @Path("/{slug}/versions/{label}/retire")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Retire the published version",
            description =
                    "PUBLISHED → RETIRED, for `trust-admin`, with `If-Match` required. The policy then has no current"
                            + " version and nothing is required of anyone until another is published.")
    @APIResponse(responseCode = "200", description = "Retired.")
    @APIResponse(responseCode = "409", description = "The version is not published.")
    public RestResponse<VersionView> retire(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label") @Pattern(regexp = VersionInput.LABEL) @Parameter(description = "Version label.")
                    String label,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the version as last read.", required = true)
                    String ifMatch) {
        PolicyVersion version = policies.retire(slug, label, ifMatch);
        return RestResponse.ResponseBuilder.ok(VersionView.of(version))
                .tag(ETags.of(version.version()))
                .build();
    }

    @GET
    @Path("/{slug}/versions/{label}/clauses/{number}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Read one clause",
            description = "A numbered clause, e.g. `6.7` of `social-media` 1.0." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The clause.")
    public Clause clause(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label") @Pattern(regexp = VersionInput.LABEL) @Parameter(description = "Version label.")
                    String label,
            @PathParam("number")
                    @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}")
                    @Parameter(description = "Clause number, e.g. `6.7`.")
                    String number) {
        return policies.clause(slug, label, number);
    }

    @GET
    @Path("/{slug}/versions/{label}/diff")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "What changed between two versions",
            description =
                    "Clauses added, removed and changed from version `from` to this one, for a \"what changed\" view."
                            + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The clause-level difference.")
    public ClauseDiff diff(
            @PathParam("slug") @Pattern(regexp = SLUG) @Parameter(description = "Policy slug.") String slug,
            @PathParam("label") @Pattern(regexp = VersionInput.LABEL) @Parameter(description = "The newer version.")
                    String label,
            @QueryParam("from")
                    @NotNull
                    @Pattern(regexp = VersionInput.LABEL)
                    @Parameter(description = "The older version.", required = true)
                    String from) {
        return policies.diff(slug, label, from);
    }

    @GET
    @Path("/{slug}/review")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(summary = "A policy's owner and review date", description = "For `trust-admin`; 404 when none is set.")
    @APIResponse(
            responseCode = "200",
            description = "The review.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    public RestResponse<ReviewView> review(
            @PathParam("slug") @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$") @Parameter(description = "Policy slug.")
                    String slug) {
        var found = reviews.get(slug);
        return Responses.ok(found.body(), found.version());
    }

    @PUT
    @Path("/{slug}/review")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set a policy's owner and review date",
            description = "Creates (201) or replaces (200; `If-Match` checked when sent) the policy's owner — an adult,"
                    + " or a responsibility held at a school — and its next review date. Audited; published as"
                    + " `policy.review_updated`.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers = {
                @Header(name = "ETag", description = "Version of the record."),
                @Header(name = "Location", description = "URL of the review.")
            })
    public RestResponse<ReviewView> setReview(
            @PathParam("slug") @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$") @Parameter(description = "Policy slug.")
                    String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the review as last read.")
                    String ifMatch,
            @NotNull @Valid ReviewInput input,
            @Context UriInfo uri) {
        return Responses.written(
                reviews.put(slug, input, ifMatch), uri.getAbsolutePathBuilder().build());
    }

    private PolicyView view(Policy policy) {
        return new PolicyView(
                policy.slug(),
                policy.title(),
                policies.current(policy).map(PolicyVersion::label).orElse(null),
                policy.createdAt());
    }
}
