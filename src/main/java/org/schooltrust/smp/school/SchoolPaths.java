package org.schooltrust.smp.school;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.schooltrust.smp.common.error.ResourceNotFoundException;

/**
 * Everything under a school ({@code /api/v1/schools/{urn}/…}) is 404 when the Trust has no such school, for every
 * caller and every operation, before any feature runs: a trust-admin's list of a school that does not exist is not an
 * empty page. Runs after authentication and the role check (an unknown role is still 401/403). The school's own
 * path ({@code PUT /schools/{urn}} creates it) is left to {@link SchoolResource}.
 */
class SchoolPaths {

    private static final String PREFIX = "/api/v1/schools/";
    private static final Pattern URN = Pattern.compile("\\d{6}");

    @Inject
    SchoolQueries schools;

    @ServerRequestFilter
    void schoolExists(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return;
        }
        List<String> segments = List.of(path.substring(PREFIX.length()).split("/", -1));
        if (segments.size() < 2 || segments.get(1).isEmpty()) {
            return;
        }
        String urn = segments.get(0);
        // a malformed URN is left to the operation's own validation (its 400/422 stays as it was)
        if (URN.matcher(urn).matches() && !schools.exists(urn)) {
            throw new ResourceNotFoundException("No school with URN " + urn + ".");
        }
    }
}
