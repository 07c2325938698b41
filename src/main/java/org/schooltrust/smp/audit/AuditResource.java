package org.schooltrust.smp.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.audit.AuditViews.AuditEventView;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.QueryParams;

@Path("/api/v1/audit-events")
@Tag(name = "Audit")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Read the audit trail",
            description = "Append-only audit events, oldest first, for `trust-admin`. Events name the fields that"
                    + " changed, never their values. Each event's `hash` chains it to the previous one, so a gap or an"
                    + " edit is detectable.")
    @APIResponse(responseCode = "200", description = "A page of events, oldest first.")
    public RestResponse<Page<AuditEventView>> list(
            @BeanParam @Valid PageParams page,
            @QueryParam("targetType")
                    @Size(max = 64)
                    @Parameter(description = "Only events about this kind of record, e.g. `adult`.")
                    String targetType,
            @QueryParam("targetId") @Size(max = 128) @Parameter(description = "Only events about this record id.")
                    String targetId,
            @QueryParam("schoolUrn")
                    @Pattern(regexp = "\\d{6}")
                    @Parameter(
                            description = "Only events of this school.",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{6}$"))
                    String schoolUrn,
            @Context UriInfo uri) {
        return Pages.ok(audit.list(targetType, targetId, schoolUrn, page), uri);
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Verify the audit trail",
            description = "Recomputes every event's hash from its content and the event before it, on both chains,"
                    + " and checks the chain against the hourly checkpoints signed with a key the database never holds"
                    + " (ADR 0018): an edited or removed event, a forged checkpoint, or a chain rewritten with its"
                    + " hashes recomputed is found, and the first broken event named. `from` and `to` bound the events"
                    + " checked. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "OK, or the first broken event of each chain.")
    public AuditViews.Verification verify(
            @QueryParam("from")
                    @Parameter(
                            description = "Check events from this time (ISO-8601).",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "Check events up to this time (ISO-8601).",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String to) {
        return audit.verify(QueryParams.instant("from", from), QueryParams.instant("to", to));
    }
}
