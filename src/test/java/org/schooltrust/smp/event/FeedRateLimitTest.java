package org.schooltrust.smp.event;

import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.Tokens;

/** The feed's per-client rate limit (issue 25, item 5): a burst, then 429 with Retry-After, per client, refilled by time. */
@ApiTest
class FeedRateLimitTest {

    @Inject
    FeedRateLimit limit;

    private double[] configured;

    @BeforeEach
    void lower() {
        configured = limit.limits(0.5, 3);
    }

    @AfterEach
    void restore() {
        limit.limits(configured[0], (int) configured[1]);
        TestClock.get().reset();
    }

    @Test
    void aClientOverItsBurstIsToldWhenToComeBackAndOthersAreNotAffected() {
        String reader = Tokens.withRoles("reader-" + System.nanoTime(), Set.of("register-reader"));
        String other = Tokens.withRoles("other-" + System.nanoTime(), Set.of("register-reader"));
        for (int i = 0; i < 3; i++) {
            Api.as(reader).get("/api/v1/events").then().statusCode(200);
        }
        Api.as(reader)
                .get("/api/v1/events")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", org.hamcrest.Matchers.endsWith("/rate-limited"));
        Api.as(other).get("/api/v1/events").then().statusCode(200);

        TestClock.get().advance(Duration.ofSeconds(2));
        Api.as(reader).get("/api/v1/events").then().statusCode(200);
        Api.as(reader).get("/api/v1/events").then().statusCode(429);
    }
}
