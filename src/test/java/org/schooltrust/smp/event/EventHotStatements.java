package org.schooltrust.smp.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.schooltrust.smp.bench.PlanStability.HotStatement;
import org.schooltrust.smp.common.security.Role;

/**
 * The feed read of every audience (from an empty cursor, a full page), for the plan checks: the benchmark's plan
 * stability table and {@link FeedPlanTest}.
 */
public final class EventHotStatements {

    private EventHotStatements() {}

    /** One statement per role that has a feed; school-scoped roles act for {@code schools}. */
    public static List<HotStatement> of(Set<String> schools) {
        List<HotStatement> statements = new ArrayList<>();
        for (Role role : Audience.feedRoles()) {
            FeedQuery query =
                    FeedQuery.of(FeedPosition.START, Audience.of(role, schools), EventType.wireNames(), null, 101);
            statements.add(new HotStatement(
                    "feed: " + role.claimValue() + " from an empty cursor", query.sql(), query.args()));
        }
        return statements;
    }
}
