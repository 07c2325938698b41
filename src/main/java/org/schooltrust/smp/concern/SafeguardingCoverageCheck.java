package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness details (management port): how many open schools have no DSL, and no Head, in the register today. Always
 * UP — a gap is the Trust's to fix, not a reason to stop serving — but visible where operations look (ADR 0024).
 * Counts only: no URNs, no names.
 */
@Readiness
@ApplicationScoped
class SafeguardingCoverageCheck implements HealthCheck {

    @Inject
    SchoolConcernService concerns;

    @Override
    public HealthCheckResponse call() {
        var gaps = concerns.coverage(true).items();
        return HealthCheckResponse.named("safeguarding-coverage")
                .up()
                .withData(
                        "schoolsWithoutDsl",
                        gaps.stream().filter(s -> s.dsls() == 0).count())
                .withData(
                        "schoolsWithoutHead",
                        gaps.stream().filter(s -> s.heads() == 0).count())
                .build();
    }
}
