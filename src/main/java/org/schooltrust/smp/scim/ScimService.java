package org.schooltrust.smp.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.school.School;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.ProvisionedAdult;
import org.schooltrust.smp.staff.ProvisionedMatch;
import org.schooltrust.smp.staff.Provisioning;
import org.schooltrust.smp.staff.StaffService;
import org.schooltrust.smp.staff.StaffWriter;

/**
 * SCIM 2.0 provisioning (RFC 7643/7644, issue 29) as a protocol adapter over the staff register: users are adults,
 * groups are schools, membership is a current assignment. Every write goes through {@link StaffWriter} — the register
 * lock, validation, audit, events, leaver handling — so there is no second way to change an adult (ADR 0025).
 */
@ApplicationScoped
public class ScimService {

    /** The most resources one list answers ({@code ServiceProviderConfig.filter.maxResults}). */
    static final int MAX_RESULTS = 100;

    /** A Trust has tens of schools; groups are listed from memory up to this many. */
    private static final int MAX_SCHOOLS = 1000;

    @Inject
    StaffWriter writer;

    @Inject
    StaffService staff;

    @Inject
    SchoolService schools;

    @Inject
    ScimUsers users;

    @Inject
    ScimConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TimeSource time;

    /** A written user: the document, and whether it was created. */
    public record Written(ObjectNode document, boolean created) {}

    @Transactional
    public ObjectNode user(String id, String base) {
        return userDocument(staff.provisioned(userId(id)), base);
    }

    @Transactional
    public ObjectNode users(String filter, String startIndex, String count, String base) {
        ProvisionedMatch match = ScimFilters.users(filter, config.mapping().hrId());
        int start = startIndex(startIndex);
        int size = count(count);
        StaffService.ProvisionedPage page = staff.provisioned(match, start - 1, size);
        Map<String, String> names = schoolNames();
        ArrayNode resources = json.createArrayNode();
        page.items().forEach(p -> resources.add(users.document(p, names, base, time.today())));
        return listResponse(page.total(), start, resources);
    }

    /**
     * Creates a user (201), or adopts the register's adult of the same HR id that no provider has written yet (201):
     * a Trust switching from the JSON sync to SCIM keeps its records.
     */
    @Transactional
    public Written create(String body, String base) {
        Provisioning change = users.provisioning(users.read(parse(body)), true);
        ProvisionedAdult written = writer.provision(null, change);
        return new Written(userDocument(written, base), true);
    }

    /** A full replace (Okta): what the document names is set, what it leaves out stays as it is. */
    @Transactional
    public ObjectNode replace(String id, String body, String base) {
        UUID adult = userId(id);
        Provisioning change = users.provisioning(users.read(parse(body)), false);
        return userDocument(writer.provision(adult, change), base);
    }

    @Transactional
    public ObjectNode patch(String id, String body, String base) {
        UUID adult = userId(id);
        Provisioning change = users.provisioning(users.patch(parse(body)), false);
        return userDocument(writer.provision(adult, change), base);
    }

    /** An identity provider never removes an adult's records (they are kept under retention): it deactivates them. */
    @Transactional
    public void delete(String id) {
        writer.provision(userId(id), Provisioning.activeOnly(false));
    }

    @Transactional
    public ObjectNode group(String id, boolean withMembers, String base) {
        return groupDocument(school(id), withMembers, base);
    }

    @Transactional
    public ObjectNode groups(String filter, String startIndex, String count, boolean withMembers, String base) {
        ScimFilters.GroupMatch match = ScimFilters.groups(filter);
        int start = startIndex(startIndex);
        int size = count(count);
        List<School> matching = schools.all(MAX_SCHOOLS).stream()
                .filter(s -> match.id() == null || s.urn().equals(match.id()))
                .filter(s -> match.externalId() == null || s.urn().equals(match.externalId()))
                .filter(s -> match.displayName() == null || s.name().equalsIgnoreCase(match.displayName()))
                .toList();
        ArrayNode resources = json.createArrayNode();
        matching.stream().skip(start - 1L).limit(size).forEach(s -> resources.add(groupDocument(s, withMembers, base)));
        return listResponse(matching.size(), start, resources);
    }

    /**
     * Membership changes in one transaction: Entra's {@code members} add and both remove forms, Okta's replace, and a
     * rename only when it renames nothing (a school's name is the register's).
     */
    @Transactional
    public void patchGroup(String id, String body) {
        School school = school(id);
        Set<String> join = new HashSet<>();
        Set<String> leave = new HashSet<>();
        for (ScimPatch.Operation op : ScimPatch.operations(parse(body))) {
            String path = op.path() == null ? null : op.path().strip();
            if (path == null) {
                if (op.kind() == ScimPatch.Kind.REMOVE
                        || op.value() == null
                        || !op.value().isObject()) {
                    throw ScimException.invalidValue("An operation without a path must add or replace an object.");
                }
                JsonNode value = op.value();
                value.fields().forEachRemaining(field -> {
                    switch (field.getKey().toLowerCase(java.util.Locale.ROOT)) {
                        case "members" -> {
                            Set<String> named = ScimUsers.memberIds(field.getValue());
                            if (op.kind() == ScimPatch.Kind.REPLACE) {
                                replaceMembers(school, named, join, leave);
                            } else {
                                join.addAll(named);
                            }
                        }
                        case "displayname" -> sameName(school, field.getValue());
                        case "externalid", "id" -> sameId(school, field.getValue());
                        case "schemas", "meta" -> {}
                        default -> throw ScimException.invalidPath("Unknown group attribute " + field.getKey() + ".");
                    }
                });
                continue;
            }
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("members")) {
                Set<String> named = ScimUsers.memberIds(op.value());
                switch (op.kind()) {
                    case ADD -> join.addAll(named);
                    case REPLACE -> replaceMembers(school, named, join, leave);
                    case REMOVE -> {
                        if (op.value() == null || op.value().isNull()) {
                            staff.currentAt(school.urn()).forEach(a -> leave.add(a.id().toString()));
                        } else {
                            leave.addAll(named);
                        }
                    }
                }
            } else if (lower.startsWith("members[") && op.kind() == ScimPatch.Kind.REMOVE) {
                leave.add(memberInFilter(path));
            } else if (lower.equals("displayname") && op.kind() != ScimPatch.Kind.REMOVE) {
                sameName(school, op.value());
            } else if (lower.equals("externalid") && op.kind() != ScimPatch.Kind.REMOVE) {
                sameId(school, op.value());
            } else {
                throw ScimException.invalidPath(
                        "A group's members can be added and removed; " + path + " cannot be changed here.");
            }
        }
        leave.removeAll(join);
        applyMemberships(school, join, leave);
    }

    /** Each member joined or left through the register's write path; removing a non-member changes nothing. */
    private void applyMemberships(School school, Set<String> join, Set<String> leave) {
        for (String member : join) {
            writer.provision(memberId(member, true), Provisioning.memberships(Set.of(school.urn()), Set.of()));
        }
        for (String member : leave) {
            UUID adult = memberId(member, false);
            if (adult != null && isMember(school, adult)) {
                writer.provision(adult, Provisioning.memberships(Set.of(), Set.of(school.urn())));
            }
        }
    }

    /** Okta's group push: the members listed are the group's members. */
    @Transactional
    public ObjectNode replaceGroup(String id, String body, String base) {
        School school = school(id);
        JsonNode document = parse(body);
        if (!document.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM group object.");
        }
        if (document.has("displayName")) {
            sameName(school, document.get("displayName"));
        }
        Set<String> join = new HashSet<>();
        Set<String> leave = new HashSet<>();
        replaceMembers(school, ScimUsers.memberIds(document.get("members")), join, leave);
        applyMemberships(school, join, leave);
        return groupDocument(school, true, base);
    }

    private void replaceMembers(School school, Set<String> named, Set<String> join, Set<String> leave) {
        Set<String> current = new HashSet<>();
        staff.currentAt(school.urn()).forEach(a -> current.add(a.id().toString()));
        named.stream().filter(m -> !current.contains(m)).forEach(join::add);
        current.stream().filter(m -> !named.contains(m)).forEach(leave::add);
    }

    private boolean isMember(School school, UUID adult) {
        return staff.currentAt(school.urn()).stream().anyMatch(a -> a.id().equals(adult));
    }

    private static void sameName(School school, JsonNode value) {
        if (value == null || !value.isTextual() || !value.asText().strip().equals(school.name())) {
            throw ScimException.mutability("A group is a school of the register, and its name is the school's (\""
                    + school.name() + "\"); rename the school in the register.");
        }
    }

    private static void sameId(School school, JsonNode value) {
        if (value == null || !value.isTextual() || !value.asText().strip().equals(school.urn())) {
            throw ScimException.mutability("A group's id and externalId are the school's URN (" + school.urn() + ").");
        }
    }

    /** {@code members[value eq "id"]} → id. */
    private static String memberInFilter(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?i)^members\\[\\s*value\\s+eq\\s+\"([^\"]+)\"\\s*\\]$")
                .matcher(path);
        if (!m.matches()) {
            throw ScimException.invalidPath("A member is removed by members[value eq \"<id>\"], not " + path + ".");
        }
        return m.group(1);
    }

    /** A member id: a user of the register (an unknown one is 400 when added, ignored when removed). */
    private UUID memberId(String value, boolean mustExist) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            if (mustExist) {
                throw ScimException.invalidValue("Member " + value + " is not a user id.");
            }
            return null;
        }
        if (staff.findByIds(List.of(id)).isEmpty()) {
            if (mustExist) {
                throw ScimException.invalidValue("Member " + value + " is not a user of this service.");
            }
            return null;
        }
        return id;
    }

    private School school(String id) {
        if (id == null || !id.matches("\\d{6}")) {
            throw new ResourceNotFoundException("No group with id " + id + ".");
        }
        return schools.get(id);
    }

    private static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("No user with id " + id + ".");
        }
    }

    private ObjectNode userDocument(ProvisionedAdult adult, String base) {
        return users.document(adult, schoolNames(), base, time.today());
    }

    private ObjectNode groupDocument(School school, boolean withMembers, String base) {
        ObjectNode group = json.createObjectNode();
        group.putArray("schemas").add(ScimAttributes.CORE_GROUP);
        group.put("id", school.urn());
        group.put("externalId", school.urn());
        group.put("displayName", school.name());
        if (withMembers) {
            ArrayNode members = group.putArray("members");
            for (Adult adult : staff.currentAt(school.urn())) {
                members.addObject()
                        .put("value", adult.id().toString())
                        .put("display", adult.firstName() + " " + adult.lastName())
                        .put("type", "User")
                        .put("$ref", base + "/Users/" + adult.id());
            }
        }
        ObjectNode meta = group.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("created", school.createdAt().toString());
        meta.put("lastModified", school.updatedAt().toString());
        meta.put("location", base + "/Groups/" + school.urn());
        return group;
    }

    private Map<String, String> schoolNames() {
        Map<String, String> names = new LinkedHashMap<>();
        schools.all(MAX_SCHOOLS).forEach(s -> names.put(s.urn(), s.name()));
        return names;
    }

    private ObjectNode listResponse(long total, int start, ArrayNode resources) {
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add(ScimAttributes.LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("startIndex", start);
        list.put("itemsPerPage", resources.size());
        list.set("Resources", resources);
        return list;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("A body is required.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ScimException.invalidSyntax("A body is required.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON (or repeats a key).");
        }
    }

    /** RFC 7644 §3.4.2.4: 1-based; below 1 means 1. */
    private static int startIndex(String text) {
        int value = integer(text, "startIndex", 1);
        return Math.max(1, value);
    }

    /** Negative means 0; above the maximum means the maximum. */
    private static int count(String text) {
        int value = integer(text, "count", MAX_RESULTS);
        return Math.min(MAX_RESULTS, Math.max(0, value));
    }

    private static int integer(String text, String name, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer.");
        }
    }
}
