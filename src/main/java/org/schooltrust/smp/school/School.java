package org.schooltrust.smp.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.schooltrust.smp.common.db.VersionedEntity;

/** A school of the Trust, keyed by its 6-digit DfE URN. */
@Entity
@Table(name = "schools")
public class School extends VersionedEntity {

    @Id
    @Column(length = 6)
    String urn;

    @Column(nullable = false, length = 200)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    SchoolStatus status;

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
}
