package org.schooltrust.smp.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.school.SchoolInputs.SchoolInput;

@ApplicationScoped
public class SchoolService {

    @Inject
    TimeSource time;

    static final String AUDIT_TYPE = "school";

    @Inject
    ChangeLog changes;

    @Inject
    AdvisoryLocks locks;

    /** Creates or replaces a school; sending the same details again changes nothing. */
    @Transactional
    public Versioned<School> upsert(String urn, SchoolInput input, String ifMatch) {
        locks.lock(AdvisoryLocks.Lock.PUBLIC_REGISTER); // school names are part of the register's delta reads
        Optional<School> existing = School.findByIdOptional(urn, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfPresent(ifMatch, existing.map(School::version).orElse(null));
        Instant now = time.now();
        if (existing.isEmpty()) {
            School school = School.open(urn, input.name(), SchoolStatus.valueOf(input.status()), now);
            school.persistAndFlush();
            changes.record(new AuditEntry(SchoolAction.CREATED, AUDIT_TYPE, urn, urn, List.of("name", "status")));
            return Versioned.created(school, school.version());
        }
        School school = existing.get();
        List<String> changed = school.update(input.name(), SchoolStatus.valueOf(input.status()), now);
        if (!changed.isEmpty()) {
            school.flush();
            changes.record(new AuditEntry(SchoolAction.UPDATED, AUDIT_TYPE, urn, urn, changed));
        }
        return Versioned.existing(school, school.version());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public School get(String urn) {
        return School.<School>findByIdOptional(urn)
                .orElseThrow(() -> new ResourceNotFoundException("No school with URN " + urn + "."));
    }

    /** Schools by URN, or by last change when {@code updatedSince} is given (for delta reads). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<School> list(Instant updatedSince, PageParams page) {
        PanacheQuery<School> query;
        if (updatedSince == null) {
            String after = java.util.Objects.requireNonNullElse(Cursor.key(page.cursor, Cursor.URN), "");
            query = School.find("urn > :after", Sort.by("urn"), Parameters.with("after", after));
            return Page.of(query.range(0, page.limit()).list(), page.limit(), s -> Cursor.encode(s.urn()));
        }
        Instant afterTime = updatedSince;
        String afterUrn = "";
        if (page.cursor != null) {
            List<String> keys = Cursor.decode(page.cursor, 2);
            afterTime = Cursor.instant(keys.get(0));
            afterUrn = Cursor.shaped(keys.get(1), Cursor.URN);
        }
        query = School.find(
                "(updatedAt > :t or (updatedAt = :t and urn > :urn)) and updatedAt >= :since",
                Sort.by("updatedAt").and("urn"),
                Parameters.with("t", afterTime).and("urn", afterUrn).and("since", updatedSince));
        return Page.of(
                query.range(0, page.limit()).list(),
                page.limit(),
                s -> Cursor.encode(s.updatedAt().toString(), s.urn()));
    }

    /** Every school of the Trust in URN order, up to {@code max} (a SCIM provider's groups, issue 29). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<School> all(int max) {
        return School.<School>findAll(Sort.by("urn")).range(0, max - 1).list();
    }

    /** Which of these URNs are schools of the Trust. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> existingUrns(Collection<String> urns) {
        if (urns.isEmpty()) {
            return Set.of();
        }
        return School.<School>list("urn in ?1", urns).stream().map(School::urn).collect(Collectors.toSet());
    }
}
