package org.schooltrust.smp.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.policy.PolicyReviewViews.ReviewView;

/** Policies' owners and review cycle, for trust-admin (issue 27). */
@Path("/api/v1/policy-reviews")
@Tag(name = "Policies")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.TRUST_ADMIN)
public class PolicyReviewResource {

    @Inject
    PolicyReviewService reviews;

    @GET
    @Operation(
            summary = "Every policy's owner and review date",
            description = "For `trust-admin`, by slug; `overdue=true` lists only reviews whose date has passed. The"
                    + " owner is reminded two months, one month and one week before and on the date (reminder"
                    + " schedule `POLICY_REVIEW`).")
    @APIResponse(responseCode = "200", description = "The reviews (a Trust has few policies: one page).")
    public List<ReviewView> all(
            @QueryParam("overdue")
                    @Parameter(
                            description = "`true`: only reviews past their date.",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String overdue) {
        return reviews.all(Boolean.TRUE.equals(QueryParams.bool("overdue", overdue)));
    }
}
