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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schooltrust.smp.common.error.ScimDialect;
import org.schooltrust.smp.common.security.Role;

/** SCIM users (RFC 7644 §3): the staff register as the Trust's identity provider keeps it (issue 29, ADR 0025). */
@Path(ScimDialect.PATH + "/Users")
@Tag(name = "SCIM")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Role.Names.SCIM_PROVISIONER)
@Produces({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimUsersResource {

    @Inject
    ScimService scim;

    @Inject
    ScimTraffic traffic;

    @GET
    @Operation(
            summary = "Find users",
            description = "Every adult of the register, active or not, matching `filter` — `eq` on `userName`,"
                    + " `externalId`, `id`, `emails[type eq \"work\"].value` or the HR id attribute, joined by `and`"
                    + " (no match is an empty list, never 404). An adult HR synced before SCIM answers to their work"
                    + " email as `userName`. 1-based `startIndex`, at most 100 a page.")
    @APIResponse(
            responseCode = "200",
            description = "A list response.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserListView.class)))
    public ObjectNode list(
            @QueryParam("filter") @Parameter(description = "e.g. `userName eq \"a.teacher@trust.example\"`.")
                    String filter,
            @QueryParam("startIndex")
                    @Parameter(
                            description = "1-based index of the first result.",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER))
                    String startIndex,
            @QueryParam("count")
                    @Parameter(
                            description = "Results a page, at most 100.",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER))
                    String count,
            @Context UriInfo uri) {
        traffic.take();
        return scim.users(filter, startIndex, count, base(uri));
    }

    @POST
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Create a user",
            description = "Creates an adult, HR-kept, through the register's one write path (audit, events). The HR id"
                    + " comes from the mapped attribute (the enterprise `employeeNumber` by default). When that HR id"
                    + " is already in the register and no provider has written it yet, the adult is adopted instead."
                    + " A second user with the same `userName`, `externalId` or HR id is 409 `uniqueness`.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    @APIResponse(responseCode = "409", description = "The user exists (`uniqueness`).")
    public Response create(String body, @Context UriInfo uri) {
        traffic.take();
        ScimService.Written written = scim.create(body, base(uri));
        return Response.status(201)
                .type(ScimDialect.MEDIA_TYPE)
                .header(
                        "Location",
                        written.document().path("meta").path("location").asText())
                .entity(written.document())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read a user",
            description = "One user by id; a deactivated user is still returned, with `active` false.")
    @APIResponse(
            responseCode = "200",
            description = "The user.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    public ObjectNode get(@PathParam("id") String id, @Context UriInfo uri) {
        traffic.take();
        return scim.user(id, base(uri));
    }

    @PUT
    @Path("/{id}")
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Replace a user",
            description = "Okta's full replace. Attributes the document names are set; those it leaves out stay as they"
                    + " are (an identity provider never sends a clear). Group memberships are changed on the group.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The user as stored.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    public ObjectNode replace(@PathParam("id") String id, String body, @Context UriInfo uri) {
        traffic.take();
        return scim.replace(id, body, base(uri));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ScimDialect.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a user",
            description = "PATCH operations as Entra ID and Okta send them: `op` in any case; with a path (`active`,"
                    + " `name.givenName`, `emails[type eq \"work\"].value`, schema-URN paths) or without one (an"
                    + " object of attributes, dotted and URN keys accepted); booleans as `true` or `\"False\"`."
                    + " `active` false deactivates the adult as a leaver. All operations apply, or none.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimInputs.PatchInput.class)))
    @APIResponse(
            responseCode = "200",
            description = "The user as stored.",
            content =
                    @Content(
                            mediaType = ScimDialect.MEDIA_TYPE,
                            schema = @Schema(implementation = ScimViews.UserView.class)))
    public ObjectNode patch(@PathParam("id") String id, String body, @Context UriInfo uri) {
        traffic.take();
        return scim.patch(id, body, base(uri));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Deactivate a user",
            description = "An identity provider's delete deactivates the adult (a leaver): their records are kept under"
                    + " the retention schedule, never removed by a provider. The user is still returned afterwards.")
    @APIResponse(responseCode = "204", description = "Deactivated.")
    public void delete(@PathParam("id") String id) {
        traffic.take();
        scim.delete(id);
    }

    static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + ScimDialect.PATH;
    }
}
