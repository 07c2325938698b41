package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.concern.ConcernViews.CountView;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;
import org.schooltrust.smp.concern.ConcernViews.TimelineView;

/** Concerns' read models: counts, safeguarding coverage, a concern's timeline and evidence list (never the report). */
@ApplicationScoped
class ConcernQueries {

    @Inject
    Sql sql;

    /**
     * Open schools with how many active adults hold HEAD_OF_SCHOOL and DSL on a current assignment on {@code day};
     * {@code gapsOnly}: only schools missing one of them. One set-based statement (ADR 0024).
     */
    List<ConcernViews.CoverageView> coverage(java.time.LocalDate day, boolean gapsOnly) {
        return sql.list(
                "read safeguarding coverage",
                "SELECT s.urn, s.name, count(DISTINCT a.id) FILTER (WHERE 'HEAD_OF_SCHOOL' = ANY(c.responsibilities)),"
                        + " count(DISTINCT a.id) FILTER (WHERE 'DSL' = ANY(c.responsibilities)) FROM schools s"
                        + " LEFT JOIN current_assignments_on(?) c ON c.school_urn = s.urn"
                        + " LEFT JOIN adults a ON a.id = c.adult_id AND a.active WHERE s.status = 'OPEN'"
                        + " GROUP BY s.urn, s.name"
                        + (gapsOnly
                                ? " HAVING count(DISTINCT a.id) FILTER (WHERE 'HEAD_OF_SCHOOL' = ANY(c.responsibilities))"
                                        + " = 0 OR count(DISTINCT a.id) FILTER (WHERE 'DSL' = ANY(c.responsibilities))"
                                        + " = 0"
                                : "")
                        + " ORDER BY s.urn",
                r -> new ConcernViews.CoverageView(r.string(1), r.string(2), r.longValue(3), r.longValue(4)),
                day);
    }

    List<CountView> counts() {
        return sql.list(
                "count concerns",
                "SELECT school_urn, category, count(*) FILTER (WHERE status <> 'CLOSED'),"
                        + " count(*) FILTER (WHERE status = 'CLOSED') FROM concerns GROUP BY school_urn, category"
                        + " ORDER BY school_urn, category",
                r -> new CountView(r.string(1), r.enumValue(2, ConcernCategory.class), r.longValue(3), r.longValue(4)));
    }

    List<TimelineView> timeline(UUID concern) {
        return sql.list(
                "read a concern's timeline",
                "SELECT t.id, t.entry, t.action, t.text, a.hr_id, t.at FROM concern_timeline t"
                        + " LEFT JOIN adults a ON a.id = t.actor_adult_id WHERE t.concern_id = ? ORDER BY t.at, t.id",
                r -> new TimelineView(r.uuid(1), r.string(2), r.string(3), r.string(4), r.string(5), r.instant(6)),
                concern);
    }

    List<EvidenceView> evidence(UUID concern) {
        return evidence(List.of(concern)).getOrDefault(concern, List.of());
    }

    /** The evidence of several concerns in one statement (a page of them), by concern. */
    java.util.Map<UUID, List<EvidenceView>> evidence(java.util.Collection<UUID> concerns) {
        java.util.Map<UUID, List<EvidenceView>> byConcern = new java.util.HashMap<>();
        if (concerns.isEmpty()) {
            return byConcern;
        }
        sql.list(
                "list concerns' evidence",
                "SELECT concern_id, id, file_name, media_type, size_bytes, sha256, uploaded_at FROM concern_evidence"
                        + " WHERE concern_id = ANY(?) ORDER BY uploaded_at, id",
                r -> byConcern
                        .computeIfAbsent(r.uuid(1), k -> new ArrayList<>())
                        .add(new EvidenceView(
                                r.uuid(2), r.string(3), r.string(4), r.longValue(5), r.string(6), r.instant(7))),
                (Object) concerns.toArray(UUID[]::new));
        return byConcern;
    }
}
