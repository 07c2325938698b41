package org.schooltrust.smp.scim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.error.ScimDialect;
import org.schooltrust.smp.common.security.Role;

/** What the SCIM adapter supports, for clients that ask (RFC 7644 §4). */
@Path(ScimDialect.PATH)
@Tag(name = "SCIM")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Role.Names.SCIM_PROVISIONER)
@Produces({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimDiscoveryResource {

    @Inject
    ScimDiscovery discovery;

    @Inject
    ScimTraffic traffic;

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(
            summary = "Service provider configuration",
            description = "PATCH and filters (eq, and; at most 100 results) are supported; bulk, sorting, ETags and"
                    + " password changes are not.")
    @APIResponse(
            responseCode = "200",
            description = "The configuration.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.DiscoveryView.class)))
    public JsonNode serviceProviderConfig() {
        traffic.take();
        return discovery.serviceProviderConfig();
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(summary = "Resource types", description = "User and Group.")
    @APIResponse(
            responseCode = "200",
            description = "A list response.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.DiscoveryView.class)))
    public JsonNode resourceTypes() {
        traffic.take();
        return discovery.resourceTypes();
    }

    @GET
    @Path("/ResourceTypes/{id}")
    @Operation(summary = "A resource type", description = "`User` or `Group`.")
    @APIResponse(
            responseCode = "200",
            description = "The resource type.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.DiscoveryView.class)))
    public JsonNode resourceType(@PathParam("id") String id) {
        traffic.take();
        return discovery.resourceType(id);
    }

    @GET
    @Path("/Schemas")
    @Operation(
            summary = "Schemas",
            description = "The attributes the register keeps: core User, the enterprise extension's `employeeNumber`,"
                    + " this service's extension, and Group.")
    @APIResponse(
            responseCode = "200",
            description = "A list response.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.DiscoveryView.class)))
    public JsonNode schemas() {
        traffic.take();
        return discovery.schemas();
    }

    @GET
    @Path("/Schemas/{id}")
    @Operation(summary = "A schema", description = "One schema by its URN.")
    @APIResponse(
            responseCode = "200",
            description = "The schema.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.DiscoveryView.class)))
    public JsonNode schema(@PathParam("id") String id) {
        traffic.take();
        return discovery.schema(id);
    }
}
