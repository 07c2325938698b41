package org.schooltrust.smp.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every PostgreSQL advisory lock the service takes, in one place. All are transaction-scoped: released at commit or
 * rollback, never leaked by a crashed replica. They serialise writers across replicas where commit order matters.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** The named locks and what they serialise. */
    public enum Lock {
        /** Writers of the staff register: concurrent syncs run one after another; {@code updated_at} follows commits. */
        STAFF_REGISTER(0x5350_5354_4146_4601L),
        /** Appenders to the audit chain, so the hash chain never forks. */
        AUDIT_CHAIN(0x5350_4155_4449_5401L),
        /** Appenders to the read-audit chain (human reads), which never take {@link #AUDIT_CHAIN}. */
        AUDIT_READ_CHAIN(0x5350_4155_4452_4401L),
        /** Appenders to the records-acts audit chain (retention, holds, disposal, subject access). */
        AUDIT_RECORDS_CHAIN(0x5350_4155_5245_4301L),
        /** Loading the seed policy on an empty database, once however many replicas start together. */
        SEED_POLICY(0x5350_5345_4544_0001L),
        /** Changes that reach the public register (accounts and school names), so its delta reads miss nothing. */
        PUBLIC_REGISTER(0x5350_534F_4341_4301L),
        /** The declaration departure sweep: one replica at a time. */
        DEPARTURE_SWEEP(0x5350_5357_4545_5001L),
        /** The event retention sweep: one replica at a time. */
        EVENT_RETENTION(0x5350_4556_5245_5401L),
        /** Fan-out of feed events to webhook deliveries: per endpoint rows are locked, this guards the sweep. */
        WEBHOOK_FANOUT(0x5350_5748_4B46_4F01L),
        /** A reminder run: runs on N replicas happen one after another, the later finding nothing new to send. */
        REMINDER_RUN(0x5350_5245_4D49_4E01L),
        /** Writing audit checkpoints: one replica at a time. */
        AUDIT_CHECKPOINT(0x5350_4155_4443_4B01L),
        /** A batch of the disposal job: batches of N replicas run one after another, re-reading what is due. */
        DISPOSAL(0x5350_4449_5350_4F01L),
        /**
         * Maintained compliance counts (migration V14, ADR 0020), taken only in SQL: shared by the commit-time
         * recompute of some adults, exclusive by a recompute of every adult and by moving the counts to a new day.
         */
        COMPLIANCE_COUNTS(0x5350_434F_4D50_4C01L);

        private final long key;

        Lock(long key) {
            this.key = key;
        }

        /** The PostgreSQL advisory-lock key. */
        public long key() {
            return key;
        }
    }

    @Inject
    EntityManager em;

    /** Waits for the lock; held until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Lock lock) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, lock.key)
                .getSingleResult();
    }

    /** Takes the lock if free; returns false (without waiting) when another transaction holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(Lock lock) {
        Object taken = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lock.key)
                .getSingleResult();
        return Boolean.TRUE.equals(taken);
    }

    /** Waits for a lock named by a string (e.g. one per adult); held until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name)
                .getSingleResult();
    }
}
