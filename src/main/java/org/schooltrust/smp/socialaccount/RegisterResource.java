package org.schooltrust.smp.socialaccount;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.socialaccount.RegisterViews.RegisterEntry;
import org.schooltrust.smp.socialaccount.RegisterViews.Verification;

@Path("/api/v1/register/social-accounts")
@Tag(name = "Social-account register")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {

    @Inject
    RegisterService register;

    @GET
    @Authenticated
    @Operation(
            summary = "Read the register of official school accounts",
            description = "The ACTIVE official social-media accounts of every school of the Trust, by school URN, for"
                    + " external apps (`register-reader`) and any authenticated caller. With `updatedSince`, every"
                    + " account that joined, changed on or left the register at or after that instant, oldest change"
                    + " first; suspended and retired accounts appear with `removed: true` (tombstones). No adult's"
                    + " data is ever included. Every answer carries a strong `ETag`; send it back in `If-None-Match`"
                    + " to get a cheap 304 while nothing has changed.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the register.",
            headers = {
                @Header(name = "ETag", description = "Strong ETag of this answer."),
                @Header(name = "Link", description = "`rel=\"next\"` when there is a next page.")
            })
    @APIResponse(
            responseCode = "304",
            description = "Not modified: `If-None-Match` names the current ETag of this answer.",
            headers = @Header(name = "ETag", description = "Strong ETag of this answer."))
    public RestResponse<Page<RegisterEntry>> list(
            @BeanParam @Valid PageParams page,
            @QueryParam("updatedSince")
                    @Parameter(
                            description = "Only entries changed at or after this instant (ISO-8601 UTC), tombstones"
                                    + " included.",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String updatedSince,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "The `ETag` of the copy the client holds.")
                    String ifNoneMatch,
            @Context UriInfo uri) {
        Instant since = QueryParams.instant("updatedSince", updatedSince);
        EntityTag tag = register.etag(since, page);
        if (ETags.noneMatchHits(ifNoneMatch, tag.getValue())) {
            return RestResponse.ResponseBuilder.<Page<RegisterEntry>>notModified(tag)
                    .build();
        }
        return RestResponse.ResponseBuilder.fromResponse(Pages.ok(register.list(since, page), uri))
                .tag(tag)
                .build();
    }

    @GET
    @Path("/verify")
    @Authenticated
    @Operation(
            summary = "Verify an account",
            description = "Is this URL — or this `platform` and `handle` — an official account of a Trust school?"
                    + " Give either `url` or both `platform` and `handle`. The input is canonicalised first (ADR 0007):"
                    + " scheme, `www.`/`m.`/`mobile.` hosts, `twitter.com` ≡ `x.com`, case, `@`, trailing slashes,"
                    + " query strings and fragments do not matter; look-alike hosts, user info, posts instead of"
                    + " profiles and any other character never match. `official` is true only for an ACTIVE account on"
                    + " the register. For external apps (`register-reader`) and any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The verdict.")
    public Verification verify(
            @QueryParam("url") @Size(max = 2048) @Parameter(description = "A profile URL in any common form.")
                    String url,
            @QueryParam("platform")
                    @Parameter(
                            description = "With `handle`: the platform.",
                            schema = @Schema(implementation = Platform.class))
                    String platform,
            @QueryParam("handle")
                    @Size(max = 2048)
                    @Parameter(description = "With `platform`: the handle, `@handle` or profile URL.")
                    String handle) {
        return register.verify(url, platform, handle);
    }
}
