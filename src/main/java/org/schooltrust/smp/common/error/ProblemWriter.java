package org.schooltrust.smp.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;

/** Serialises problem documents; used by the exception mapper and by the HTTP-layer fallbacks. */
@ApplicationScoped
public class ProblemWriter {

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.inject.Instance<ProblemDialect> dialects;

    public Problem problem(ProblemType type, String detail, String path, String requestId, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, path, requestId, errors);
    }

    public String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error as its path's clients read it: problem+json, or a SCIM error under the SCIM path (ADR 0025). */
    public record Rendered(int status, String mediaType, String body) {}

    public Rendered render(Problem problem) {
        for (ProblemDialect dialect : dialects) {
            if (dialect.covers(problem.instance())) {
                return dialect.render(problem);
            }
        }
        if (!ScimDialect.covers(problem.instance())) {
            return new Rendered(problem.status(), Problem.MEDIA_TYPE, write(problem));
        }
        try {
            return new Rendered(
                    ScimDialect.status(problem.status()),
                    ScimDialect.MEDIA_TYPE,
                    json.writeValueAsString(ScimDialect.body(problem)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
