package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.db.Versions;

/** The schools' public-page settings (V29): one versioned row per school. */
@ApplicationScoped
class PublicPageStore {

    @Inject
    Sql sql;

    Optional<PublicPageSettings> find(String urn) {
        return sql.first(
                "read a school's public page settings",
                "SELECT school_urn, platforms_not_used, never_contact, monitoring_hours, report_contact, run_by,"
                        + " version, updated_at FROM school_public_pages WHERE school_urn = ?",
                row -> {
                    Set<Platform> notUsed = EnumSet.noneOf(Platform.class);
                    row.strings(2).forEach(p -> notUsed.add(Platform.valueOf(p)));
                    return new PublicPageSettings(
                            row.string(1),
                            notUsed,
                            row.string(3),
                            row.string(4),
                            row.string(5),
                            row.string(6),
                            row.longValue(7),
                            row.instant(8));
                },
                urn);
    }

    /** Writes the next version; a concurrent writer who got there first makes this one 412. */
    void save(PublicPageSettings next) {
        String[] notUsed =
                next.platformsNotUsed().stream().map(Enum::name).sorted().toArray(String[]::new);
        int written = next.version() == 1
                ? sql.update(
                        "insert a school's public page settings",
                        "INSERT INTO school_public_pages (school_urn, platforms_not_used, never_contact,"
                                + " monitoring_hours, report_contact, run_by, version, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (school_urn) DO NOTHING",
                        next.schoolUrn(),
                        notUsed,
                        next.neverContact(),
                        next.monitoringHours(),
                        next.reportContact(),
                        next.runBy(),
                        next.updatedAt())
                : sql.update(
                        "update a school's public page settings",
                        "UPDATE school_public_pages SET platforms_not_used = ?, never_contact = ?, monitoring_hours = ?,"
                                + " report_contact = ?, run_by = ?, version = ?, updated_at = ?"
                                + " WHERE school_urn = ? AND version = ?",
                        notUsed,
                        next.neverContact(),
                        next.monitoringHours(),
                        next.reportContact(),
                        next.runBy(),
                        next.version(),
                        next.updatedAt(),
                        next.schoolUrn(),
                        next.version() - 1);
        Versions.require(written == 1, "page settings");
    }
}
