package org.schooltrust.smp.staff;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.staff.StaffViews.AdultView;

@Path("/api/v1/me")
@Tag(name = "Staff")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    StaffService staff;

    @GET
    @Authenticated
    @Operation(
            summary = "Read my staff record",
            description = "The adult the token names: by the staff-identity claim (default `employee_id`, the HR id),"
                    + " or, when that claim is absent, by work email. 404 when the token names no adult.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's record.",
            headers = @Header(name = "ETag", description = "Version of the record."))
    @APIResponse(responseCode = "404", description = "The token names no adult of the register.")
    public RestResponse<AdultView> me() {
        Adult adult = staff.me();
        return RestResponse.ResponseBuilder.ok(AdultView.of(adult))
                .tag(ETags.of(adult.version()))
                .build();
    }
}
