package org.schooltrust.smp.common.error;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the service has for a path, from the resource classes' own annotations. Quarkus REST answers 404
 * instead of 405 for a method a path does not have when the resource class's own path has a template parameter
 * ({@code /schools/{urn}/concerns/{id}}); the problem mapper asks here so that such a request is a 405 with
 * {@code Allow}, as for every other path.
 */
@ApplicationScoped
public class ResourceMethods {

    private static final String PACKAGE = "org.schooltrust.smp.";
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");

    private record Route(Pattern path, String method) {}

    private volatile List<Route> routes;

    /** The methods some resource declares for this path (with HEAD beside GET, and OPTIONS); empty if none. */
    public Set<String> allowed(String path) {
        String normalized = "/" + path.replaceAll("^/+|/+$", "");
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(normalized).matches()) {
                methods.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        Set<Bean<?>> beans = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
        for (Bean<?> bean : beans) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !type.getName().startsWith(PACKAGE)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                found.add(new Route(regex(template), httpMethod));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Pattern regex(String template) {
        String normalized = "/" + template.replaceAll("/+", "/").replaceAll("^/+|/+$", "");
        StringBuilder regex = new StringBuilder();
        var matcher = TEMPLATE.matcher(normalized);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(normalized.substring(last, matcher.start())))
                    .append("[^/]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(normalized.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
