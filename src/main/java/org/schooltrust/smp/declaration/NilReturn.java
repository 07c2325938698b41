package org.schooltrust.smp.declaration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** "I have no family relationship with any pupil at this school" — so the Head can tell it from "not answered". */
@Entity
@Table(name = "family_nil_returns")
public class NilReturn extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "adult_id", nullable = false)
    UUID adultId;

    @Column(name = "school_urn", nullable = false, length = 6)
    String schoolUrn;

    @Column(name = "declared_at", nullable = false)
    Instant declaredAt;

    protected NilReturn() {}

    static NilReturn declare(UUID adultId, String schoolUrn, Instant now) {
        NilReturn nil = new NilReturn();
        nil.id = UUID.randomUUID();
        nil.adultId = adultId;
        nil.schoolUrn = schoolUrn;
        nil.declaredAt = now;
        return nil;
    }

    public UUID id() {
        return id;
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public Instant declaredAt() {
        return declaredAt;
    }
}
