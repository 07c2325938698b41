package org.schooltrust.smp.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The SCIM documents as the contract describes them (RFC 7643). The adapter writes them as JSON trees, since their
 * keys include schema URNs; these records give the contract their shape.
 */
public final class ScimViews {

    private ScimViews() {}

    @Schema(name = "ScimName")
    public record NameView(String givenName, String familyName, String formatted) {}

    @Schema(name = "ScimEmail")
    public record EmailView(
            String value, @Schema(examples = "work") String type, Boolean primary) {}

    @Schema(name = "ScimReference", description = "A group of a user, or a member of a group.")
    public record ReferenceView(
            String value,
            String display,
            @JsonProperty("$ref") String ref,
            @Schema(examples = "User") String type) {}

    @Schema(name = "ScimMeta")
    public record MetaView(String resourceType, String created, String lastModified, String location, String version) {}

    @Schema(
            name = "ScimUser",
            description =
                    "An adult of the staff register as a SCIM user (core and enterprise schemas, and this service's"
                            + " extension `urn:ietf:params:scim:schemas:extension:smp:2.0:User` with `category` and"
                            + " `responsibilities` such as `100001:DSL`). `id` is the register's id; the enterprise"
                            + " `employeeNumber` is the HR id; `groups` are the schools the adult works at today (read-only)."
                            + " In a request, attributes left out stay as they are.")
    public record UserView(
            List<String> schemas,
            @Schema(readOnly = true) String id,
            String externalId,
            @Schema(required = true) String userName,
            NameView name,
            String displayName,
            List<EmailView> emails,
            Boolean active,

            @Schema(description = "The adult's category, when the category mapping is `userType` (the default).")
            String userType,

            @JsonProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
            Map<String, String> enterprise,

            @JsonProperty("urn:ietf:params:scim:schemas:extension:smp:2.0:User")
            Map<String, Object> smp,

            @Schema(readOnly = true) List<ReferenceView> groups,
            @Schema(readOnly = true) MetaView meta) {}

    @Schema(
            name = "ScimGroup",
            description = "A school of the Trust as a SCIM group: `id` and `externalId` are its URN, `displayName` its"
                    + " name; `members` are the adults working there today. Groups cannot be created, renamed or"
                    + " deleted through SCIM — only their membership changes.")
    public record GroupView(
            List<String> schemas,
            String id,
            String externalId,
            String displayName,
            List<ReferenceView> members,
            @Schema(readOnly = true) MetaView meta) {}

    @Schema(name = "ScimUserList")
    public record UserListView(
            List<String> schemas,
            long totalResults,
            int startIndex,
            int itemsPerPage,
            @JsonProperty("Resources") List<UserView> resources) {}

    @Schema(name = "ScimGroupList")
    public record GroupListView(
            List<String> schemas,
            long totalResults,
            int startIndex,
            int itemsPerPage,
            @JsonProperty("Resources") List<GroupView> resources) {}

    @Schema(
            name = "ScimDiscovery",
            description =
                    "A SCIM discovery document (RFC 7643 §5–7): the service provider's configuration, its resource"
                            + " types, or its schemas.")
    public record DiscoveryView(List<String> schemas) {}
}
