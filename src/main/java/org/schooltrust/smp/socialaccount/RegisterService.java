package org.schooltrust.smp.socialaccount;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.web.QueryParams;
import org.schooltrust.smp.socialaccount.Canonicalizer.Canonical;
import org.schooltrust.smp.socialaccount.RegisterViews.CanonicalRef;
import org.schooltrust.smp.socialaccount.RegisterViews.RegisterEntry;
import org.schooltrust.smp.socialaccount.RegisterViews.SchoolRef;
import org.schooltrust.smp.socialaccount.RegisterViews.Verification;

/**
 * The public register of official school accounts, for any authenticated caller (external apps use
 * {@code register-reader}): ACTIVE accounts across the Trust, delta reads with tombstones, a strong ETag computed
 * before any page is loaded, and verification of a URL or handle.
 */
@ApplicationScoped
public class RegisterService {

    @Inject
    RegisterQueries queries;

    @Inject
    SecurityIdentity identity;

    /**
     * A strong ETag for one register answer: a hash of everything the answer depends on (the register's fingerprint
     * from the database, and the query), so it is the same on every replica and changes whenever the body would.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public EntityTag etag(Instant updatedSince, PageParams page) {
        requireAuthenticated();
        String basis = String.join(
                "\u001f",
                "register-v1",
                queries.fingerprint(),
                Integer.toString(page.limit()),
                page.cursor == null ? "" : page.cursor,
                updatedSince == null ? "" : updatedSince.toString());
        return new EntityTag(sha256(basis).substring(0, 32));
    }

    /**
     * Without {@code updatedSince}: ACTIVE accounts by school URN. With it: every account that entered, changed on or
     * left the register since then, oldest change first, suspended and retired ones with {@code removed: true}.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public Page<RegisterEntry> list(Instant updatedSince, PageParams page) {
        requireAuthenticated();
        int fetch = page.limit() + 1;
        if (updatedSince == null) {
            String afterUrn = "";
            UUID afterId = RegisterQueries.BEFORE_ALL;
            if (page.cursor != null) {
                List<String> keys = Cursor.decode(page.cursor, 2);
                afterUrn = Cursor.shaped(keys.get(0), Cursor.URN);
                afterId = Cursor.uuid(keys.get(1));
            }
            return Page.of(
                    queries.active(afterUrn, afterId, fetch),
                    page.limit(),
                    e -> Cursor.encode(e.schoolUrn(), e.id().toString()));
        }
        Instant afterChanged = updatedSince;
        UUID afterId = RegisterQueries.BEFORE_ALL;
        if (page.cursor != null) {
            Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
            afterChanged = after.time();
            afterId = after.id();
        }
        Function<RegisterEntry, String> cursorOf = e -> Cursor.TimeAndId.encode(e.updatedAt(), e.id());
        return Page.of(queries.changedSince(updatedSince, afterChanged, afterId, fetch), page.limit(), cursorOf);
    }

    /** Is this URL (or platform and handle) an official account? Exactly one of the two forms must be given. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Verification verify(String url, String platform, String handle) {
        requireAuthenticated();
        boolean byUrl = url != null && !url.isBlank();
        boolean byHandle = platform != null && !platform.isBlank() || handle != null && !handle.isBlank();
        List<FieldError> errors = new ArrayList<>();
        if (byUrl && byHandle) {
            errors.add(new FieldError("url", "give either url, or platform and handle, not both"));
        } else if (!byUrl && !byHandle) {
            errors.add(new FieldError("url", "give url, or platform and handle"));
        } else if (byHandle) {
            if (platform == null || platform.isBlank()) {
                errors.add(new FieldError("platform", "is required with handle"));
            }
            if (handle == null || handle.isBlank()) {
                errors.add(new FieldError("handle", "is required with platform"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Optional<Canonical> canonical = byUrl
                ? Canonicalizer.fromUrl(url)
                : Canonicalizer.fromHandle(QueryParams.enumValue("platform", platform, Platform.class, null), handle);
        if (canonical.isEmpty()) {
            return new Verification(false, null, null, null);
        }
        Canonical c = canonical.get();
        CanonicalRef read = new CanonicalRef(c.platform(), c.handle(), c.url());
        return queries.active(c.platform(), c.handle())
                .map(e -> new Verification(true, e, new SchoolRef(e.schoolUrn(), e.schoolName()), read))
                .orElseGet(() -> new Verification(false, null, null, read));
    }

    /**
     * A school's accounts for its public page (issue 28), read without a login: the register is public by design and
     * these rows carry no adult's data.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<PublicAccount> publicAccounts(String schoolUrn) {
        return queries.publicAccounts(schoolUrn);
    }

    /** Official accounts per school, for the Trust's public page. */
    @Transactional(dontRollbackOn = ApiException.class)
    public java.util.Map<String, Long> officialCounts() {
        return queries.officialCounts();
    }

    /** What the public page's check answers. */
    public enum CheckAnswer {
        /** On the register now. */
        OFFICIAL,
        /** Was the school's account: suspended or retired. */
        NO_LONGER_USED,
        /** Anything else, including whatever cannot be read: the check fails closed. */
        NOT_THIS_SCHOOL
    }

    /** The answer and the account it concerns, if any. */
    public record Check(CheckAnswer answer, PublicAccount account) {}

    /**
     * Is this link or handle one of the school's accounts? A link is read by the register's canonicaliser; a bare
     * handle is tried on each platform the school has been on. Only an exact canonical match counts: a look-alike,
     * another school's account or anything unreadable is {@code NOT_THIS_SCHOOL}, never official.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public Check checkForSchool(String schoolUrn, String input) {
        List<PublicAccount> accounts = queries.publicAccounts(schoolUrn);
        String text = input == null ? "" : input.strip();
        List<Canonical> candidates = new ArrayList<>();
        if (text.contains("/") || text.contains("://")) {
            Canonicalizer.fromUrl(text.contains("://") ? text : "https://" + text)
                    .ifPresent(candidates::add);
        } else if (!text.isEmpty()) {
            accounts.stream()
                    .map(PublicAccount::platform)
                    .distinct()
                    .forEach(p -> Canonicalizer.fromHandle(p, text).ifPresent(candidates::add));
        }
        Check best = new Check(CheckAnswer.NOT_THIS_SCHOOL, null);
        for (Canonical c : candidates) {
            for (PublicAccount a : accounts) {
                if (a.platform() == c.platform() && a.handle().equals(c.handle())) {
                    if (a.official()) {
                        return new Check(CheckAnswer.OFFICIAL, a);
                    }
                    best = new Check(CheckAnswer.NO_LONGER_USED, a);
                }
            }
        }
        return best;
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
