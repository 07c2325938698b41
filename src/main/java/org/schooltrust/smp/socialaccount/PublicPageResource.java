package org.schooltrust.smp.socialaccount;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.socialaccount.PublicPageService.SchoolLink;
import org.schooltrust.smp.socialaccount.PublicPageService.SchoolPage;
import org.schooltrust.smp.socialaccount.RegisterService.Check;

/**
 * The public pages (issue 28): for parents and the public, no login, no JavaScript, server-rendered with GOV.UK
 * Frontend's styles. Not part of the API contract (hidden there); README, "Public page".
 */
@Path("/public")
@PermitAll
@Produces("text/html;charset=UTF-8")
public class PublicPageResource {

    @CheckedTemplate(basePath = "public")
    static class Templates {
        static native TemplateInstance trust(PageText t, String trustName, List<SchoolLink> schools);

        static native TemplateInstance school(
                PageText t, String trustName, SchoolPage page, Check check, String input, String error);

        static native TemplateInstance accessibility(PageText t, String trustName);

        static native TemplateInstance error(PageText t, String trustName, String title, String body);
    }

    @Inject
    PublicPageService pages;

    @Inject
    PublicPageConfig config;

    @GET
    @Path("/social-media")
    @Operation(hidden = true)
    public Response trust(@Context HttpHeaders headers, @Context Request request) {
        return cached(Templates.trust(text(headers), config.trustName(), pages.trustPage()), request);
    }

    @GET
    @Path("/social-media/{urn}")
    @Operation(hidden = true)
    public Response school(@PathParam("urn") String urn, @Context HttpHeaders headers, @Context Request request) {
        return cached(
                Templates.school(text(headers), config.trustName(), pages.schoolPage(urn), null, null, null), request);
    }

    /** The check box's answer, on the school's page: official, no longer used, or not an account of this school. */
    @GET
    @Path("/social-media/{urn}/check")
    @Operation(hidden = true)
    public Response check(
            @PathParam("urn") String urn,
            @QueryParam("link") String link,
            @Context HttpHeaders headers,
            @Context Request request) {
        PageText t = text(headers);
        SchoolPage page = pages.schoolPage(urn);
        String input = link == null ? "" : link.strip();
        if (input.isEmpty() || input.length() > PublicPageService.MAX_INPUT) {
            String error = input.isEmpty()
                    ? t.get("check.error.empty")
                    : t.format("check.error.long", PublicPageService.MAX_INPUT);
            String shown = input.length() > PublicPageService.MAX_INPUT ? "" : input;
            return Response.status(400)
                    .entity(Templates.school(t, config.trustName(), page, null, shown, error)
                            .render())
                    .build();
        }
        return cached(Templates.school(t, config.trustName(), page, pages.check(urn, input), input, null), request);
    }

    @GET
    @Path("/accessibility")
    @Operation(hidden = true)
    public Response accessibility(@Context HttpHeaders headers, @Context Request request) {
        return cached(Templates.accessibility(text(headers), config.trustName()), request);
    }

    private static PageText text(HttpHeaders headers) {
        return PageText.forLanguages(headers.getAcceptableLanguages());
    }

    /** Rendered once; a strong ETag of the body, so a CDN or browser revalidates with a cheap 304. */
    private Response cached(TemplateInstance page, Request request) {
        String html = page.render();
        EntityTag tag = new EntityTag(Sha256.hex(html).substring(0, 32));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(config.maxAge());
        cache.setPrivate(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(html)
                .tag(tag)
                .cacheControl(cache)
                .header("Vary", "Accept-Language")
                .build();
    }
}
