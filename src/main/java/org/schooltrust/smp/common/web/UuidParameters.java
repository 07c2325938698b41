package org.schooltrust.smp.common.web;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One answer for a bad UUID in a path or query: 422 naming the parameter, the same as any other bad value (JAX-RS
 * would answer a failed path conversion with 404, and {@link UUID#fromString} accepts forms like {@code 1-1-1-1-1}).
 */
@Provider
public class UuidParameters implements ParamConverterProvider {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A parameter that is not a UUID; {@code ProblemMapper} names it in {@code errors[]}. */
    public static final class InvalidUuid extends WebApplicationException {
        private final String parameter;

        InvalidUuid(String parameter) {
            super(422);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = "id";
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                name = path.value();
            } else if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        String parameter = name;
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null || !CANONICAL.matcher(value).matches()) {
                    throw new InvalidUuid(parameter);
                }
                return UUID.fromString(value);
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }
}
