package org.schooltrust.smp.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;

/** The discovery documents (RFC 7644 §4), kept as files beside the code: {@code src/main/resources/scim}. */
@ApplicationScoped
public class ScimDiscovery {

    @Inject
    ObjectMapper json;

    public JsonNode serviceProviderConfig() {
        return load("ServiceProviderConfig.json");
    }

    public ObjectNode resourceTypes() {
        return list((ArrayNode) load("ResourceTypes.json"));
    }

    public JsonNode resourceType(String id) {
        return find((ArrayNode) load("ResourceTypes.json"), id, "resource type");
    }

    public ObjectNode schemas() {
        return list((ArrayNode) load("Schemas.json"));
    }

    public JsonNode schema(String id) {
        return find((ArrayNode) load("Schemas.json"), id, "schema");
    }

    private static JsonNode find(ArrayNode items, String id, String what) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new ResourceNotFoundException("No " + what + " " + id + ".");
    }

    private ObjectNode list(ArrayNode items) {
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add(ScimAttributes.LIST_RESPONSE);
        list.put("totalResults", items.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", items.size());
        list.set("Resources", items);
        return list;
    }

    private JsonNode load(String name) {
        try (InputStream in = ScimDiscovery.class.getResourceAsStream("/scim/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
