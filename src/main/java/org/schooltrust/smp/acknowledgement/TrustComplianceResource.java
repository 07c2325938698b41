package org.schooltrust.smp.acknowledgement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.acknowledgement.ComplianceViews.TrustCompliance;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;

@Path("/api/v1/compliance")
@Tag(name = "Compliance")
@SecurityRequirement(name = "oidc")
public class TrustComplianceResource {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,63}";

    @Inject
    ComplianceService compliance;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "The Trust's compliance with a policy",
            description = "For `trust-admin`: counts by status for every school of the Trust, and the Trust's total.")
    @APIResponse(responseCode = "200", description = "The Trust's total and a page of schools.")
    public RestResponse<TrustCompliance> trust(
            @QueryParam("policy")
                    @DefaultValue("social-media")
                    @Pattern(regexp = SLUG)
                    @Parameter(description = "Policy slug (default `social-media`).")
                    String policy,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        TrustCompliance found = compliance.trust(policy, page);
        return Pages.ok(found, found.nextCursor(), uri);
    }
}
