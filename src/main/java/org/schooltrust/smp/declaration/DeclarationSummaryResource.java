package org.schooltrust.smp.declaration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
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
    @APIResponse(responseCode = "200", description = "A page of schools, by URN.")
    public RestResponse<Page<SchoolCounts>> summary(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(links.counts(page), uri);
    }
}
