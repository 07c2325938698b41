package org.schooltrust.smp.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.staff.ProvisionedMatch;

/**
 * The filters provisioning clients send to find a user or group before writing it (issue 29): {@code eq} on one
 * attribute, or several joined by {@code and} — parsed by the UnboundID SCIM 2 SDK's filter parser (ADR 0025). Any
 * other operator or attribute is 400 {@code invalidFilter}; nothing is searched.
 */
final class ScimFilters {

    /** A group search: each null when not asked. */
    record GroupMatch(String id, String displayName, String externalId) {}

    private static final java.util.regex.Pattern WORK_EMAIL_PATH =
            java.util.regex.Pattern.compile("(?i)emails\\[\\s*type\\s+eq\\s+\"work\"\\s*]\\.value");

    /** An id no user or group has. */
    static final String NOTHING = new UUID(0, 0).toString();

    private ScimFilters() {}

    static ProvisionedMatch users(String filter, List<String> hrIdAttributes) {
        Map<String, String> equal = equalities(filter);
        UUID id = null;
        String userName = null;
        String externalId = null;
        String workEmail = null;
        String hrId = null;
        for (Map.Entry<String, String> term : equal.entrySet()) {
            String key = ScimAttributes.key(term.getKey());
            String value = term.getValue();
            if (key.equals("id")) {
                id = uuidOrNone(value);
            } else if (key.equals("username")) {
                userName = value;
            } else if (key.equals("externalid")) {
                externalId = value;
            } else if (key.equals(ScimAttributes.WORK_EMAIL) || key.equals("emails.value") || key.equals("emails")) {
                workEmail = value;
            } else if (hrIdAttributes.stream().map(ScimAttributes::key).anyMatch(key::equals)) {
                hrId = value;
            } else {
                throw ScimException.invalidFilter("Users can be filtered by userName, externalId, id,"
                        + " emails[type eq \"work\"].value and the HR id attribute, not " + term.getKey() + ".");
            }
        }
        return new ProvisionedMatch(id, userName, externalId, workEmail, hrId);
    }

    static GroupMatch groups(String filter) {
        Map<String, String> equal = equalities(filter);
        String id = null;
        String displayName = null;
        String externalId = null;
        for (Map.Entry<String, String> term : equal.entrySet()) {
            switch (term.getKey()
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace(ScimAttributes.CORE_GROUP.toLowerCase(java.util.Locale.ROOT) + ":", "")) {
                case "id" -> id = term.getValue();
                case "displayname" -> displayName = term.getValue();
                case "externalid" -> externalId = term.getValue();
                default ->
                    throw ScimException.invalidFilter(
                            "Groups can be filtered by displayName, externalId and id, not " + term.getKey() + ".");
            }
        }
        return new GroupMatch(id, displayName, externalId);
    }

    /** An id that is not a UUID names no user: the search answers nothing rather than an error. */
    private static UUID uuidOrNone(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    /** {@code a eq "x" and b eq "y"} → {a: x, b: y}; empty for no filter. */
    private static Map<String, String> equalities(String filter) {
        Map<String, String> terms = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return terms;
        }
        Filter parsed;
        try {
            // Entra filters by emails[type eq "work"].value, which RFC 7644's grammar (and so the parser) has no place
            // for: the register keeps only the work address, so it is read as emails.value
            parsed = Filter.fromString(WORK_EMAIL_PATH.matcher(filter).replaceAll("emails.value"));
        } catch (BadRequestException | RuntimeException e) {
            throw ScimException.invalidFilter("The filter cannot be read: " + e.getMessage());
        }
        List<Filter> pending = new ArrayList<>(List.of(parsed));
        while (!pending.isEmpty()) {
            Filter f = pending.remove(0);
            if (f.getFilterType() == FilterType.AND) {
                pending.addAll(f.getCombinedFilters());
            } else if (f.getFilterType() == FilterType.EQUAL
                    && f.getComparisonValue() != null
                    && f.getComparisonValue().isTextual()) {
                String attribute = f.getAttributePath().toString();
                String earlier =
                        terms.putIfAbsent(attribute, f.getComparisonValue().asText());
                if (earlier != null && !earlier.equals(f.getComparisonValue().asText())) {
                    terms.put("id", NOTHING); // one attribute equal to two values: nothing can match
                }
            } else {
                throw ScimException.invalidFilter("Only eq with a string value, joined by and, is supported.");
            }
        }
        return terms;
    }
}
