package org.schooltrust.smp.acknowledgement;

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
import org.schooltrust.smp.acknowledgement.AcknowledgementViews.RequirementView;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;

@Path("/api/v1/me/requirements")
@Tag(name = "Acknowledgements")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyRequirementsResource {

    @Inject
    AcknowledgementService acknowledgements;

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL})
    @Operation(
            summary = "What I must acknowledge",
            description = "For every school the caller currently works in and every policy with a current version:"
                    + " `DONE`, `DUE`, `OVERDUE` or `NOT_REQUIRED`, with the due date (the later of publication + days"
                    + " allowed and joining the school + joiner days).")
    @APIResponse(responseCode = "200", description = "A page of the caller's requirements, by policy and school.")
    public RestResponse<Page<RequirementView>> requirements(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(acknowledgements.requirements(page), uri);
    }
}
