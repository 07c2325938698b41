package org.schooltrust.smp.audit;

import java.time.Instant;

/**
 * A signed audit checkpoint was written (a CDI event): the change log publishes it to the event feed, so copies exist
 * outside the database, without the audit package knowing the feed.
 */
public record AuditCheckpointed(AuditEntry entry, Instant at) {}
