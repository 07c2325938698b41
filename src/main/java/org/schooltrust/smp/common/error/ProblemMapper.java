package org.schooltrust.smp.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.schooltrust.smp.common.web.RequestIds;
import org.schooltrust.smp.common.web.UuidParameters;

/**
 * The one exception mapper: every error leaves the service as {@code application/problem+json}, with the status and
 * type from {@link ErrorTable}. Unexpected exceptions are logged (with the request id) and answer a bare 500 — never a
 * stack trace, class name or SQL.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ProblemWriter writer;

    @Inject
    RequestIds requestIds;

    @Inject
    ResourceMethods resourceMethods;

    @ServerExceptionMapper(
            value = {
                Throwable.class,
                WebApplicationException.class,
                JsonProcessingException.class,
                MismatchedInputException.class,
                InvalidFormatException.class,
                ConstraintViolationException.class,
                UnauthorizedException.class,
                AuthenticationFailedException.class,
                AuthenticationCompletionException.class,
                io.quarkus.security.ForbiddenException.class
            },
            priority = 1)
    public Response toProblem(Throwable error, UriInfo uri, Request request) {
        String requestId = requestIds.current().orElse(null);
        ProblemType type = ErrorTable.lookup(error).orElse(null);
        String allowed = null;
        if (error instanceof NotFoundException && uri != null && request != null) {
            // routing found no method: when the path has other methods, the answer is 405 (ResourceMethods)
            Set<String> methods = resourceMethods.allowed(uri.getPath());
            if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
                type = ErrorTable.METHOD_NOT_ALLOWED;
                allowed = String.join(", ", methods);
            }
        }
        if (type == null) {
            LOG.errorf(error, "Unexpected error answering request %s", requestId);
            type = ErrorTable.INTERNAL_ERROR;
        }
        Problem problem = writer.problem(
                type,
                detail(type, error),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                requestId,
                fieldErrors(error));
        ProblemWriter.Rendered rendered = writer.render(problem);
        Response.ResponseBuilder response =
                Response.status(rendered.status()).type(rendered.mediaType()).entity(rendered.body());
        if (type.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (error instanceof TooManyRequestsException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (type.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, type == ErrorTable.TRANSACTION_CONFLICT ? "1" : "5");
            LOG.warnf("Answered 503 %s to request %s", type.slug(), requestId);
        }
        if (allowed != null) {
            response.header(HttpHeaders.ALLOW, allowed);
        } else if (error instanceof WebApplicationException web && type.status() == 405) {
            String allow = web.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }

    private static String detail(ProblemType type, Throwable error) {
        if (error instanceof ApiException) {
            return error.getMessage();
        }
        if (type == ErrorTable.UNACCEPTABLE_VALUE) {
            return "A value in the request contains a control character, is too long, or is out of range.";
        }
        return switch (type.status()) {
            case 400 ->
                error instanceof JsonProcessingException
                        ? "The request body is not valid JSON for this operation."
                        : "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The caller's roles do not allow this operation.";
            case 404 -> "No resource at this path, or it is not visible to the caller.";
            case 405 -> "This method is not supported on this path.";
            case 406 -> "This resource cannot be represented in the requested media type.";
            case 409 -> "The request conflicts with a concurrent change; read the resource again.";
            case 415 -> "The request body's media type is not supported here.";
            case 422 -> "The request is not valid.";
            case 429 -> "Too many requests; nothing was written. Retry after Retry-After seconds.";
            case 500 -> "Unexpected error.";
            case 503 ->
                type == ErrorTable.TRANSACTION_CONFLICT
                        ? "A concurrent change collided with this one and nothing was written; retry."
                        : "The database is unavailable; nothing was written. Retry later.";
            default -> null;
        };
    }

    private static List<FieldError> fieldErrors(Throwable error) {
        if (error instanceof ValidationFailedException invalid) {
            return invalid.errors();
        }
        if (error instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
        }
        if (error instanceof UuidParameters.InvalidUuid invalid) {
            return List.of(new FieldError(invalid.parameter(), "must be a UUID"));
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return List.of(new FieldError(jsonPath(mapping), "has the wrong type or an unknown value"));
        }
        return List.of();
    }

    /** {@code create.arg0.records[3].workEmail} → {@code records[3].workEmail}: drop the method and parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    static String jsonPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }
}
