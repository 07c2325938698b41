package org.schooltrust.smp.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.schooltrust.smp.common.json.StrictJson;

/**
 * The one table from exception to HTTP status and problem type. Lookups walk the exception's class hierarchy, so a
 * subclass inherits its parent's row unless it has its own. Anything not in the table is a bug and answers 500.
 */
public final class ErrorTable {

    public static final ProblemType MALFORMED_REQUEST = new ProblemType(400, "malformed-request", "Malformed request");
    public static final ProblemType UNACCEPTABLE_VALUE =
            new ProblemType(400, "unacceptable-value", "A value cannot be stored (control character, size or range)");
    public static final ProblemType UNAUTHORIZED = new ProblemType(401, "unauthorized", "Authentication required");
    public static final ProblemType FORBIDDEN =
            new ProblemType(403, "forbidden", "Operation not allowed for this role");
    public static final ProblemType NOT_FOUND = new ProblemType(404, "not-found", "Resource not found");
    public static final ProblemType UPLOADS_BUSY =
            new ProblemType(503, "uploads-busy", "Too many uploads in progress; retry after Retry-After");
    public static final ProblemType TOO_MANY_REQUESTS =
            new ProblemType(429, "rate-limited", "Too many requests; retry after Retry-After");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType(405, "method-not-allowed", "Method not allowed on this resource");
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType(406, "not-acceptable", "No acceptable representation");
    public static final ProblemType CONFLICT = new ProblemType(409, "conflict", "Conflict with the current state");
    public static final ProblemType ILLEGAL_TRANSITION =
            new ProblemType(409, "illegal-transition", "The resource's status does not allow this transition");
    public static final ProblemType BODY_HASH_MISMATCH =
            new ProblemType(409, "body-hash-mismatch", "The text you were shown is not the text of this version");
    public static final ProblemType DUPLICATE = new ProblemType(409, "duplicate", "The resource already exists");
    public static final ProblemType CURSOR_EXPIRED = new ProblemType(
            410, "cursor-expired", "The cursor is older than the feed keeps: re-sync, then read from a new cursor");
    public static final ProblemType PRECONDITION_FAILED =
            new ProblemType(412, "precondition-failed", "The resource has changed (ETag mismatch)");
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType(413, "payload-too-large", "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType(415, "unsupported-media-type", "Unsupported media type");
    public static final ProblemType VALIDATION_FAILED =
            new ProblemType(422, "validation-failed", "The request is not valid");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(
            422, "idempotency-key-reused", "The Idempotency-Key was already used for a different request");
    public static final ProblemType PRECONDITION_REQUIRED =
            new ProblemType(428, "precondition-required", "If-Match header required");
    public static final ProblemType TRANSACTION_CONFLICT = new ProblemType(
            503, "transaction-conflict", "A concurrent change collided with this one; retry after Retry-After");
    public static final ProblemType DATABASE_UNAVAILABLE =
            new ProblemType(503, "database-unavailable", "The database is unavailable; retry after Retry-After");
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType(500, "internal-error", "Internal error; it has been logged with the request id");

    private static final Map<Class<? extends Throwable>, ProblemType> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(ValidationFailedException.class, VALIDATION_FAILED);
        TABLE.put(ConstraintViolationException.class, VALIDATION_FAILED);
        TABLE.put(InvalidRequestException.class, MALFORMED_REQUEST);
        TABLE.put(StrictJson.UnacceptableText.class, UNACCEPTABLE_VALUE);
        TABLE.put(JsonProcessingException.class, MALFORMED_REQUEST);
        TABLE.put(BadRequestException.class, MALFORMED_REQUEST);
        TABLE.put(UnauthorizedException.class, UNAUTHORIZED);
        TABLE.put(AuthenticationFailedException.class, UNAUTHORIZED);
        TABLE.put(AuthenticationCompletionException.class, UNAUTHORIZED);
        TABLE.put(AccessDeniedException.class, FORBIDDEN);
        TABLE.put(io.quarkus.security.ForbiddenException.class, FORBIDDEN);
        TABLE.put(ResourceNotFoundException.class, NOT_FOUND);
        TABLE.put(NotFoundException.class, NOT_FOUND);
        TABLE.put(NotAllowedException.class, METHOD_NOT_ALLOWED);
        TABLE.put(NotAcceptableException.class, NOT_ACCEPTABLE);
        TABLE.put(ConflictException.class, CONFLICT);
        TABLE.put(TooManyRequestsException.class, TOO_MANY_REQUESTS);
        TABLE.put(UploadsBusyException.class, UPLOADS_BUSY);
        TABLE.put(IllegalTransitionException.class, ILLEGAL_TRANSITION);
        TABLE.put(BodyHashMismatchException.class, BODY_HASH_MISMATCH);
        TABLE.put(DuplicateException.class, DUPLICATE);
        TABLE.put(IdempotencyKeyReusedException.class, IDEMPOTENCY_KEY_REUSED);
        // a unique constraint or a version check lost to a concurrent request: the other request won
        TABLE.put(org.hibernate.exception.ConstraintViolationException.class, CONFLICT);
        TABLE.put(jakarta.persistence.OptimisticLockException.class, CONFLICT);
        TABLE.put(org.hibernate.StaleStateException.class, CONFLICT);
        TABLE.put(PreconditionFailedException.class, PRECONDITION_FAILED);
        TABLE.put(GoneException.class, CURSOR_EXPIRED);
        TABLE.put(NotSupportedException.class, UNSUPPORTED_MEDIA_TYPE);
        TABLE.put(PreconditionRequiredException.class, PRECONDITION_REQUIRED);
    }

    private ErrorTable() {}

    /** The problem type for an exception, or empty when it is not an expected error (a bug). */
    public static Optional<ProblemType> lookup(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                // the database refused a value (class 22: NUL byte, out-of-range date, too long) or a constraint
                // (class 23) that validation did not catch: the request's fault, never a 500
                if (sql.getSQLState().startsWith("22")) {
                    return Optional.of(UNACCEPTABLE_VALUE);
                }
                if (sql.getSQLState().startsWith("23")) {
                    return Optional.of(CONFLICT);
                }
                // serialization failure or deadlock: nothing was written, the same request can simply be retried
                if (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01")) {
                    return Optional.of(TRANSACTION_CONFLICT);
                }
                // connection failures (class 08), shutdown (57P01-57P03), too many connections (53300)
                if (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("57P0")
                        || sql.getSQLState().equals("53300")) {
                    return Optional.of(DATABASE_UNAVAILABLE);
                }
            }
            if (e instanceof SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                // the pool could not hand out a connection within the bounded acquisition timeout
                return Optional.of(DATABASE_UNAVAILABLE);
            }
            if (e instanceof java.io.IOException && isMultipartParsing(e)) {
                // the body said multipart/form-data and was not (no or wrong boundary, truncated, garbage)
                return Optional.of(MALFORMED_REQUEST);
            }
            for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
                ProblemType type = TABLE.get(c);
                if (type != null) {
                    return Optional.of(type);
                }
            }
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return Optional.of(forStatus(web.getResponse().getStatus()));
        }
        return Optional.empty();
    }

    /** Whether the error was raised while Quarkus REST parsed a multipart body (the request's fault). */
    private static boolean isMultipartParsing(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().contains(".multipart.");
    }

    /** The problem type for a bare status code (used where the HTTP layer refuses a request before any resource). */
    public static ProblemType forStatus(int status) {
        return TABLE.values().stream()
                .filter(t -> t.status() == status)
                .findFirst()
                .orElseGet(() -> status == 413
                        ? PAYLOAD_TOO_LARGE
                        : new ProblemType(status, "http-" + status, "HTTP " + status));
    }
}
