package org.schooltrust.smp.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The governors' report as a PDF (issue 27): per school for its Head and trust-admin, for the Trust for trust-admin. */
@Path("/api/v1/governors-report")
@Tag(name = "Compliance")
@SecurityRequirement(name = "oidc")
public class GovernorsReportResource {

    static final String PDF = "application/pdf";
    static final String SLUG = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String CONTENTS = " Compliance by category (the compliance API's figures), a chart of"
            + " acknowledgement over the last 12 weeks, declarations pending review (a count), official accounts and"
            + " their review dates, and concerns (counts by category only). Each download is audited.";

    @Inject
    GovernorsReportService reports;

    @GET
    @Produces(PDF)
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "The Trust's report for governors (PDF)",
            description =
                    "For `trust-admin`: the Trust's figures and one line per school; no adult is named." + CONTENTS)
    @APIResponse(
            responseCode = "200",
            description = "The report.",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestResponse<byte[]> trust(
            @QueryParam("policy")
                    @NotNull
                    @Pattern(regexp = SLUG)
                    @Parameter(description = "Policy slug, e.g. `social-media`.", required = true)
                    String policy) {
        return pdf(reports.trust(policy), "governors-report-trust-" + policy + ".pdf");
    }

    static RestResponse<byte[]> pdf(byte[] bytes, String fileName) {
        return RestResponse.ResponseBuilder.ok(bytes, PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
