package org.schooltrust.smp.permission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.permission.PermissionInputs.PermissionInput;
import org.schooltrust.smp.permission.PermissionViews.PermissionCheck;
import org.schooltrust.smp.permission.PermissionViews.PermissionView;

@Path("/api/v1/schools/{urn}/permissions")
@Tag(name = "Permissions")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Inject
    PermissionService permissions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Grant an express permission",
            description = "Clause 6.5: an adult of the school may discuss pupils with parents over social media for the"
                    + " stated purpose, on the channel, from `validFrom` to `validTo`. For the school's Heads; audited."
                    + " Never for the Head granting it (422 on `staffHrId`): a Head's own permission comes"
                    + " from another Head of the school.")
    @APIResponse(
            responseCode = "201",
            description = "Granted.",
            content = @Content(schema = @Schema(implementation = PermissionView.class)),
            headers = {
                @Header(name = "Location", description = "The permission."),
                @Header(name = "ETag", description = "Version of the permission.")
            })
    public RestResponse<PermissionView> grant(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response (201).")
                    String idempotencyKey,
            @NotNull @Valid PermissionInput input,
            @Context UriInfo uri) {
        var granted = permissions.grant(urn, input, idempotencyKey);
        return Responses.written(
                granted,
                uri.getBaseUriBuilder()
                        .path("api/v1/schools/{urn}/permissions/{id}")
                        .build(urn, granted.body().id()));
    }

    @GET
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "List a school's express permissions",
            description = "Oldest first, any status. For the school's Heads.")
    @APIResponse(responseCode = "200", description = "A page of permissions.")
    public RestResponse<Page<PermissionView>> list(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        return Pages.ok(permissions.school(urn, page), uri);
    }

    @GET
    @Path("/check")
    @RolesAllowed({Role.Names.STAFF, Role.Names.HEAD_OF_SCHOOL, Role.Names.DSL, Role.Names.TRUST_ADMIN})
    @Operation(
            summary = "Is an adult granted a purpose?",
            description =
                    "For portals: `granted` true only for a permission of this school, adult and purpose (case and"
                            + " spacing ignored) that is valid today and not revoked. An expired one answers false. An adult may"
                            + " ask about themselves; Heads and DSLs about their school; `trust-admin` about any.")
    @APIResponse(responseCode = "200", description = "Granted or not.")
    public PermissionCheck check(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @QueryParam("staffHrId") @Parameter(description = "HR id of the adult.", required = true) String staffHrId,
            @QueryParam("purpose") @Parameter(description = "The purpose, as granted.", required = true)
                    String purpose) {
        return permissions.check(urn, staffHrId, purpose);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(summary = "Read an express permission", description = "For the school's Heads.")
    @APIResponse(
            responseCode = "200",
            description = "The permission.",
            headers = @Header(name = "ETag", description = "Version of the permission."))
    public RestResponse<PermissionView> get(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Permission id.") UUID id) {
        var permission = permissions.get(urn, id);
        return Responses.ok(permission.body(), permission.version());
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Role.Names.HEAD_OF_SCHOOL)
    @Operation(
            summary = "Revoke an express permission",
            description = "From now on it answers not granted. Requires `If-Match`. For the school's Heads; audited."
                    + " A Head cannot revoke a permission that names them (403).")
    @APIResponse(responseCode = "200", description = "The permission after the change.")
    @APIResponse(responseCode = "403", description = "The permission names the calling Head.")
    @APIResponse(responseCode = "409", description = "It is already revoked.")
    public RestResponse<PermissionView> revoke(
            @PathParam("urn") @Parameter(description = "School URN.") String urn,
            @PathParam("id") @Parameter(description = "Permission id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the permission as read.")
                    String ifMatch) {
        var permission = permissions.revoke(urn, id, ifMatch);
        return Responses.ok(permission.body(), permission.version());
    }
}
