package org.schooltrust.smp.permission;

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
import org.schooltrust.smp.permission.PermissionViews.PermissionView;

@Path("/api/v1/me/permissions")
@Tag(name = "Permissions")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MyPermissionsResource {

    @Inject
    PermissionService permissions;

    @GET
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL})
    @Operation(
            summary = "My express permissions",
            description =
                    "Every permission a Head granted the caller (clause 6.5), oldest first, with its status today.")
    @APIResponse(responseCode = "200", description = "A page of the caller's permissions.")
    public RestResponse<Page<PermissionView>> mine(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(permissions.mine(page), uri);
    }
}
