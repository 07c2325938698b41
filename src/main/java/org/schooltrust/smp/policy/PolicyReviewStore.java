package org.schooltrust.smp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.staff.Responsibility;

/** Policies' owners and review dates (V30): one versioned row per policy. */
@ApplicationScoped
class PolicyReviewStore {

    private static final String COLUMNS = "r.policy_id, r.owner_adult_id, r.owner_responsibility, r.owner_school_urn,"
            + " r.review_date, r.version, r.updated_at";

    /** A review with what the API shows beside it. */
    record Row(PolicyReview review, String slug, String title, String ownerHrId) {}

    @Inject
    Sql sql;

    Optional<PolicyReview> find(UUID policyId, boolean lock) {
        return sql.first(
                "read a policy's review",
                "SELECT " + COLUMNS + " FROM policy_reviews r WHERE r.policy_id = ?" + (lock ? " FOR UPDATE" : ""),
                PolicyReviewStore::map,
                policyId);
    }

    /** Every policy with a review, by slug; only those past their date when {@code overdueOn} is set. */
    List<Row> all(java.time.LocalDate overdueOn) {
        return sql.list(
                "read the policies' reviews",
                "SELECT " + COLUMNS + ", p.slug, p.title, a.hr_id FROM policy_reviews r JOIN policies p"
                        + " ON p.id = r.policy_id LEFT JOIN adults a ON a.id = r.owner_adult_id"
                        + " WHERE (?::date IS NULL OR r.review_date < ?) ORDER BY p.slug",
                row -> new Row(map(row), row.string(8), row.string(9), row.string(10)),
                overdueOn,
                overdueOn);
    }

    void save(PolicyReview next) {
        int written = next.version() == 1
                ? sql.update(
                        "record a policy's review",
                        "INSERT INTO policy_reviews (policy_id, owner_adult_id, owner_responsibility, owner_school_urn,"
                                + " review_date, version, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)"
                                + " ON CONFLICT (policy_id) DO NOTHING",
                        next.policyId(),
                        next.ownerAdultId(),
                        next.ownerResponsibility(),
                        next.ownerSchoolUrn(),
                        next.reviewDate(),
                        next.updatedAt())
                : sql.update(
                        "update a policy's review",
                        "UPDATE policy_reviews SET owner_adult_id = ?, owner_responsibility = ?, owner_school_urn = ?,"
                                + " review_date = ?, version = ?, updated_at = ? WHERE policy_id = ? AND version = ?",
                        next.ownerAdultId(),
                        next.ownerResponsibility(),
                        next.ownerSchoolUrn(),
                        next.reviewDate(),
                        next.version(),
                        next.updatedAt(),
                        next.policyId(),
                        next.version() - 1);
        Versions.require(written == 1, "policy review");
    }

    private static PolicyReview map(Sql.Row row) throws SQLException {
        String responsibility = row.string(3);
        return new PolicyReview(
                row.uuid(1),
                row.uuid(2),
                responsibility == null ? null : Responsibility.valueOf(responsibility),
                row.string(4),
                row.date(5),
                row.longValue(6),
                row.instant(7));
    }
}
