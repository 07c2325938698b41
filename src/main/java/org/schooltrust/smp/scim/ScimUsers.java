package org.schooltrust.smp.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.AdultCategory;
import org.schooltrust.smp.staff.Assignment;
import org.schooltrust.smp.staff.ProvisionedAdult;
import org.schooltrust.smp.staff.Provisioning;
import org.schooltrust.smp.staff.Responsibility;

/**
 * Users both ways, by the configured attribute mapping (README, SCIM): a request's user document or PATCH operations
 * become one {@link Provisioning} — what it does not mention stays as it is — and an adult becomes a SCIM user.
 */
@ApplicationScoped
class ScimUsers {

    @Inject
    ScimConfig config;

    @Inject
    ObjectMapper json;

    /** Attribute values a request sets, by key ({@link ScimAttributes}), in the order given (later wins). */
    static final class Values {
        final Map<String, JsonNode> byKey = new LinkedHashMap<>();

        void put(String key, JsonNode value) {
            if (value != null && !value.isNull()) {
                byKey.put(key, value);
            }
        }
    }

    /** Reads a whole user document (POST, PUT): every attribute it names. */
    Values read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM user object.");
        }
        Values values = new Values();
        collect(document, values);
        return values;
    }

    /** Applies PATCH operations (RFC 7644 §3.5.2, with Entra's and Okta's forms) to a set of values. */
    Values patch(JsonNode body) {
        Values values = new Values();
        for (ScimPatch.Operation op : ScimPatch.operations(body)) {
            if (op.path() == null) {
                if (op.kind() == ScimPatch.Kind.REMOVE) {
                    throw ScimException.invalidPath("A remove operation needs a path.");
                }
                if (op.value() == null || !op.value().isObject()) {
                    throw ScimException.invalidValue("An add or replace without a path needs an object value.");
                }
                collect(op.value(), values);
                continue;
            }
            String key = ScimAttributes.key(op.path());
            if (op.kind() == ScimPatch.Kind.REMOVE) {
                if (mapped(key)) {
                    throw ScimException.mutability("The register cannot clear " + op.path()
                            + "; send its new value instead (a leaver is deactivated with active=false).");
                }
                continue;
            }
            if (op.value() == null || op.value().isNull()) {
                throw ScimException.invalidValue("The operation on " + op.path() + " needs a value.");
            }
            put(values, key, op.value());
        }
        return values;
    }

    private void collect(JsonNode object, Values values) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String schema = ScimAttributes.schemaPrefix(name);
            if (schema != null) {
                if (!value.isObject()) {
                    throw ScimException.invalidValue(name + " must be an object.");
                }
                value.fields()
                        .forEachRemaining(sub -> put(
                                values,
                                ScimAttributes.key((schema.isEmpty() ? "" : name + ":") + sub.getKey()),
                                sub.getValue()));
                continue;
            }
            String key = ScimAttributes.key(name);
            if (key.equals("schemas") || key.equals("id") || key.equals("meta") || key.equals("groups")) {
                continue; // read-only, or the document's own framing
            }
            put(values, key, value);
        }
    }

    /** One attribute's value; a complex one (name, emails, the enterprise manager) is read down to its parts. */
    private void put(Values values, String key, JsonNode value) {
        if (value.isObject() && !key.contains(".") && !key.contains("[")) {
            value.fields()
                    .forEachRemaining(
                            sub -> put(values, key + "." + sub.getKey().toLowerCase(Locale.ROOT), sub.getValue()));
            return;
        }
        if (key.equals("emails")) {
            if (!value.isArray()) {
                throw ScimException.invalidValue("emails must be an array.");
            }
            workEmail(value).ifPresent(email -> values.put(ScimAttributes.WORK_EMAIL, email));
            return;
        }
        values.put(key, value);
    }

    /** The work address of an {@code emails} array: type work, else the primary one, else the first. */
    private static java.util.Optional<JsonNode> workEmail(JsonNode emails) {
        JsonNode primary = null;
        JsonNode first = null;
        for (JsonNode email : emails) {
            if (!email.isObject() || !email.path("value").isTextual()) {
                throw ScimException.invalidValue("Each of emails must be an object with a string value.");
            }
            if (first == null) {
                first = email.get("value");
            }
            if (email.path("type").asText("").equalsIgnoreCase("work")) {
                return java.util.Optional.of(email.get("value"));
            }
            if (bool(email.get("primary"), "emails.primary") == Boolean.TRUE && primary == null) {
                primary = email.get("value");
            }
        }
        return java.util.Optional.ofNullable(primary != null ? primary : first);
    }

    /** Whether the register keeps this attribute (then it cannot be removed by PATCH). */
    private boolean mapped(String key) {
        return key.equals("username")
                || key.equals("externalid")
                || key.equals("name.givenname")
                || key.equals("name.familyname")
                || key.equals("active")
                || key.equals(ScimAttributes.WORK_EMAIL)
                || key.equals(ScimAttributes.key(config.mapping().category()))
                || key.equals(ScimAttributes.key(config.mapping().responsibilities()))
                || config.mapping().hrId().stream().map(ScimAttributes::key).anyMatch(key::equals);
    }

    /** The register's change for these values; {@code creating} fills what a new record needs from what was sent. */
    Provisioning provisioning(Values values, boolean creating) {
        Map<String, JsonNode> v = values.byKey;
        String hrId = null;
        for (String attribute : config.mapping().hrId()) {
            hrId = text(v.get(ScimAttributes.key(attribute)), attribute);
            if (hrId != null) {
                break;
            }
        }
        String userName = text(v.get("username"), "userName");
        String firstName = text(v.get("name.givenname"), "name.givenName");
        String lastName = text(v.get("name.familyname"), "name.familyName");
        String displayName = text(v.get("displayname"), "displayName");
        if (creating && (firstName == null || lastName == null) && displayName != null) {
            String[] parts = displayName.strip().split("\\s+");
            if (parts.length >= 2) {
                firstName = firstName != null
                        ? firstName
                        : String.join(" ", List.of(parts).subList(0, parts.length - 1));
                lastName = lastName != null ? lastName : parts[parts.length - 1];
            }
        }
        String workEmail = text(v.get(ScimAttributes.WORK_EMAIL), "emails[type eq \"work\"].value");
        if (creating && workEmail == null && userName != null && userName.contains("@")) {
            workEmail = userName;
        }
        String categoryText = text(
                v.get(ScimAttributes.key(config.mapping().category())),
                config.mapping().category());
        AdultCategory category = categoryText == null
                ? creating ? category(config.mapping().defaultCategory(), "SMP_SCIM_MAPPING_DEFAULT_CATEGORY") : null
                : category(categoryText, config.mapping().category());
        if (v.containsKey("smp:category")
                && !ScimAttributes.key(config.mapping().category()).equals("smp:category")) {
            category = category(text(v.get("smp:category"), "category"), "category");
        }
        return new Provisioning(
                hrId,
                userName,
                text(v.get("externalid"), "externalId"),
                firstName,
                lastName,
                workEmail,
                category,
                bool(v.get("active"), "active"),
                responsibilities(v.get(ScimAttributes.key(config.mapping().responsibilities()))),
                Set.of(),
                Set.of());
    }

    private static String text(JsonNode value, String attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray() && value.size() == 1) {
            value = value.get(0).isObject() ? value.get(0).get("value") : value.get(0);
        }
        if (value == null || !value.isTextual()) {
            throw ScimException.invalidValue(attribute + " must be a string.");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A boolean, or Entra's string booleans ({@code "True"}, {@code "False"}). */
    static Boolean bool(JsonNode value, String attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && value.asText().strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.isTextual() && value.asText().strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw ScimException.invalidValue(attribute + " must be a boolean.");
    }

    private static AdultCategory category(String text, String attribute) {
        String name = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        try {
            return AdultCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(attribute + " \"" + text + "\" is not a category of the register; one of "
                    + EnumSet.allOf(AdultCategory.class) + " (case and spaces do not matter).");
        }
    }

    /** {@code ["100001:DSL", "100001:HEAD_OF_SCHOOL"]} → per school. */
    private static Map<String, Set<Responsibility>> responsibilities(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        Map<String, Set<Responsibility>> bySchool = new TreeMap<>();
        for (JsonNode item : items) {
            JsonNode text = item.isObject() ? item.get("value") : item;
            String[] parts =
                    text != null && text.isTextual() ? text.asText().strip().split(":", 2) : new String[0];
            Responsibility responsibility = null;
            if (parts.length == 2 && parts[0].matches("\\d{6}")) {
                try {
                    responsibility = Responsibility.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    responsibility = null;
                }
            }
            if (responsibility == null) {
                throw ScimException.invalidValue("responsibilities must be strings of the form <URN>:<RESPONSIBILITY>,"
                        + " e.g. 100001:DSL; responsibilities are " + EnumSet.allOf(Responsibility.class) + ".");
            }
            bySchool.computeIfAbsent(parts[0], k -> EnumSet.noneOf(Responsibility.class))
                    .add(responsibility);
        }
        return bySchool;
    }

    /** The SCIM user for an adult; {@code schoolNames} names their groups. */
    ObjectNode document(
            ProvisionedAdult provisioned, Map<String, String> schoolNames, String baseUri, java.time.LocalDate today) {
        Adult adult = provisioned.adult();
        ObjectNode user = json.createObjectNode();
        user.putArray("schemas")
                .add(ScimAttributes.CORE_USER)
                .add(ScimAttributes.ENTERPRISE)
                .add(ScimAttributes.SMP);
        user.put("id", adult.id().toString());
        if (provisioned.externalId() != null) {
            user.put("externalId", provisioned.externalId());
        }
        user.put("userName", provisioned.userName());
        ObjectNode name = user.putObject("name");
        name.put("givenName", adult.firstName());
        name.put("familyName", adult.lastName());
        name.put("formatted", adult.firstName() + " " + adult.lastName());
        user.put("displayName", adult.firstName() + " " + adult.lastName());
        ArrayNode emails = user.putArray("emails");
        emails.addObject().put("value", adult.workEmail()).put("type", "work").put("primary", true);
        user.put("active", adult.active());
        if (ScimAttributes.key(config.mapping().category()).equals("usertype")) {
            user.put("userType", adult.category().name());
        }
        user.putObject(ScimAttributes.ENTERPRISE).put("employeeNumber", adult.hrId());
        ObjectNode smp = user.putObject(ScimAttributes.SMP);
        smp.put("category", adult.category().name());
        ArrayNode responsibilities = smp.putArray("responsibilities");
        ArrayNode groups = user.putArray("groups");
        List<Assignment> current = adult.assignments().stream()
                .filter(a -> a.endDate() == null || !a.endDate().isBefore(today))
                .filter(a -> !a.startDate().isAfter(today))
                .toList();
        current.stream()
                .map(Assignment::schoolUrn)
                .distinct()
                .sorted()
                .forEach(urn -> groups.addObject()
                        .put("value", urn)
                        .put("display", schoolNames.getOrDefault(urn, urn))
                        .put("$ref", baseUri + "/Groups/" + urn));
        current.stream()
                .flatMap(a -> a.responsibilitiesInOrder().stream().map(r -> a.schoolUrn() + ":" + r.name()))
                .distinct()
                .sorted()
                .forEach(responsibilities::add);
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", adult.createdAt().toString());
        meta.put("lastModified", adult.updatedAt().toString());
        meta.put("location", baseUri + "/Users/" + adult.id());
        meta.put("version", "W/\"" + adult.version() + "\"");
        return user;
    }

    /** The group memberships named in a list of member objects ({@code [{"value": id}]}). */
    static Set<String> memberIds(JsonNode members) {
        if (members == null || members.isNull()) {
            return Set.of();
        }
        if (!members.isArray()) {
            members = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .arrayNode()
                    .add(members);
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (JsonNode member : members) {
            JsonNode value = member.isObject() ? member.get("value") : member;
            if (value == null || !value.isTextual()) {
                throw ScimException.invalidValue("Each member must be an object with a string value (a user id).");
            }
            ids.add(value.asText().strip());
        }
        return ids;
    }

    static String joined(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
