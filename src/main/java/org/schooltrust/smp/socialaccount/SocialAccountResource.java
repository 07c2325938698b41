package org.schooltrust.smp.socialaccount;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Approval;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.LiveUrl;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Proposal;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Reason;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Retirement;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Review;
import org.schooltrust.smp.socialaccount.SocialAccountViews.AccountView;

@Path("/api/v1/social-accounts")
@Tag(name = "Social accounts")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class SocialAccountResource {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String HEAD_NOTE = " For the Head of the account's school (`head-of-school`, scoped by the"
            + " schools claim); another school's account is 404. `If-Match` with the account's ETag is required.";

    @Inject
    SocialAccountService accounts;

    @Inject
    SocialAccountDecisions decisions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Propose an official school account",
            description = "Clause 8.1: an official school social-media account needs a strong pedagogical or business"
                    + " reason and must be authorised by the Head of School before it is created. Any adult currently"
                    + " working at the school (`staff`), its Head, or `trust-admin` may propose one; for any other"
                    + " school the answer is 404. The handle may be given in any common form and is stored"
                    + " canonicalised (ADR 0007). Administrators must be at least two different active adults of the"
                    + " school (else 422). A handle already proposed, approved or on the register is a 409. A replayed"
                    + " `Idempotency-Key` returns the first proposal (200).")
    @APIResponse(
            responseCode = "201",
            description = "Proposed (status PROPOSED).",
            headers = {
                @Header(name = "ETag", description = "Version of the account."),
                @Header(name = "Location", description = "URL of the account.")
            })
    @APIResponse(
            responseCode = "200",
            description = "No longer answered (kept so clients built against 1.0 still compile): a replay of the"
                    + " same request with the same `Idempotency-Key` now answers 201 with that proposal, as the first"
                    + " response did.",
            headers = @Header(name = "ETag", description = "Version of the account."))
    @APIResponse(
            responseCode = "409",
            description = "The handle is already proposed for this school or live on the public register. Another"
                    + " school's unpublished proposal is never revealed: handles must be unique when approved.")
    @APIResponse(
            responseCode = "422",
            description = "A field breaks a rule, or the `Idempotency-Key` was used for a different request"
                    + " (`idempotency-key-reused`).")
    @APIResponse(
            responseCode = "404",
            description = "The school is not one the caller may propose accounts for (not their school).")
    public RestResponse<AccountView> propose(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first proposal.")
                    String idempotencyKey,
            @NotNull @Valid Proposal input,
            @Context UriInfo uri) {
        Versioned<AccountView> shown = accounts.propose(input, idempotencyKey);
        return Responses.written(
                shown,
                uri.getBaseUriBuilder()
                        .path("api/v1/social-accounts/{id}")
                        .build(shown.body().id()));
    }

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "List social accounts",
            description = "The accounts the caller may see, oldest proposal first: `trust-admin` every account; a Head"
                    + " every account of the schools they head; an adult (`staff`) every account of the schools they"
                    + " currently work in, and any account they proposed or administer. `reviewOverdue=true` lists"
                    + " accounts whose review date has passed (approved, active or suspended). A `school` whose"
                    + " accounts the caller may not see is 404.")
    @APIResponse(responseCode = "200", description = "A page of accounts.")
    @APIResponse(responseCode = "404", description = "`school` is not a school whose accounts the caller may see.")
    public RestResponse<Page<AccountView>> list(
            @BeanParam @Valid PageParams page,
            @QueryParam("status")
                    @Parameter(
                            description = "Only accounts in this status.",
                            schema = @Schema(implementation = AccountStatus.class))
                    String status,
            @QueryParam("school")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "Only accounts of this school (URN).")
                    String school,
            @QueryParam("reviewOverdue")
                    @Parameter(
                            description = "`true`: only accounts whose review is overdue; `false`: only the others.",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    String reviewOverdue,
            @Context UriInfo uri) {
        Page<AccountView> found = accounts.list(
                QueryParams.enumValue("status", status, AccountStatus.class, null),
                school,
                QueryParams.bool("reviewOverdue", reviewOverdue),
                page);
        return Pages.ok(found, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Read a social account",
            description = "One account the caller may see (see the list for who sees what); otherwise 404.")
    @APIResponse(
            responseCode = "200",
            description = "The account.",
            headers = @Header(name = "ETag", description = "Version of the account; send it in `If-Match`."))
    public RestResponse<AccountView> get(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id) {
        return ok(accounts.get(UUID.fromString(id)));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Approve a proposed account",
            description = "PROPOSED → APPROVED: the Head authorises the account before it is created (clause 8.1) and"
                    + " sets when it will be reviewed (default 12 months)." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> approve(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the account as reviewed.", required = true)
                    String ifMatch,
            @Valid Approval input) {
        return ok(decisions.approve(UUID.fromString(id), input, ifMatch));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Reject a proposed account",
            description =
                    "PROPOSED → REJECTED, with the Head's reason. The handle may be proposed again later." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> reject(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the account as reviewed.", required = true)
                    String ifMatch,
            @NotNull @Valid Reason input) {
        return ok(decisions.reject(UUID.fromString(id), input.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/confirm-live")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "Confirm an approved account is live",
            description = "APPROVED → ACTIVE, once the account has been created: an administrator of the account (or"
                    + " the Head of its school) gives its live URL, which must be the approved platform and handle"
                    + " after canonicalisation (else 422). The account then appears on the public register. Other"
                    + " adults of the school are refused (403); another school's account is 404. `If-Match` is"
                    + " required.")
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> confirmLive(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the account as read.", required = true)
                    String ifMatch,
            @NotNull @Valid LiveUrl input) {
        return ok(decisions.confirmLive(UUID.fromString(id), input, ifMatch));
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Suspend an active account",
            description = "ACTIVE → SUSPENDED, with a reason: the account leaves the public register (delta readers see"
                    + " it as removed)." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> suspend(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the account as read.", required = true)
                    String ifMatch,
            @NotNull @Valid Reason input) {
        return ok(decisions.suspend(UUID.fromString(id), input.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Reinstate a suspended account",
            description = "SUSPENDED → ACTIVE: the account is back on the public register." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> reinstate(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the account as read.", required = true)
                    String ifMatch) {
        return ok(decisions.reinstate(UUID.fromString(id), ifMatch));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Retire an account",
            description = "APPROVED, ACTIVE or SUSPENDED → RETIRED, for good, with an optional reason. An account that"
                    + " was on the register leaves it (delta readers see it as removed)." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> retire(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the account as read.", required = true)
                    String ifMatch,
            @Valid Retirement input) {
        return ok(decisions.retire(UUID.fromString(id), input == null ? null : input.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Record a review of an account",
            description = "The Head has reviewed an approved, active or suspended account (clause 8.2: it still serves"
                    + " the school's and pupils' best interests) and sets the next review date (default 12 months)."
                    + " The status does not change." + HEAD_NOTE)
    @APIResponse(responseCode = "200", description = "The account after the change.")
    @APIResponse(responseCode = "409", description = "The account's status does not allow this transition.")
    public RestResponse<AccountView> review(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN) @Parameter(description = "Account id.") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the account as read.", required = true)
                    String ifMatch,
            @Valid Review input) {
        return ok(decisions.review(UUID.fromString(id), input, ifMatch));
    }

    private static RestResponse<AccountView> ok(Versioned<AccountView> shown) {
        return Responses.ok(shown.body(), shown.version());
    }
}
