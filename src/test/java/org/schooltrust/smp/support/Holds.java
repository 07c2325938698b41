package org.schooltrust.smp.support;

import java.util.Set;

/** Legal holds as two trust-admins lift them (issue 24): one proposes, a second confirms. */
public final class Holds {

    private Holds() {}

    /** A second trust-admin, not the one {@link Tokens#trustAdmin()} signs as. */
    public static String secondAdmin() {
        return Tokens.withRoles("second-trust-admin", Set.of("trust-admin"));
    }

    /**
     * Lifts the hold: proposed by the usual trust-admin, confirmed by a second; with the test profile's zero notice
     * period it takes effect on confirmation.
     */
    public static void lift(String holdId) {
        String etag = Api.as(Tokens.trustAdmin())
                .get("/api/v1/legal-holds/{id}", holdId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        var change = Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .post("/api/v1/legal-holds/{id}/lift", holdId)
                .then()
                .statusCode(202)
                .extract();
        Api.as(secondAdmin())
                .header("If-Match", change.header("ETag"))
                .post("/api/v1/retention-changes/{id}/confirm", (String) change.path("id"))
                .then()
                .statusCode(200);
    }
}
