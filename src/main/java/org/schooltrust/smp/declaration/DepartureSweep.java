package org.schooltrust.smp.declaration;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Ends active declarations of adults who no longer work at the school because an assignment's end date has passed
 * (HR records a leaver ahead of time), or who are inactive. Removals and deactivations end them at once
 * ({@code AdultsLeftSchools}); this catches end dates that pass later. Safe with several replicas: a run that cannot
 * take the transaction-scoped advisory lock does nothing.
 */
@ApplicationScoped
public class DepartureSweep {

    @Inject
    DeclarationStore store;

    @Inject
    TimeSource time;

    @Inject
    DeclarationRecords declarations;

    @Inject
    AdvisoryLocks locks;

    @Scheduled(
            every = "${smp.declarations.departure-sweep:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void scheduled() {
        endDeparted();
    }

    /** Runs the sweep now; returns how many declarations it ended (0 when another replica holds the lock). */
    @Transactional
    public int sweep() {
        return endDeparted();
    }

    private int endDeparted() {
        if (!locks.tryLock(AdvisoryLocks.Lock.DEPARTURE_SWEEP)) {
            return 0;
        }
        List<UUID> ids = store.ofDepartedAdults(time.today());
        if (ids.isEmpty()) {
            return 0;
        }
        List<FamilyDeclaration> leaving =
                FamilyDeclaration.<FamilyDeclaration>find("id in ?1", ids)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list()
                        .stream()
                        .filter(d -> d.status().isActive())
                        .toList();
        declarations.endAll(leaving, EndReason.ADULT_LEFT);
        return leaving.size();
    }
}
