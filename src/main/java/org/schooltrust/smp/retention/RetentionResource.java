package org.schooltrust.smp.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.retention.RetentionInputs.HoldInput;
import org.schooltrust.smp.retention.RetentionInputs.RuleInput;
import org.schooltrust.smp.retention.RetentionViews.HoldView;
import org.schooltrust.smp.retention.RetentionViews.RuleList;
import org.schooltrust.smp.retention.RetentionViews.RuleView;
import org.schooltrust.smp.retention.RetentionViews.RunView;

@Path("/api/v1")
@Tag(name = "Data protection")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.TRUST_ADMIN)
public class RetentionResource {

    private static final String ADMIN = " For `trust-admin`; audited.";

    @Inject
    RetentionService retention;

    @GET
    @Path("/retention-rules")
    @Operation(
            summary = "List retention rules",
            description = "How long each class of record is kept after its basis date, with the source of the"
                    + " default (ADR 0019). For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "Every rule.")
    public RuleList rules() {
        return new RuleList(retention.list());
    }

    @PUT
    @Path("/retention-rules/{recordClass}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a retention period",
            description = "A positive ISO-8601 period, at most 100 years, never below the class's floor;"
                    + " child-protection concerns are kept at least as long as other concerns. A longer (or equal)"
                    + " period applies at once. A shorter one destroys records sooner, so it is a pending change (202):"
                    + " a second trust-admin must confirm it (`POST /retention-changes/{id}/confirm`) and it takes"
                    + " effect after `SMP_RETENTION_NOTICE_PERIOD`; Heads and DSLs are told through the feed. Honours"
                    + " `If-Match`." + ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The rule after the change.",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(
            responseCode = "202",
            description = "A shorter period: the pending change.",
            content = @Content(schema = @Schema(implementation = RetentionViews.ChangeView.class)),
            headers = @Header(name = "Location", description = "The pending change."))
    @APIResponse(responseCode = "409", description = "A change of this rule is already pending (`conflict`).")
    public RestResponse<Object> replace(
            @PathParam("recordClass")
                    @Parameter(
                            description = "The record class; another value is a 422.",
                            schema = @Schema(type = SchemaType.STRING))
                    String recordClass,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the rule as read.") String ifMatch,
            @NotNull @jakarta.validation.Valid RuleInput input) {
        var change = retention.replace(recordClass, input, ifMatch);
        if (change.applied() != null) {
            return Responses.ok(change.applied().body(), change.applied().version());
        }
        return accepted(change.pending());
    }

    private static RestResponse<Object> accepted(Versioned<RetentionViews.ChangeView> pending) {
        return Responses.accepted(
                pending.body(),
                pending.version(),
                java.net.URI.create(
                        "/api/v1/retention-changes/" + pending.body().id()));
    }

    @GET
    @Path("/retention-changes")
    @Operation(
            summary = "List retention changes",
            description = "Shorter periods and lifted holds, pending, confirmed, applied or cancelled, oldest first."
                    + " For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "Every change.")
    public RetentionViews.ChangeList changes() {
        return new RetentionViews.ChangeList(retention.changes());
    }

    @GET
    @Path("/retention-changes/{id}")
    @Operation(summary = "Read a retention change", description = "For `trust-admin`.")
    @APIResponse(
            responseCode = "200",
            description = "The change.",
            headers = @Header(name = "ETag", description = "Version of the change."))
    public RestResponse<RetentionViews.ChangeView> change(
            @PathParam("id") @Parameter(description = "Change id.") UUID id) {
        var change = retention.change(id);
        return Responses.ok(change.body(), change.version());
    }

    @POST
    @Path("/retention-changes/{id}/confirm")
    @Operation(
            summary = "Confirm a retention change",
            description = "By a second trust-admin, never its proposer (403). It takes effect once its notice period"
                    + " has passed (at once if it already has). Requires `If-Match`." + ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The change after confirmation.",
            headers = @Header(name = "ETag", description = "Version of the change."))
    @APIResponse(responseCode = "403", description = "The proposer cannot confirm their own change.")
    @APIResponse(responseCode = "409", description = "It is not awaiting confirmation (`illegal-transition`).")
    public RestResponse<RetentionViews.ChangeView> confirm(
            @PathParam("id") @Parameter(description = "Change id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the change as read.") String ifMatch) {
        var change = retention.confirm(id, ifMatch);
        return Responses.ok(change.body(), change.version());
    }

    @POST
    @Path("/retention-changes/{id}/cancel")
    @Operation(
            summary = "Cancel a retention change",
            description = "Any trust-admin may stop a change that has not taken effect. Requires `If-Match`." + ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The change after cancelling.",
            headers = @Header(name = "ETag", description = "Version of the change."))
    @APIResponse(responseCode = "409", description = "It already took effect or was cancelled (`illegal-transition`).")
    public RestResponse<RetentionViews.ChangeView> cancel(
            @PathParam("id") @Parameter(description = "Change id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the change as read.") String ifMatch) {
        var change = retention.cancel(id, ifMatch);
        return Responses.ok(change.body(), change.version());
    }

    @GET
    @Path("/retention-rules/{recordClass}/records/{id}")
    @Operation(
            summary = "When a record will be disposed of",
            description = "Its basis date, its disposal date under the class's rule, and whether a legal hold covers"
                    + " it. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "The record's retention.")
    public RetentionViews.RecordRetention record(
            @PathParam("recordClass")
                    @Parameter(
                            description = "The record class; another value is a 422.",
                            schema = @Schema(type = SchemaType.STRING))
                    String recordClass,
            @PathParam("id") @Parameter(description = "The record's id.") String id) {
        return retention.record(recordClass, id);
    }

    @POST
    @Path("/legal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Place a legal hold",
            description = "On an adult (HR id), a school (URN), a pupil (MIS id) or one record (id), with a reason —"
                    + " e.g. the IICSA instruction not to destroy records relevant to child abuse. Nothing it covers"
                    + " is disposed of while it stands." + ADMIN)
    @APIResponse(
            responseCode = "201",
            description = "Placed.",
            content = @Content(schema = @Schema(implementation = HoldView.class)),
            headers = {
                @Header(name = "Location", description = "The hold."),
                @Header(name = "ETag", description = "Version of the hold.")
            })
    public RestResponse<HoldView> place(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response (201).")
                    String idempotencyKey,
            @NotNull @jakarta.validation.Valid HoldInput input,
            @Context UriInfo uri) {
        var hold = retention.place(input, idempotencyKey);
        return Responses.written(
                hold,
                uri.getBaseUriBuilder()
                        .path("api/v1/legal-holds/{id}")
                        .build(hold.body().id()));
    }

    @GET
    @Path("/legal-holds")
    @Operation(summary = "List legal holds", description = "Standing and lifted, oldest first. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "Every hold.")
    public java.util.List<HoldView> holds() {
        return retention.holds();
    }

    @GET
    @Path("/legal-holds/{id}")
    @Operation(summary = "Read a legal hold", description = "For `trust-admin`.")
    @APIResponse(
            responseCode = "200",
            description = "The hold.",
            headers = @Header(name = "ETag", description = "Version of the hold."))
    public RestResponse<HoldView> hold(@PathParam("id") @Parameter(description = "Hold id.") UUID id) {
        var hold = retention.get(id);
        return Responses.ok(hold.body(), hold.version());
    }

    @POST
    @Path("/legal-holds/{id}/lift")
    @Operation(
            summary = "Propose lifting a legal hold",
            description = "Lifting a hold lets records be destroyed, so it is a pending change (202): the hold stands"
                    + " until a second trust-admin confirms (`POST /retention-changes/{id}/confirm`) and"
                    + " `SMP_RETENTION_NOTICE_PERIOD` has passed; Heads and DSLs are told through the feed. Then what"
                    + " it covered is disposed of at the next run if past its date. Requires `If-Match`." + ADMIN)
    @APIResponse(
            responseCode = "202",
            description = "The pending change.",
            content = @Content(schema = @Schema(implementation = RetentionViews.ChangeView.class)),
            headers = @Header(name = "Location", description = "The pending change."))
    @APIResponse(
            responseCode = "409",
            description =
                    "It is already lifted (`illegal-transition`), or its lifting is already pending (`conflict`).")
    public RestResponse<Object> lift(
            @PathParam("id") @Parameter(description = "Hold id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the hold as read.") String ifMatch) {
        return accepted(retention.lift(id, ifMatch));
    }

    @POST
    @Path("/disposal-runs")
    @Operation(
            summary = "Run disposal now",
            description = "What the daily job does: deletes or anonymises records past their retention date and under"
                    + " no legal hold, in batches. The run is recorded before it starts (`IN_PROGRESS`); each batch"
                    + " writes its certificate items (record ids and content hashes, no personal values) and one audit"
                    + " event with the certificate's SHA-256 in the transaction that disposes of it; the run ends"
                    + " `COMPLETE`, or a run that died is marked `INTERRUPTED` by the next. With `dryRun=true` it"
                    + " answers what would go (the first 1,000 records) and changes nothing." + ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The run (the first page of its certificate), or what a run would do.")
    @APIResponse(
            responseCode = "409",
            description = "Another disposal run is in progress (`conflict`): read it with `GET /disposal-runs/{id}`.")
    public RunView run(
            @QueryParam("dryRun")
                    @Parameter(
                            description = "`true`: change nothing. Default `false`.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String dryRun) {
        return retention.dispose(Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)));
    }

    @GET
    @Path("/disposal-runs/{id}")
    @Operation(
            summary = "Read a disposal certificate",
            description = "Counts per class, record ids and content hashes. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "The run.")
    public RunView certificate(
            @PathParam("id") @Parameter(description = "Run id.") UUID id,
            @QueryParam("after")
                    @jakarta.validation.constraints.Pattern(regexp = "^[0-9]{1,18}$")
                    @Parameter(description = "The `nextCursor` of the page before.")
                    String after,
            @QueryParam("limit")
                    @Parameter(
                            description = "Certificate entries per page, 1 to 1000 (default 1000).",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "1000"))
                    String limit) {
        return retention.certificate(
                id, after == null ? null : Long.valueOf(after), limit == null ? 1000 : PageParams.limitOf(limit));
    }
}
