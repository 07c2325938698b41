package org.schooltrust.smp.socialaccount;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.web.Responses;
import org.schooltrust.smp.socialaccount.PublicPageInputs.SettingsInput;
import org.schooltrust.smp.socialaccount.PublicPageViews.SettingsView;

/** The settings of a school's public "our social media accounts" page (issue 28). */
@Path("/api/v1/schools/{urn}/public-page")
@Tag(name = "Social accounts")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.HEAD_OF_SCHOOL, Role.Names.TRUST_ADMIN})
public class PublicPageSettingsResource {

    @Inject
    PublicPageService pages;

    @GET
    @Operation(
            summary = "Read the public page's settings",
            description = "For the school's Head and `trust-admin`: what the public page at `pageUrl` says beside the"
                    + " register (platforms not used, how the school never contacts parents, monitoring hours, how to"
                    + " report a fake, who runs the accounts). Defaults until first saved.")
    @APIResponse(
            responseCode = "200",
            description = "The settings.",
            headers = @Header(name = "ETag", description = "Version of the settings (absent until first saved)."))
    public RestResponse<SettingsView> get(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "6-digit DfE URN.", schema = @Schema(pattern = "^\\d{6}$"))
                    String urn,
            @Context UriInfo uri) {
        PublicPageSettings settings = pages.settings(urn);
        SettingsView view = SettingsView.of(settings, pageUrl(uri, urn));
        return settings.version() == 0 ? RestResponse.ok(view) : Responses.ok(view, settings.version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the public page's settings",
            description =
                    "For the school's Head and `trust-admin`. Audited, and published as `school.public_page_updated`."
                            + " Sending the same settings again changes nothing. Honours `If-Match`. The texts are public: never"
                            + " a person's name.")
    @APIResponse(responseCode = "200", description = "Updated (or unchanged).")
    @APIResponse(responseCode = "201", description = "First saved.")
    public RestResponse<SettingsView> put(
            @PathParam("urn")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
                    @Parameter(description = "6-digit DfE URN.", schema = @Schema(pattern = "^\\d{6}$"))
                    String urn,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Optional ETag the change is based on.")
                    String ifMatch,
            @NotNull @Valid SettingsInput input,
            @Context UriInfo uri) {
        return Responses.written(
                pages.update(urn, input, ifMatch).map(s -> SettingsView.of(s, pageUrl(uri, urn))), uri.getRequestUri());
    }

    private static String pageUrl(UriInfo uri, String urn) {
        return uri.getBaseUriBuilder()
                .path("public/social-media/{urn}")
                .build(urn)
                .toString();
    }
}
