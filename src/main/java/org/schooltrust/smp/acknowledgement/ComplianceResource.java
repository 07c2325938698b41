package org.schooltrust.smp.acknowledgement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolCompliance;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.QueryParams;

@Path("/api/v1/schools/{urn}/compliance")
@Tag(name = "Compliance")
@SecurityRequirement(name = "oidc")
public class ComplianceResource {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,63}";
    private static final String URN = "\\d{6}";

    @Inject
    ComplianceService compliance;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "A school's compliance with a policy",
            description = "For the Head of that school and `trust-admin`: counts by status for the whole school and a"
                    + " page of its active adults with status and due date. `status=OVERDUE` gives the escalation list."
                    + " Send `Accept: text/csv` for the whole list as CSV.")
    @APIResponse(
            responseCode = "200",
            description = "Counts and a page of adults; with `Accept: text/csv`, the whole list as CSV.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = SchoolCompliance.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public RestResponse<SchoolCompliance> school(
            @PathParam("urn")
                    @Pattern(regexp = URN, message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @QueryParam("policy")
                    @DefaultValue("social-media")
                    @Pattern(regexp = SLUG)
                    @Parameter(description = "Policy slug (default `social-media`).")
                    String policy,
            @QueryParam("status")
                    @Parameter(
                            description = "Only adults with this status.",
                            schema = @Schema(implementation = RequirementStatus.class))
                    String status,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        SchoolCompliance found = compliance.school(
                urn, policy, QueryParams.enumValue("status", status, RequirementStatus.class, null), page);
        return Pages.ok(found, found.nextCursor(), uri);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(hidden = true)
    public String schoolCsv(
            @PathParam("urn") @Pattern(regexp = URN, message = "must be a 6-digit URN") String urn,
            @QueryParam("policy") @DefaultValue("social-media") @Pattern(regexp = SLUG) String policy,
            @QueryParam("status") String status) {
        return Csv.of(compliance.schoolExport(
                urn, policy, QueryParams.enumValue("status", status, RequirementStatus.class, null)));
    }
}
