package org.schooltrust.smp.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.webhook.WebhookInputs.EndpointInput;
import org.schooltrust.smp.webhook.WebhookInputs.EndpointPatch;
import org.schooltrust.smp.webhook.WebhookInputs.Recovery;
import org.schooltrust.smp.webhook.WebhookViews.DeliveryView;
import org.schooltrust.smp.webhook.WebhookViews.EndpointView;
import org.schooltrust.smp.webhook.WebhookViews.RecoveryView;
import org.schooltrust.smp.webhook.WebhookViews.SecretView;

@Path("/api/v1/webhook-endpoints")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.TRUST_ADMIN)
public class WebhookEndpointsResource {

    private static final String NOTE = " For `trust-admin`; audited.";

    @Inject
    WebhookEndpointService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a webhook endpoint",
            description = "Events the endpoint's identity could pull from `GET /api/v1/events` (narrowed by"
                    + " `eventTypes` and `schools`) are POSTed to its URL from now on, signed as the Standard Webhooks"
                    + " specification says. The signing secret is in this answer only: store it." + NOTE)
    @APIResponse(
            responseCode = "201",
            description = "Created, with its secret.",
            content = @Content(schema = @Schema(implementation = SecretView.class)),
            headers = {
                @Header(name = "Location", description = "The new endpoint."),
                @Header(name = "ETag", description = "Version of the endpoint.")
            })
    public RestResponse<SecretView> create(
            @HeaderParam(Idempotency.HEADER)
                    @Pattern(regexp = Idempotency.KEY)
                    @Parameter(description = "Client-chosen key; a replay returns the first response (201).")
                    String idempotencyKey,
            @NotNull @Valid EndpointInput input,
            @Context UriInfo uri) {
        var created = service.create(input, idempotencyKey);
        return Responses.written(
                created,
                uri.getBaseUriBuilder()
                        .path("api/v1/webhook-endpoints/{id}")
                        .build(created.body().endpoint().id()));
    }

    @GET
    @Operation(summary = "List webhook endpoints", description = "Oldest first; secrets are never listed." + NOTE)
    @APIResponse(
            responseCode = "200",
            description = "A page of endpoints.",
            headers = @Header(name = "Link", description = "`rel=\"next\"` when there is a next page."))
    public RestResponse<Page<EndpointView>> list(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(service.list(page), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a webhook endpoint", description = "Its settings; never its secret." + NOTE)
    @APIResponse(
            responseCode = "200",
            description = "The endpoint.",
            headers = @Header(name = "ETag", description = "Version of the endpoint."))
    public RestResponse<EndpointView> get(@PathParam("id") @Parameter(description = "Endpoint id.") UUID id) {
        var endpoint = service.get(id);
        return Responses.ok(endpoint.body(), endpoint.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a webhook endpoint",
            description = "Absent fields keep their value. Setting `enabled: true` on a disabled endpoint resumes"
                    + " delivery from where it stopped. Honours `If-Match`." + NOTE)
    @APIResponse(responseCode = "200", description = "The endpoint after the change.")
    public RestResponse<EndpointView> patch(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the endpoint as read.") String ifMatch,
            @NotNull @Valid EndpointPatch input) {
        var endpoint = service.patch(id, input, ifMatch);
        return Responses.ok(endpoint.body(), endpoint.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a webhook endpoint",
            description = "Nothing more is sent to it; its delivery log goes with it. Honours `If-Match`." + NOTE)
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the endpoint as read.")
                    String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            summary = "Rotate the signing secret",
            description = "A new secret, shown in this answer only. For the overlap (`overlap`, default"
                    + " `SMP_WEBHOOKS_SECRET_OVERLAP`, 24 hours) every delivery carries two signatures, one per secret,"
                    + " so the receiver can switch without losing an event; `overlap=PT0S` revokes the old secret at"
                    + " once (a leaked secret). Secrets are stored sealed with a key outside the database."
                    + " Honours `If-Match`." + NOTE)
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret.")
    public RestResponse<SecretView> rotateSecret(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the endpoint as read.") String ifMatch,
            @QueryParam("overlap")
                    @Parameter(
                            description = "How long the old secret still signs (ISO-8601, e.g. `PT24H`); `PT0S`"
                                    + " revokes it at once.",
                            schema = @Schema(type = SchemaType.STRING, examples = "PT0S"))
                    String overlap) {
        var rotated = service.rotateSecret(id, ifMatch, QueryParams.duration("overlap", overlap));
        return Responses.ok(rotated.body(), rotated.version());
    }

    @POST
    @Path("/{id}/ping")
    @Operation(
            summary = "Send a test event",
            description = "Queues a `webhook.ping` (data: the endpoint id) for the endpoint at once; it is not on the"
                    + " feed. Its attempts appear in the delivery log." + NOTE)
    @APIResponse(
            responseCode = "202",
            description = "Queued.",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public RestResponse<DeliveryView> ping(@PathParam("id") @Parameter(description = "Endpoint id.") UUID id) {
        return RestResponse.accepted(service.ping(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "List an endpoint's deliveries",
            description = "Newest first, each with its attempts: time, status code, duration, error class and at most"
                    + " 1 KB of the response." + NOTE)
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries.",
            headers = @Header(name = "Link", description = "`rel=\"next\"` when there is a next page."))
    public RestResponse<Page<DeliveryView>> deliveries(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id,
            @BeanParam @Valid PageParams page,
            @Context UriInfo uri) {
        return Pages.ok(service.deliveries(id, page), uri);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            summary = "Send a delivery again",
            description = "Queues the delivery for an attempt now, whatever became of it, with a fresh retry"
                    + " schedule." + NOTE)
    @APIResponse(
            responseCode = "202",
            description = "Queued (`queued`: 1).",
            content = @Content(schema = @Schema(implementation = RecoveryView.class)))
    public RestResponse<RecoveryView> redeliver(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id,
            @PathParam("deliveryId") @Parameter(description = "Delivery id.") UUID deliveryId) {
        service.redeliver(id, deliveryId);
        return RestResponse.accepted(new RecoveryView(1));
    }

    @POST
    @Path("/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resend failed deliveries",
            description = "Queues again every delivery that failed for good, of events that occurred in"
                    + " [`since`, `until`)." + NOTE)
    @APIResponse(
            responseCode = "202",
            description = "How many were queued.",
            content = @Content(schema = @Schema(implementation = RecoveryView.class)))
    public RestResponse<RecoveryView> recover(
            @PathParam("id") @Parameter(description = "Endpoint id.") UUID id, @NotNull @Valid Recovery input) {
        return RestResponse.accepted(new RecoveryView(service.recover(id, input)));
    }
}
