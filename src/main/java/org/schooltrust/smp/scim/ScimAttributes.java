package org.schooltrust.smp.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.Locale;
import java.util.Set;

/**
 * SCIM attribute names, as Entra ID and Okta write them, reduced to one key: case-insensitive (RFC 7643 §2.1), with the
 * schema as a short prefix ({@code enterprise:employeenumber}, {@code smp:responsibilities}; core attributes bare), and
 * the one value filter the register reads ({@code emails[type eq "work"].value} → {@code emails[work].value}). The
 * attributes of the core and enterprise user schemas the register does not keep are known and ignored; anything else is
 * an unknown attribute (400).
 */
final class ScimAttributes {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String SMP = "urn:ietf:params:scim:schemas:extension:smp:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static final String WORK_EMAIL = "emails[work].value";

    /** Core user attributes (RFC 7643 §4.1), lower case. */
    private static final Set<String> CORE = Set.of(
            "id",
            "externalid",
            "meta",
            "schemas",
            "username",
            "name",
            "displayname",
            "nickname",
            "profileurl",
            "title",
            "usertype",
            "preferredlanguage",
            "locale",
            "timezone",
            "active",
            "password",
            "emails",
            "phonenumbers",
            "ims",
            "photos",
            "addresses",
            "groups",
            "entitlements",
            "roles",
            "x509certificates");

    /** Enterprise user attributes (RFC 7643 §4.3). */
    private static final Set<String> ENTERPRISE_ATTRIBUTES =
            Set.of("employeenumber", "costcenter", "organization", "division", "department", "manager");

    /** This service's extension: the category and per-school responsibilities. */
    private static final Set<String> SMP_ATTRIBUTES = Set.of("category", "responsibilities");

    private ScimAttributes() {}

    /** The schema a top-level key names when its value is that schema's object, or null. */
    static String schemaPrefix(String key) {
        if (key.equalsIgnoreCase(ENTERPRISE)) {
            return "enterprise:";
        }
        if (key.equalsIgnoreCase(SMP)) {
            return "smp:";
        }
        if (key.equalsIgnoreCase(CORE_USER)) {
            return "";
        }
        return null;
    }

    /**
     * The key of an attribute path: {@code userName}, {@code name.givenName}, {@code emails[type eq "work"].value},
     * {@code urn:…:enterprise:2.0:User:employeeNumber}. Throws 400 {@code invalidPath} for a path that is not SCIM or
     * names no attribute of the user schemas.
     */
    static String key(String path) {
        String prefix = "";
        String rest = path.strip();
        for (String[] schema : new String[][] {{ENTERPRISE, "enterprise:"}, {SMP, "smp:"}, {CORE_USER, ""}}) {
            if (rest.regionMatches(true, 0, schema[0] + ":", 0, schema[0].length() + 1)) {
                prefix = schema[1];
                rest = rest.substring(schema[0].length() + 1);
                break;
            }
        }
        if (rest.isEmpty() || rest.regionMatches(true, 0, "urn:", 0, 4)) {
            throw ScimException.invalidPath("Unknown attribute " + path + ".");
        }
        String key;
        if (rest.contains("[")) {
            key = filtered(path, rest);
        } else {
            key = rest.toLowerCase(Locale.ROOT);
        }
        String root = key.split("[.\\[]", 2)[0];
        Set<String> known = switch (prefix) {
            case "enterprise:" -> ENTERPRISE_ATTRIBUTES;
            case "smp:" -> SMP_ATTRIBUTES;
            default -> CORE;
        };
        if (!known.contains(root) || !rest.matches("[A-Za-z0-9_$\\-.\\[\\]\" =:@'+]+")) {
            throw ScimException.invalidPath("Unknown attribute " + path + ".");
        }
        return prefix + key;
    }

    /** {@code emails[type eq "work"].value} → {@code emails[work].value}; other filtered paths keep their root. */
    private static String filtered(String original, String rest) {
        Path parsed;
        try {
            parsed = Path.fromString(rest);
        } catch (BadRequestException | RuntimeException e) {
            throw ScimException.invalidPath("Cannot read the attribute path " + original + ".");
        }
        if (parsed.size() == 0) {
            throw ScimException.invalidPath("Cannot read the attribute path " + original + ".");
        }
        Path.Element first = parsed.getElement(0);
        String attribute = first.getAttribute().toLowerCase(Locale.ROOT);
        Filter filter = first.getValueFilter();
        String sub = parsed.size() > 1 ? parsed.getElement(1).getAttribute().toLowerCase(Locale.ROOT) : null;
        if (attribute.equals("emails")
                && filter != null
                && filter.getFilterType() == FilterType.EQUAL
                && filter.getAttributePath().toString().equalsIgnoreCase("type")
                && filter.getComparisonValue().isTextual()
                && filter.getComparisonValue().asText().equalsIgnoreCase("work")
                && "value".equals(sub)) {
            return WORK_EMAIL;
        }
        return attribute + "[]" + (sub == null ? "" : "." + sub);
    }
}
