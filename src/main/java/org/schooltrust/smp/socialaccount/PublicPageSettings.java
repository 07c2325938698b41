package org.schooltrust.smp.socialaccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.schooltrust.smp.common.records.Changed;

/**
 * What a school tells parents on its public page beside the register (issue 28): the platforms it does not use, how it
 * will never contact them, when its accounts are watched, how to report a fake, and who runs its accounts — a role or
 * team, never a person. No personal data. {@code version} 0 means never saved (the defaults).
 */
public record PublicPageSettings(
        String schoolUrn,
        Set<Platform> platformsNotUsed,
        String neverContact,
        String monitoringHours,
        String reportContact,
        String runBy,
        long version,
        Instant updatedAt) {

    public PublicPageSettings {
        platformsNotUsed = platformsNotUsed == null || platformsNotUsed.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(platformsNotUsed));
    }

    /** A school that has saved nothing yet. */
    static PublicPageSettings defaults(String schoolUrn) {
        return new PublicPageSettings(schoolUrn, Set.of(), null, null, null, null, 0, null);
    }

    /**
     * These settings replaced by {@code next}'s values: the new settings and the names of the fields that changed
     * (none: nothing is written, the version stays).
     */
    Changed<PublicPageSettings> replacedBy(
            Set<Platform> notUsed, String never, String hours, String report, String runByNext, Instant now) {
        List<String> changed = new ArrayList<>();
        PublicPageSettings next =
                new PublicPageSettings(schoolUrn, notUsed, never, hours, report, runByNext, version + 1, now);
        if (!next.platformsNotUsed.equals(platformsNotUsed)) {
            changed.add("platformsNotUsed");
        }
        if (!Objects.equals(never, neverContact)) {
            changed.add("neverContact");
        }
        if (!Objects.equals(hours, monitoringHours)) {
            changed.add("monitoringHours");
        }
        if (!Objects.equals(report, reportContact)) {
            changed.add("reportContact");
        }
        if (!Objects.equals(runByNext, runBy)) {
            changed.add("runBy");
        }
        return changed.isEmpty() ? Changed.none(this) : new Changed<>(next, changed);
    }

    /** The settings after a change, and which fields changed. */

    /** The platforms the school says it does not use, without any it has an official account on. */
    List<Platform> platformsNotUsedBesides(Set<Platform> withAccounts) {
        return platformsNotUsed.stream()
                .filter(p -> p != Platform.OTHER && !withAccounts.contains(p))
                .sorted()
                .toList();
    }
}
