package org.schooltrust.smp.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schooltrust.smp.audit.AuditCheckpointed;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.event.EventService;

/**
 * The one way a feature records a change (issue 22; ADR 0014): once, in the caller's transaction, as its audit entry
 * and the events its action produces — both at the same instant, so a rolled-back change leaves neither. The audit
 * trail and the event feed do not know each other; this sits above both. Entries name a feature's typed action
 * ({@code XAction}); {@code EventCatalogTest} holds the actions and the event catalog to each other.
 */
@ApplicationScoped
public class ChangeLog {

    @Inject
    AuditLog audit;

    @Inject
    EventService events;

    @Inject
    TimeSource time;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry change) {
        recordAll(List.of(change));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<AuditEntry> changes) {
        var now = time.now();
        audit.append(changes, now);
        events.publish(changes, now);
    }

    /** A signed audit checkpoint: published, not appended (it is about the chain itself). */
    void checkpointed(@Observes AuditCheckpointed checkpoint) {
        events.publish(List.of(checkpoint.entry()), checkpoint.at());
    }
}
