package org.schooltrust.smp.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The request sequences Microsoft Entra ID and Okta document for a SCIM 2.0 service provider, replayed with their exact
 * bodies against a running service: Microsoft's "Develop a SCIM endpoint" request/response examples (create, get by
 * query, zero results, update multi- and single-valued attributes, disable, delete, group membership add and remove),
 * Entra's behaviour without the {@code aadOptscim062020} flag (string booleans, path-less replace with dotted and URN
 * keys, member removal by filter) and Okta's SCIM 2.0 guide (create, full-replace PUT, path-less deactivate and
 * re-enable, group push). Used by the Quarkus test and, with a real Keycloak client-credentials token, by the end-to-end
 * profile. {@code request} yields a request with the provisioning client's token and the service's base URI.
 */
public final class ScimConformance {

    static final String SCIM = "application/scim+json";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final Supplier<RequestSpecification> request;

    public ScimConformance(Supplier<RequestSpecification> request) {
        this.request = request;
    }

    private RequestSpecification scim() {
        return request.get().contentType(SCIM).accept(SCIM);
    }

    /** Microsoft's sequence; {@code urn} is an existing school and {@code schoolName} its name. Returns the user id. */
    public String microsoft(String urn, String schoolName) {
        String suffix = UUID.randomUUID().toString();
        String externalId = UUID.randomUUID().toString();
        String userName = "Test_User_" + suffix;
        // Create User (the example's body, with a fresh externalId and userName)
        String create = """
                {
                    "schemas": [
                        "urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                    "externalId": "%s",
                    "userName": "%s",
                    "active": true,
                    "emails": [{
                        "primary": true,
                        "type": "work",
                        "value": "Test_User_%s@testuser.com"
                    }],
                    "meta": {
                        "resourceType": "User"
                    },
                    "name": {
                        "formatted": "givenName familyName",
                        "familyName": "familyName",
                        "givenName": "givenName"
                    },
                    "roles": []
                }
                """.formatted(externalId, userName, suffix);
        JsonPath created = scim().body(create)
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .contentType(SCIM)
                .body("userName", equalTo(userName))
                .body("externalId", equalTo(externalId))
                .body("active", equalTo(true))
                .body("name.givenName", equalTo("givenName"))
                .body("emails[0].value", equalTo(("Test_User_" + suffix + "@testuser.com").toLowerCase()))
                .body("meta.resourceType", equalTo("User"))
                .extract()
                .jsonPath();
        String id = created.getString("id");

        // Get User by query
        scim().queryParam("filter", "userName eq \"" + userName + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(id));

        // Get User by query - Zero results
        scim().queryParam("filter", "userName eq \"non-existent user\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0))
                .body("Resources.size()", equalTo(0));

        // Update User [Multi-valued properties]
        scim().body("""
                        {
                            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                            "Operations": [
                                {
                                "op": "Replace",
                                "path": "emails[type eq \\"work\\"].value",
                                "value": "updatedEmail%s@microsoft.com"
                                },
                                {
                                "op": "Replace",
                                "path": "name.familyName",
                                "value": "updatedFamilyName"
                                }
                            ]
                        }
                        """.formatted(suffix))
                .patch("/scim/v2/Users/{id}", id)
                .then()
                .statusCode(200)
                .body("emails[0].value", equalTo("updatedemail" + suffix + "@microsoft.com"))
                .body("name.familyName", equalTo("updatedFamilyName"));

        // Update User [Single-valued properties]
        String newUserName = suffix + "@testuser.com";
        scim().body("""
                        {
                            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                            "Operations": [{
                                "op": "Replace",
                                "path": "userName",
                                "value": "%s"
                            }]
                        }
                        """.formatted(newUserName))
                .patch("/scim/v2/Users/{id}", id)
                .then()
                .statusCode(200)
                .body("userName", equalTo(newUserName));

        // Group: find the school by displayName, as Entra matches groups, without members
        scim().queryParam("filter", "displayName eq \"" + schoolName + "\"")
                .queryParam("excludedAttributes", "members")
                .get("/scim/v2/Groups")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(urn))
                .body("Resources[0].members", equalTo(null));

        // Update Group [Add Members]
        scim().body("""
                        {
                            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                            "Operations": [{
                                "op": "Add",
                                "path": "members",
                                "value": [{
                                    "$ref": null,
                                    "value": "%s"
                                }]
                            }]
                        }
                        """.formatted(id)).patch("/scim/v2/Groups/{id}", urn).then().statusCode(204);
        scim().get("/scim/v2/Groups/{id}", urn).then().statusCode(200).body("members.value", hasItem(id));
        scim().get("/scim/v2/Users/{id}", id).then().statusCode(200).body("groups.value", hasItem(urn));

        // Update Group [Remove Members] (with aadOptscim062020: a value list)
        scim().body("""
                        {
                            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                            "Operations": [{
                                "op": "Remove",
                                "path": "members",
                                "value": [{
                                    "$ref": null,
                                    "value": "%s"
                                }]
                            }]
                        }
                        """.formatted(id)).patch("/scim/v2/Groups/{id}", urn).then().statusCode(204);
        scim().get("/scim/v2/Groups/{id}", urn).then().statusCode(200).body("members.value", not(hasItem(id)));

        // ... and back, then removed without the flag: a filter in the path
        scim().body(Map.of(
                        "schemas", List.of(PATCH_OP),
                        "Operations",
                                List.of(Map.of("op", "Add", "path", "members", "value", List.of(Map.of("value", id))))))
                .patch("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(204);
        scim().body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Remove", "path": "members[value eq \\"%s\\"]"}]}
                        """.formatted(id)).patch("/scim/v2/Groups/{id}", urn).then().statusCode(204);
        scim().get("/scim/v2/Groups/{id}", urn).then().statusCode(200).body("members.value", not(hasItem(id)));

        // Entra without aadOptscim062020: a string boolean, and a path-less replace with dotted and URN keys
        scim().body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}
                        """).patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
        scim().body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "value": {
                            "active": "True",
                            "name.givenName": "Renamed",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "%s"}}]}
                        """.formatted(externalId))
                .patch("/scim/v2/Users/{id}", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("name.givenName", equalTo("Renamed"));

        // Disable User
        scim().body("""
                        {
                            "Operations": [{
                                "op": "Replace",
                                "path": "active",
                                "value": false
                            }],
                            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]
                        }
                        """).patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));

        // Delete User: deactivated, never removed, and still returned
        scim().delete("/scim/v2/Users/{id}", id).then().statusCode(204);
        scim().get("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
        return id;
    }

    /** Okta's sequence; {@code urn} is an existing school and {@code schoolName} its name. Returns the user id. */
    public String okta(String urn, String schoolName) {
        String login = "test.user." + UUID.randomUUID().toString().substring(0, 8) + "@okta.local";
        String externalId =
                "00u" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
        // the user is not there yet
        scim().queryParam("filter", "userName eq \"" + login + "\"")
                .queryParam("startIndex", 1)
                .queryParam("count", 100)
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0));
        String id = scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                          "userName": "%s",
                          "name": {
                            "givenName": "Test",
                            "familyName": "User"
                          },
                          "emails": [{
                            "primary": true,
                            "value": "%s",
                            "type": "work"
                          }],
                          "displayName": "Test User",
                          "locale": "en-US",
                          "externalId": "%s",
                          "groups": [],
                          "password": "1mz050nq",
                          "active": true
                        }
                        """.formatted(login, login, externalId))
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .body("userName", equalTo(login))
                .extract()
                .path("id");
        scim().get("/scim/v2/Users/{id}", id).then().statusCode(200).body("name.familyName", equalTo("User"));

        // full replace
        scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                          "id": "%s",
                          "userName": "%s",
                          "name": {
                            "givenName": "Another",
                            "familyName": "User"
                          },
                          "emails": [{
                            "primary": true,
                            "value": "%s",
                            "type": "work"
                          }],
                          "displayName": "Another User",
                          "locale": "en-US",
                          "externalId": "%s",
                          "groups": [],
                          "active": true,
                          "meta": {"resourceType": "User"}
                        }
                        """.formatted(id, login, login, externalId))
                .put("/scim/v2/Users/{id}", id)
                .then()
                .statusCode(200)
                .body("name.givenName", equalTo("Another"));

        // deactivate and re-enable: path-less replace
        scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{
                            "op": "replace",
                            "value": {
                              "active": false
                            }
                          }]
                        }
                        """).patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
        scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{
                            "op": "replace",
                            "value": {
                              "active": true
                            }
                          }]
                        }
                        """).patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(true));

        // group push: add, remove by filter, then a full replace of the members
        scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{
                            "op": "add",
                            "path": "members",
                            "value": [{
                              "value": "%s",
                              "display": "%s"
                            }]
                          }]
                        }
                        """.formatted(id, login))
                .patch("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(204);
        scim().get("/scim/v2/Users/{id}", id).then().statusCode(200).body("groups.value", hasItem(urn));
        scim().body("""
                        {
                          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{
                            "op": "remove",
                            "path": "members[value eq \\"%s\\"]"
                          }]
                        }
                        """.formatted(id)).patch("/scim/v2/Groups/{id}", urn).then().statusCode(204);
        scim().get("/scim/v2/Users/{id}", id).then().statusCode(200).body("groups.value", not(hasItem(urn)));
        List<String> before = scim().get("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(200)
                .extract()
                .path("members.value");
        List<Map<String, String>> members = new java.util.ArrayList<>();
        before.forEach(m -> members.add(Map.of("value", m)));
        members.add(Map.of("value", id, "display", login));
        scim().body(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                        "id", urn,
                        "displayName", schoolName,
                        "members", members))
                .put("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(200)
                .body("members.value", hasItem(id));
        List<String> after = scim().get("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(200)
                .extract()
                .path("members.value");
        assertThat(after).containsAll(before).contains(id);
        return id;
    }
}
