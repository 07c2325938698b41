package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.schooltrust.smp.common.error.Problem;
import org.schooltrust.smp.common.error.ProblemDialect;
import org.schooltrust.smp.common.error.ProblemWriter;

/** Every error under {@code /public} is a friendly page in the pages' own form, never a JSON document or a trace. */
@ApplicationScoped
public class PublicPageErrors implements ProblemDialect {

    @Inject
    PublicPageConfig config;

    @Override
    public boolean covers(String path) {
        return path != null && (path.equals("/public") || path.startsWith("/public/"));
    }

    @Override
    public ProblemWriter.Rendered render(Problem problem) {
        return new ProblemWriter.Rendered(problem.status(), "text/html;charset=UTF-8", page(problem.status()));
    }

    /** The page for an error status, in English (the pages' default language). */
    String page(int status) {
        PageText t = PageText.forLanguages(List.of(Locale.UK));
        String key = switch (status) {
            case 400, 404, 429, 500 -> Integer.toString(status);
            default -> "other";
        };
        String body = switch (status) {
            case 404, 429 -> t.get("error.body." + status);
            default -> t.get("error.body.other");
        };
        return PublicPageResource.Templates.error(t, config.trustName(), t.get("error.title." + key), body)
                .render();
    }
}
