package org.schooltrust.smp.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Concerns as a reporter raises them over HTTP. */
public final class Concerns {

    private Concerns() {}

    /** A valid body for {@code POST /api/v1/me/concerns}: occurred an hour ago, on Instagram. */
    public static Map<String, Object> body(String urn, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", urn);
        body.put("category", category);
        body.put(
                "occurredAt",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("platform", "INSTAGRAM");
        body.put("description", "Seen on Instagram at 14:05; described here, nothing copied.");
        return body;
    }

    /** Raises it as {@code token}; returns the concern's id. */
    public static String raise(String token, Map<String, Object> body) {
        return Api.as(token)
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
