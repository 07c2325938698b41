package org.schooltrust.smp.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.time.TimeSource;

/** Disposes of events older than the feed's retention ({@code SMP_EVENTS_RETENTION}, default 90 days). */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    @Inject
    EventsConfig config;

    @Inject
    EventStore store;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TimeSource time;

    @Scheduled(
            every = "${smp.events.retention-sweep}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** One sweep, by one replica at a time; returns how many events were disposed of. */
    @Transactional
    public int sweep() {
        if (!locks.tryLock(AdvisoryLocks.Lock.EVENT_RETENTION)) {
            return 0;
        }
        int disposed = store.disposeBefore(time.now().minus(config.retention()));
        if (disposed > 0) {
            LOG.infof("event retention disposed of %d events", disposed);
        }
        return disposed;
    }
}
