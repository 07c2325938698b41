package org.schooltrust.smp.concern;

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
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.concern.ConcernViews.Counts;

@Path("/api/v1/concerns")
@Tag(name = "Concerns")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class ConcernCountsResource {

    @Inject
    ConcernService concerns;

    @GET
    @Path("/counts")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Count concerns per school and category",
            description = "Open and closed, nothing else: the Trust sees no concern's content. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "The counts.")
    public Counts counts() {
        return concerns.counts();
    }
}
