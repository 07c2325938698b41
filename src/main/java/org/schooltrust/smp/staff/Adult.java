package org.schooltrust.smp.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An adult working in one or more of the Trust's schools (clause 2.1). A leaver is deactivated, never deleted. Every
 * change bumps {@code version} (the ETag) and {@code updatedAt}; applying the same details again changes nothing.
 */
public final class Adult {

    private final UUID id;
    private final String hrId;
    private String firstName;
    private String lastName;
    private String workEmail;
    private AdultCategory category;
    private boolean active;
    private AdultSource source;
    private List<Assignment> assignments;
    private long version;
    private final Instant createdAt;
    private Instant updatedAt;

    Adult(
            UUID id,
            String hrId,
            AdultDetails details,
            AdultSource source,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.hrId = hrId;
        this.firstName = details.firstName();
        this.lastName = details.lastName();
        this.workEmail = details.workEmail();
        this.category = details.category();
        this.active = details.active();
        this.source = source;
        this.assignments = details.assignments();
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new record, first seen now. */
    public static Adult register(String hrId, AdultDetails details, AdultSource source, Instant now) {
        return new Adult(UUID.randomUUID(), hrId, details, source, 1, now, now);
    }

    /**
     * Replaces the details (and who keeps the record). Returns the names of the fields that changed; when none did,
     * nothing is touched — no new version, no new {@code updatedAt}.
     */
    public List<String> update(AdultDetails details, AdultSource newSource, Instant now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(firstName, details.firstName())) {
            firstName = details.firstName();
            changed.add("firstName");
        }
        if (!Objects.equals(lastName, details.lastName())) {
            lastName = details.lastName();
            changed.add("lastName");
        }
        if (!Objects.equals(workEmail, details.workEmail())) {
            workEmail = details.workEmail();
            changed.add("workEmail");
        }
        if (category != details.category()) {
            category = details.category();
            changed.add("category");
        }
        if (active != details.active()) {
            active = details.active();
            changed.add("active");
        }
        if (!assignments.equals(details.assignments())) {
            assignments = details.assignments();
            changed.add("assignments");
        }
        if (source != newSource) {
            source = newSource;
            changed.add("source");
        }
        if (!changed.isEmpty()) {
            touch(now);
        }
        return changed;
    }

    /** HR no longer lists this adult: they become inactive (never deleted). Returns whether anything changed. */
    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        touch(now);
        return true;
    }

    /** Whether a full HR sync that does not list this adult should deactivate them. */
    public boolean isManagedByHr() {
        return source == AdultSource.HR;
    }

    public boolean isAssignedToAnyOf(Collection<String> schoolUrns) {
        return assignments.stream().anyMatch(a -> schoolUrns.contains(a.schoolUrn()));
    }

    public Set<String> schoolUrns() {
        return assignments.stream().map(Assignment::schoolUrn).collect(java.util.stream.Collectors.toSet());
    }

    /** Schools the adult has not left by {@code day}: assignments without an end date, or ending on or after it. */
    public Set<String> schoolsNotLeftBy(LocalDate day) {
        return assignments.stream()
                .filter(a -> a.endDate() == null || !a.endDate().isBefore(day))
                .map(Assignment::schoolUrn)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Schools of {@code before} the adult has left by {@code day}: all of them once inactive, else those whose
     * assignments were removed or have ended.
     */
    public Set<String> schoolsLeftSince(Set<String> before, LocalDate day) {
        Set<String> left = new java.util.TreeSet<>(before);
        if (active) {
            left.removeAll(schoolsNotLeftBy(day));
        }
        return left;
    }

    /** The one rule for "works at this school": active, with an assignment there current on {@code day}. */
    public boolean worksAt(String schoolUrn, LocalDate day) {
        return active && assignments.stream().anyMatch(a -> a.schoolUrn().equals(schoolUrn) && a.isCurrentOn(day));
    }

    /** Schools the adult works at on {@code day} (see {@link #worksAt}). */
    public Set<String> schoolsWorkedAt(LocalDate day) {
        if (!active) {
            return Set.of();
        }
        return currentAssignments(day).stream()
                .map(Assignment::schoolUrn)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Schools where the adult works on {@code day} with {@code responsibility} on a current assignment there: where
     * the register names them Head of School or DSL (authority and whom to tell, ADR 0011, 0016).
     */
    public Set<String> schoolsHolding(Responsibility responsibility, LocalDate day) {
        if (!active) {
            return Set.of();
        }
        return currentAssignments(day).stream()
                .filter(a -> a.responsibilities().contains(responsibility))
                .map(Assignment::schoolUrn)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * The same record showing only the assignments at {@code schoolUrns}: what a Head may see of an adult who also
     * works elsewhere. The version is unchanged, so the ETag is the record's.
     */
    Adult showingOnlySchools(Set<String> schoolUrns) {
        List<Assignment> shown = assignments.stream()
                .filter(a -> schoolUrns.contains(a.schoolUrn()))
                .toList();
        if (shown.size() == assignments.size()) {
            return this;
        }
        Adult copy = new Adult(
                id,
                hrId,
                new AdultDetails(firstName, lastName, workEmail, category, active, shown),
                source,
                version,
                createdAt,
                updatedAt);
        return copy;
    }

    public List<Assignment> currentAssignments(LocalDate day) {
        return assignments.stream().filter(a -> a.isCurrentOn(day)).toList();
    }

    private void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String hrId() {
        return hrId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String workEmail() {
        return workEmail;
    }

    public AdultCategory category() {
        return category;
    }

    public boolean active() {
        return active;
    }

    public AdultSource source() {
        return source;
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
