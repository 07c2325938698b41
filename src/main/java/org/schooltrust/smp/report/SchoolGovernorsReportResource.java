package org.schooltrust.smp.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;

/** A school's governors' report as a PDF (issue 27), for its Head and trust-admin. */
@Path("/api/v1/schools/{urn}/governors-report")
@Tag(name = "Compliance")
@SecurityRequirement(name = "oidc")
public class SchoolGovernorsReportResource {

    @Inject
    GovernorsReportService reports;

    @GET
    @Produces(GovernorsReportResource.PDF)
    @RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "A school's report for governors (PDF)",
            description =
                    "For the school's `head-of-school` and `trust-admin` (anyone else 404): a PDF for a governors'"
                            + " pack." + GovernorsReportResource.CONTENTS
                            + " It names the school's overdue adults; a Head's report never counts a"
                            + " concern about that Head, nor one routed to the Trust.")
    @APIResponse(
            responseCode = "200",
            description = "The report.",
            content =
                    @Content(
                            mediaType = GovernorsReportResource.PDF,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestResponse<byte[]> school(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "School URN.")
                    String urn,
            @QueryParam("policy")
                    @NotNull
                    @Pattern(regexp = GovernorsReportResource.SLUG)
                    @Parameter(description = "Policy slug, e.g. `social-media`.", required = true)
                    String policy) {
        return GovernorsReportResource.pdf(
                reports.school(urn, policy), "governors-report-" + urn + "-" + policy + ".pdf");
    }
}
