package org.schooltrust.smp.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.error.ScimDialect;
import org.schooltrust.smp.common.security.Role;

/** SCIM groups: the Trust's schools, whose members are the adults working there today (issue 29). */
@Path(ScimDialect.PATH + "/Groups")
@Tag(name = "SCIM")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Role.Names.SCIM_PROVISIONER)
@Produces({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimGroupsResource {

    @Inject
    ScimService scim;

    @Inject
    ScimTraffic traffic;

    @GET
    @Operation(
            summary = "Find groups",
            description =
                    "The Trust's schools, matching `filter` (`eq` on `displayName`, `externalId` or `id`, joined by"
                            + " `and`). `excludedAttributes=members` leaves the members out, as Entra asks.")
    @APIResponse(
            responseCode = "200",
            description = "A list response.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupListView.class)))
    public ObjectNode list(
            @QueryParam("filter") @Parameter(description = "e.g. `displayName eq \"St James Primary Academy\"`.")
                    String filter,
            @QueryParam("startIndex")
                    @Parameter(
                            description = "1-based index of the first result.",
                            schema = @Schema(type = SchemaType.INTEGER))
                    String startIndex,
            @QueryParam("count")
                    @Parameter(
                            description = "Results a page, at most 100.",
                            schema = @Schema(type = SchemaType.INTEGER))
                    String count,
            @QueryParam("excludedAttributes") @Parameter(description = "`members` to leave the members out.")
                    String excludedAttributes,
            @Context UriInfo uri) {
        traffic.take();
        return scim.groups(filter, startIndex, count, !excludes(excludedAttributes), ScimUsersResource.base(uri));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a group", description = "One school by URN, with the adults working there today.")
    @APIResponse(
            responseCode = "200",
            description = "The group.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupView.class)))
    public ObjectNode get(
            @PathParam("id") String id,
            @QueryParam("excludedAttributes") @Parameter(description = "`members` to leave the members out.")
                    String excludedAttributes,
            @Context UriInfo uri) {
        traffic.take();
        return scim.group(id, !excludes(excludedAttributes), ScimUsersResource.base(uri));
    }

    @POST
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Create a group (refused)",
            description =
                    "Groups are the register's schools: a school is added by the Trust (`PUT /api/v1/schools/{urn}`),"
                            + " never by an identity provider. Always 400 `mutability`; match the existing school by"
                            + " `displayName` instead.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Never answered.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupView.class)))
    public ObjectNode create(String body) {
        traffic.take();
        throw ScimException.mutability("Groups are the Trust's schools and cannot be created through SCIM; a school is"
                + " added to the register by the Trust. Match the school by displayName.");
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a group's members",
            description = "Adds members (`add` `members`), removes them (`remove` with `members[value eq \"<id>\"]`, or"
                    + " with `members` and a value list), or sets them (`replace`). Adding opens an assignment at the"
                    + " school from today; removing ends it yesterday. Through the register's one write path, in one"
                    + " transaction: all operations apply, or none.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimInputs.PatchInput.class)))
    @APIResponse(responseCode = "204", description = "Changed.")
    public void patch(@PathParam("id") String id, String body) {
        traffic.take();
        scim.patchGroup(id, body);
    }

    @PUT
    @Path("/{id}")
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Replace a group's members",
            description =
                    "Okta's group push: the listed members are the school's members afterwards. `displayName` must"
                            + " be the school's name.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The group.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.GroupView.class)))
    public ObjectNode replace(@PathParam("id") String id, String body, @Context UriInfo uri) {
        traffic.take();
        return scim.replaceGroup(id, body, ScimUsersResource.base(uri));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a group (refused)",
            description = "A school is never removed by an identity provider. Always 400 `mutability`.")
    @APIResponse(responseCode = "204", description = "Never answered.")
    public void delete(@PathParam("id") String id) {
        traffic.take();
        throw ScimException.mutability("A group is a school of the register and cannot be deleted through SCIM.");
    }

    private static boolean excludes(String excludedAttributes) {
        if (excludedAttributes == null) {
            return false;
        }
        for (String attribute : excludedAttributes.split(",")) {
            if (attribute.strip().equalsIgnoreCase("members")) {
                return true;
            }
        }
        return false;
    }
}
