package org.schooltrust.smp.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A school of the Trust, keyed by its 6-digit DfE URN. */
@Entity
@Table(name = "schools")
public class School extends PanacheEntityBase {

    @Id
    @Column(length = 6)
    String urn;

    @Column(nullable = false, length = 200)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    SchoolStatus status;

    @Version
    @Column(nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected School() {}

    static School open(String urn, String name, SchoolStatus status, Instant now) {
        School school = new School();
        school.urn = urn;
        school.name = name;
        school.status = status;
        school.createdAt = now;
        school.updatedAt = now;
        return school;
    }

    /** Applies new details; returns the names of the fields that changed (none: nothing is touched). */
    List<String> update(String newName, SchoolStatus newStatus, Instant now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, newName)) {
            name = newName;
            changed.add("name");
        }
        if (status != newStatus) {
            status = newStatus;
            changed.add("status");
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    public String urn() {
        return urn;
    }

    public String name() {
        return name;
    }

    public SchoolStatus status() {
        return status;
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
