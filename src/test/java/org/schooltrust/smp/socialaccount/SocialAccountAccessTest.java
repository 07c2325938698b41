package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.Tokens;

/**
 * The authorisation matrix: every endpoint, called by every role, for the caller's own school and another school. No
 * token 401, missing role 403, another school's account 404; refused calls change nothing.
 */
@ApiTest
class SocialAccountAccessTest {

    private static final String STAFF = "staff of the school";
    private static final String ADMIN = "administrator of the account";
    private static final String HEAD = "Head of the school";
    private static final String OTHER_STAFF = "staff of another school";
    private static final String OTHER_HEAD = "Head of another school";
    private static final String TRUST = "trust-admin";
    private static final String HR = "hr-sync";
    private static final String MIS = "mis of the school";
    private static final String READER = "register-reader";
    private static final String NONE = "no token";
    private static final int SKIP = -1;
    private static final List<String> CALLERS =
            List.of(STAFF, ADMIN, HEAD, OTHER_STAFF, OTHER_HEAD, TRUST, HR, MIS, READER, NONE);

    SchoolStaff own;
    SchoolStaff other;
    Map<String, String> tokens;
    String proposed;
    String approved;
    String active;

    @BeforeEach
    void twoSchoolsAndAnAccountInEachState() {
        own = SocialAccounts.aSchool();
        other = SocialAccounts.aSchool();
        tokens = new LinkedHashMap<>();
        tokens.put(STAFF, own.staff(own.colleague()));
        tokens.put(ADMIN, own.staff(own.admin1()));
        tokens.put(HEAD, own.head());
        tokens.put(OTHER_STAFF, other.staff(other.colleague()));
        tokens.put(OTHER_HEAD, other.head());
        tokens.put(TRUST, Tokens.trustAdmin());
        tokens.put(HR, Tokens.hrSync());
        tokens.put(MIS, Tokens.mis(own.urn()));
        tokens.put(READER, Tokens.registerReader());
        proposed = own.propose(SocialAccounts.newHandle());
        approved = own.approved(SocialAccounts.newHandle());
        active = own.active(SocialAccounts.newHandle());
    }

    /** Expected status per caller, in the order of {@link #CALLERS}. */
    private static Map<String, Integer> expect(int... statuses) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            expected.put(CALLERS.get(i), statuses[i]);
        }
        return expected;
    }

    private void check(String what, Function<RequestSpecification, Response> call, Map<String, Integer> expected) {
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((caller, status) -> {
            if (status == SKIP) {
                return;
            }
            RequestSpecification request = caller.equals(NONE) ? Api.anonymous() : Api.as(tokens.get(caller));
            Response response = call.apply(request);
            soft.assertThat(response.statusCode()).as(what + " as " + caller).isEqualTo(status);
            if (response.statusCode() >= 400) {
                soft.assertThat(response.contentType())
                        .as(what + " as " + caller + " content type")
                        .startsWith("application/problem+json");
            }
        });
        soft.assertAll();
    }

    @Test
    void propose() {
        check(
                "POST /social-accounts",
                r -> r.body(own.proposal(SocialAccounts.newHandle())).post("/api/v1/social-accounts"),
                //     staff admin head oStaff oHead trust hr   mis  reader none
                expect(201, 201, 201, 404, 404, 201, 403, 403, 403, 401));
    }

    @Test
    void readTheListAndOneAccount() {
        check(
                "GET /social-accounts",
                r -> r.get("/api/v1/social-accounts"),
                expect(200, 200, 200, 200, 200, 200, 403, 403, 403, 401));
        check(
                "GET /social-accounts?school=own",
                r -> r.get("/api/v1/social-accounts?school={urn}", own.urn()),
                expect(200, 200, 200, 404, 404, 200, 403, 403, 403, 401));
        check(
                "GET /social-accounts/{id}",
                r -> r.get("/api/v1/social-accounts/{id}", active),
                expect(200, 200, 200, 404, 404, 200, 403, 403, 403, 401));
        for (String caller : List.of(OTHER_STAFF, OTHER_HEAD)) {
            Api.as(tokens.get(caller))
                    .get("/api/v1/social-accounts?limit=1000")
                    .then()
                    .body("items.id", not(hasItem(active)))
                    .body("items.id", not(hasItem(proposed)));
        }
        for (String caller : List.of(STAFF, ADMIN, HEAD, TRUST)) {
            Api.as(tokens.get(caller))
                    .get("/api/v1/social-accounts?school={urn}", own.urn())
                    .then()
                    .body("items.id", hasItem(active))
                    .body("items.id", hasItem(proposed));
        }
    }

    @Test
    void theHeadsTransitionsAreRefusedToEveryoneElseAndChangeNothing() {
        String before = SocialAccounts.snapshot();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("approve", proposed);
        targets.put("reject", proposed);
        targets.put("suspend", active);
        targets.put("reinstate", active);
        targets.put("retire", active);
        targets.put("review", active);
        targets.forEach((action, id) -> {
            String etag = SocialAccounts.etag(Tokens.trustAdmin(), id);
            check(
                    "POST /social-accounts/{id}/" + action,
                    r -> r.header("If-Match", etag)
                            .body(Map.of("reason", "Matrix check."))
                            .post("/api/v1/social-accounts/{id}/{action}", id, action),
                    //     staff admin head oStaff oHead trust hr   mis  reader none
                    expect(403, 403, skip(), 403, 404, 403, 403, 403, 403, 401));
        });
        String etag = SocialAccounts.etag(Tokens.trustAdmin(), approved);
        check(
                "POST /social-accounts/{id}/confirm-live",
                r -> r.header("If-Match", etag)
                        .body(Map.of("url", "https://x.com/nobody"))
                        .post("/api/v1/social-accounts/{id}/confirm-live", approved),
                expect(403, skip(), skip(), 404, 404, 403, 403, 403, 403, 401));
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
    }

    @Test
    void theHeadOfTheSchoolMayMakeEveryTransitionAndAnAdministratorMayConfirmLive() {
        String head = tokens.get(HEAD);
        SocialAccounts.transition(head, proposed, "approve", Map.of()).then().statusCode(200);
        SocialAccounts.transition(head, active, "review", Map.of()).then().statusCode(200);
        SocialAccounts.transition(head, active, "suspend", Map.of("reason", "Check."))
                .then()
                .statusCode(200);
        SocialAccounts.transition(head, active, "reinstate", Map.of()).then().statusCode(200);
        SocialAccounts.transition(head, active, "retire", Map.of()).then().statusCode(200);
        String another = own.propose(SocialAccounts.newHandle());
        SocialAccounts.transition(head, another, "reject", Map.of("reason", "No."))
                .then()
                .statusCode(200);
        String handle =
                Api.as(head).get("/api/v1/social-accounts/{id}", approved).path("handle");
        SocialAccounts.transition(tokens.get(ADMIN), approved, "confirm-live", Map.of("url", "@" + handle))
                .then()
                .statusCode(422);
        SocialAccounts.transition(tokens.get(ADMIN), approved, "confirm-live", Map.of("url", "x.com/" + handle))
                .then()
                .statusCode(200);
    }

    @Test
    void theRegisterIsOpenToEveryAuthenticatedCaller() {
        check(
                "GET /register/social-accounts",
                r -> r.get("/api/v1/register/social-accounts?limit=1"),
                expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 401));
        check(
                "GET /register/social-accounts/verify",
                r -> r.get("/api/v1/register/social-accounts/verify?url={u}", "https://x.com/stjames"),
                expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 401));
    }

    /** A caller whose successful call is checked in its own test (it would change the account). */
    private static int skip() {
        return SKIP;
    }
}
