package org.schooltrust.smp.concern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.paging.Pages;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.concern.ConcernViews.ConcernListItem;
import org.schooltrust.smp.concern.ConcernViews.Counts;

@Path("/api/v1/concerns")
@Tag(name = "Concerns")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class ConcernCountsResource {

    @Inject
    SchoolConcernService concerns;

    @GET
    @Path("/counts")
    @RolesAllowed(Role.Names.TRUST_ADMIN)
    @Operation(
            summary = "Count concerns per school and category",
            description = "Open and closed, nothing else: the Trust sees no concern's content. For `trust-admin`.")
    @APIResponse(responseCode = "200", description = "The counts.")
    public Counts counts() {
        return concerns.counts();
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Role.Names.TRUST_ADMIN, Role.Names.TRUST_DSL})
    @Operation(
            summary = "Which schools have a Head and a DSL in the register",
            description = "Open schools with how many adults HR's records name `HEAD_OF_SCHOOL` and `DSL` on a"
                    + " current assignment today. A school with neither sends every concern to the Trust's"
                    + " safeguarding leads; one without a DSL leaves its Head alone (ADR 0024). `gapsOnly=true` lists"
                    + " only schools missing either. Counts only; no names. For `trust-admin` and `trust-dsl`.")
    @APIResponse(responseCode = "200", description = "The schools.")
    public ConcernViews.Coverage coverage(
            @QueryParam("gapsOnly") @Parameter(description = "Only schools without a Head or without a DSL.")
                    boolean gapsOnly) {
        return concerns.coverage(gapsOnly);
    }

    @GET
    @Path("/trust-routed")
    @RolesAllowed(Role.Names.TRUST_DSL)
    @Operation(
            summary = "List the concerns routed to the Trust",
            description = "Concerns that name a Head, or that nobody at the school but the adult they name could"
                    + " handle (ADR 0024), newest first, across every school; each is handled through"
                    + " `/api/v1/schools/{urn}/concerns/{id}` like a school's. For the Trust's safeguarding leads"
                    + " (`trust-dsl`, and the token's adult one of `SMP_SAFEGUARDING_TRUST_LEADS`); never a concern"
                    + " that names the caller. Each read is audited.")
    @APIResponse(responseCode = "200", description = "A page of concerns.")
    @APIResponse(responseCode = "404", description = "The caller is not one of the Trust's safeguarding leads.")
    public RestResponse<Page<ConcernListItem>> trustRouted(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return Pages.ok(concerns.trustRouted(page), uri);
    }
}
