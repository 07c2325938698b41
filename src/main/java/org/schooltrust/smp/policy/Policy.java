package org.schooltrust.smp.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A policy of the Trust, e.g. {@code social-media}; its text lives in its versions. */
@Entity
@Table(name = "policies")
public class Policy extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(nullable = false, unique = true, length = 64)
    String slug;

    @Column(nullable = false, length = 200)
    String title;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Policy() {}

    static Policy create(String slug, String title, Instant now) {
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        policy.slug = slug;
        policy.title = title;
        policy.createdAt = now;
        return policy;
    }

    static Optional<Policy> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
