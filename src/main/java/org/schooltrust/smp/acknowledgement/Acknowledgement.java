package org.schooltrust.smp.acknowledgement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One adult's acknowledgement of one policy version at one school. Immutable (a trigger refuses changes). */
@Entity
@Immutable
@Table(name = "acknowledgements")
public class Acknowledgement extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "adult_id", nullable = false)
    UUID adultId;

    @Column(name = "version_id", nullable = false)
    UUID versionId;

    @Column(name = "school_urn", nullable = false, length = 6)
    String schoolUrn;

    @Column(name = "body_sha256", nullable = false, length = 64)
    String bodySha256;

    @Column(name = "local_text_id")
    UUID localTextId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> statements;

    @Column(name = "acknowledged_at", nullable = false)
    Instant acknowledgedAt;

    @Column(name = "client_id")
    String clientId;

    @Column(name = "user_agent", length = 512)
    String userAgent;

    protected Acknowledgement() {}
}
