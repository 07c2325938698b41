package org.schooltrust.smp.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A school with a Head and adults, and small steps that drive an account through its lifecycle over HTTP. */
public final class SocialAccounts {

    public static final String REASON =
            "Weekly class news, trip updates and celebration of pupils' work for parents and carers.";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private SocialAccounts() {}

    /** A unique X handle (at most 15 characters), in its canonical lower case. */
    public static String newHandle() {
        return ("t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
                        + Integer.toString(NEXT.incrementAndGet(), 36))
                .toLowerCase();
    }

    public static SchoolStaff aSchool() {
        String urn = TestData.newSchool();
        return new SchoolStaff(
                urn,
                TestData.hrAdultAt(urn),
                TestData.hrAdultAt(urn),
                TestData.hrAdultAt(urn),
                TestData.hrAdultAt(urn));
    }

    /** A school, its Head, two adults who will administer accounts and one adult who will not. */
    public record SchoolStaff(String urn, String headHrId, String admin1, String admin2, String colleague) {

        public String head() {
            return Tokens.head(headHrId, urn);
        }

        public String staff(String hrId) {
            return Tokens.staff(hrId, urn);
        }

        public Map<String, Object> proposal(String handle) {
            return SocialAccounts.proposal(urn, "X", handle, admin1, admin2);
        }

        /** Proposes an X account as the first administrator; returns its id. */
        public String propose(String handle) {
            return Api.as(staff(admin1))
                    .body(proposal(handle))
                    .post("/api/v1/social-accounts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        public String approved(String handle) {
            String id = propose(handle);
            transition(head(), id, "approve", Map.of()).then().statusCode(200);
            return id;
        }

        public String active(String handle) {
            String id = approved(handle);
            transition(staff(admin2), id, "confirm-live", Map.of("url", "https://twitter.com/" + handle))
                    .then()
                    .statusCode(200);
            return id;
        }
    }

    public static Map<String, Object> proposal(String urn, String platform, String handle, String... admins) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolUrn", urn);
        body.put("platform", platform);
        body.put("handle", handle);
        body.put("purpose", "PEDAGOGICAL");
        body.put("reason", REASON);
        body.put("administrators", List.of(admins));
        return body;
    }

    public static String etag(String token, String id) {
        return Api.as(token)
                .get("/api/v1/social-accounts/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** A transition with the account's current ETag, read as trust-admin. */
    public static Response transition(String token, String id, String action, Map<String, ?> body) {
        String etag = etag(Tokens.trustAdmin(), id);
        return Api.as(token)
                .header("If-Match", etag)
                .body(body)
                .post("/api/v1/social-accounts/{id}/{action}", id, action);
    }

    /** A fingerprint of every social account and the audit trail: equal before and after means nothing was written. */
    public static String snapshot() {
        return Db.count("SELECT count(*) FROM social_accounts") + "/"
                + Db.count("SELECT coalesce(sum(version), 0) FROM social_accounts") + "/"
                + Db.count("SELECT count(*) FROM social_account_administrators") + "/"
                + Db.count("SELECT count(*) FROM audit_events");
    }

    /** Direct SQL, for states the API cannot reach in a test (a review date in the past). */
    public static void sql(String statement, Object... args) {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
