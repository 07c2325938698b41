package org.schooltrust.smp.policy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.staff.AdultCategory;

/**
 * On an empty database, loads the Trust's Social Media Policy (resources/policy/social-media-policy.txt) as version
 * 1.0 of {@code social-media}: published, material, for every school and every category of adult, with each numbered
 * clause split out. Safe with several replicas starting at once (transaction-scoped advisory lock).
 */
@ApplicationScoped
public class SeedPolicy {

    @Inject
    TimeSource time;

    public static final String SLUG = "social-media";
    public static final String LABEL = "1.0";
    static final List<Statement> STATEMENTS = List.of(
            new Statement("READ_AND_UNDERSTOOD", "I have read and understood this policy."),
            new Statement(
                    "MONITORING_CONSENT",
                    "I understand that my use of school IT systems may be monitored and I consent to it (clause 3.3)."),
            new Statement(
                    "PRIVACY_SETTINGS_REVIEWED",
                    "I have reviewed my social networking sites and their privacy settings (clause 5.2)."));
    private static final Logger LOG = Logger.getLogger(SeedPolicy.class);

    @Inject
    ChangeLog changes;

    @Inject
    AdvisoryLocks locks;

    @Transactional
    void loadIfAbsent(@Observes StartupEvent start) {
        locks.lock(AdvisoryLocks.Lock.SEED_POLICY);
        Optional<Policy> existing = Policy.bySlug(SLUG);
        if (existing.isPresent()) {
            return;
        }
        Instant now = time.now();
        Policy policy = Policy.create(SLUG, "Social Media Policy", now);
        policy.persist();
        String body = text();
        PolicyVersion version = PolicyVersion.draft(
                policy,
                LABEL,
                new VersionContent(
                        body,
                        ClauseSplitter.split(body),
                        STATEMENTS,
                        true,
                        true,
                        List.of(),
                        EnumSet.allOf(AdultCategory.class),
                        List.of(),
                        28,
                        14),
                now);
        version.publish(Optional.empty(), now);
        version.persist();
        changes.record(
                new AuditEntry(PolicyAction.CREATED, PolicyService.POLICY, SLUG, null, List.of("slug", "title")));
        changes.record(new AuditEntry(
                PolicyAction.VERSION_PUBLISHED, PolicyService.VERSION, SLUG + "@" + LABEL, null, List.of("status")));
        LOG.infof(
                "Loaded the seed policy %s %s with %d clauses",
                SLUG, LABEL, version.clauses().size());
    }

    static String text() {
        try (InputStream in = SeedPolicy.class.getResourceAsStream("/policy/social-media-policy.txt")) {
            if (in == null) {
                throw new IllegalStateException("policy/social-media-policy.txt is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
