package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.school.School;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.socialaccount.PublicPageInputs.SettingsInput;
import org.schooltrust.smp.socialaccount.RegisterService.Check;

/**
 * The public "is this really the school's account?" page (issue 28): what it shows, read through the register service
 * the API uses, and the settings a Head or trust-admin keeps for it (audited, published as events).
 */
@ApplicationScoped
public class PublicPageService {

    /** The longest link or handle the check reads; longer is a friendly error, never an attempt. */
    public static final int MAX_INPUT = 2048;

    @Inject
    RegisterService register;

    @Inject
    SchoolService schools;

    @Inject
    PublicPageStore store;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    /** One school's page: its accounts by what a parent needs to know, and its settings. */
    public record SchoolPage(
            School school,
            List<PublicAccount> official,
            List<PublicAccount> noLongerUsed,
            List<Platform> platformsNotUsed,
            PublicPageSettings settings) {}

    /** A school on the Trust's page. */
    public record SchoolLink(String urn, String name, long officialAccounts) {}

    @Transactional
    public SchoolPage schoolPage(String urn) {
        School school = school(urn);
        List<PublicAccount> accounts = register.publicAccounts(urn);
        PublicPageSettings settings = store.find(urn).orElseGet(() -> PublicPageSettings.defaults(urn));
        Set<Platform> withAccounts = accounts.stream()
                .filter(PublicAccount::official)
                .map(PublicAccount::platform)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
        return new SchoolPage(
                school,
                accounts.stream().filter(PublicAccount::official).toList(),
                accounts.stream().filter(a -> !a.official()).toList(),
                settings.platformsNotUsedBesides(withAccounts),
                settings);
    }

    @Transactional
    public List<SchoolLink> trustPage() {
        Map<String, Long> counts = register.officialCounts();
        return schools.all(1000).stream()
                .map(s -> new SchoolLink(s.urn(), s.name(), counts.getOrDefault(s.urn(), 0L)))
                .toList();
    }

    /** The check box: the school must exist; the input is read by the register, failing closed. */
    @Transactional
    public Check check(String urn, String input) {
        school(urn);
        return register.checkForSchool(urn, input);
    }

    /** A Head of the school, or trust-admin. */
    @Transactional
    public PublicPageSettings settings(String urn) {
        requireEditor(urn);
        return store.find(urn).orElseGet(() -> PublicPageSettings.defaults(urn));
    }

    @Transactional
    public Versioned<PublicPageSettings> update(String urn, SettingsInput input, String ifMatch) {
        requireEditor(urn);
        PublicPageSettings current = store.find(urn).orElseGet(() -> PublicPageSettings.defaults(urn));
        ETags.checkIfPresent(ifMatch, current.version() == 0 ? null : current.version());
        Set<Platform> notUsed = EnumSet.noneOf(Platform.class);
        input.platformsNotUsed().forEach(p -> notUsed.add(Platform.valueOf(p)));
        Changed<PublicPageSettings> changed = current.replacedBy(
                notUsed,
                blankToNull(input.neverContact()),
                blankToNull(input.monitoringHours()),
                blankToNull(input.reportContact()),
                blankToNull(input.runBy()),
                time.now());
        if (!changed.fields().isEmpty()) {
            store.save(changed.next());
            changes.record(
                    new AuditEntry(SocialAccountAction.PUBLIC_PAGE_UPDATED, "school", urn, urn, changed.fields()));
        }
        return new Versioned<>(
                changed.next(),
                changed.next().version(),
                current.version() == 0 && !changed.fields().isEmpty());
    }

    private void requireEditor(String urn) {
        if (!caller.seesWholeTrust() && !caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school with URN " + urn + " is visible to you.");
        }
        school(urn);
    }

    private School school(String urn) {
        if (urn == null || !urn.matches("\\d{6}")) {
            throw new ResourceNotFoundException("No school with URN " + urn + ".");
        }
        return schools.get(urn);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
