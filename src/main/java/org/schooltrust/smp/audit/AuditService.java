package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.schooltrust.smp.audit.AuditViews.AuditEventView;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;

/** The audit trail's reads for its resource: a page of events, and the chains' verification. */
@ApplicationScoped
public class AuditService {

    @Inject
    AuditQueries queries;

    @Inject
    AuditChain chain;

    /** A page of events, filtered, in one transaction. */
    @Transactional
    public Page<AuditEventView> list(String targetType, String targetId, String schoolUrn, PageParams page) {
        return queries.list(new AuditQueries.AuditFilter(targetType, targetId, schoolUrn), page);
    }

    @Transactional
    public AuditViews.Verification verify(Instant from, Instant to) {
        return chain.verify(from, to);
    }
}
