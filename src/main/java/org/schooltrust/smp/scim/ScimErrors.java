package org.schooltrust.smp.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.schooltrust.smp.common.error.ScimDialect;

/**
 * Answers the adapter's own refusals in SCIM's error form. Every other error under {@code /scim/v2} (authentication,
 * roles, unknown paths, the register's own validation, a conflict) is written in the same form by the house's one
 * error path ({@link ScimDialect}).
 */
public class ScimErrors {

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper(ScimException.class)
    public Response toScimError(ScimException error) throws JsonProcessingException {
        return Response.status(error.status())
                .type(ScimDialect.MEDIA_TYPE)
                .entity(json.writeValueAsString(ScimDialect.body(error.status(), error.scimType(), error.getMessage())))
                .build();
    }
}
