package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.declaration.DeclarationViews.SchoolCounts;

@Path("/api/v1/family-declarations/summary")
@Tag(name = "Family declarations")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationSummaryResource {

    @Inject
    FamilyLinkService links;

    @GET
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Declarations per school and status",
            description =
                    "For `trust-admin`: counts only, never names. One row per school with declarations or nil returns.")
    @APIResponse(responseCode = "200", description = "All schools, in one page.")
    public Page<SchoolCounts> summary() {
        return new Page<>(links.counts(), null);
    }
}
