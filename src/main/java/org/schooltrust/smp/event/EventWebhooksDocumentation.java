package org.schooltrust.smp.event;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The contract's {@code webhooks} section, generated from the catalog so it can never drift from it: one entry per
 * event type, its body {@code {type, timestamp, data}} with the family's named data schema, and the three Standard
 * Webhooks headers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class EventWebhooksDocumentation implements OASFilter {

    static final String PING = "webhook.ping";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, List<EventType>> byWire = Arrays.stream(EventType.values())
                .collect(Collectors.groupingBy(EventType::wire, java.util.TreeMap::new, Collectors.toList()));
        Map<String, String> dataSchemas = new LinkedHashMap<>();
        byWire.forEach((wire, types) ->
                dataSchemas.put(wire, schemaName(types.get(0).family().schema())));
        dataSchemas.put(PING, schemaName(EventViews.WebhookEndpointData.class));
        for (Map.Entry<String, String> entry : dataSchemas.entrySet()) {
            String wire = entry.getKey();
            List<EventType> types = byWire.getOrDefault(wire, List.of());
            String description = types.isEmpty()
                    ? "A test event sent by `POST /api/v1/webhook-endpoints/{id}/ping`; never on the feed."
                    : types.get(0).family().description() + " Produced by the audited action"
                            + (types.size() > 1 ? "s " : " ")
                            + types.stream().map(t -> "`" + t.action() + "`").collect(Collectors.joining(", "))
                            + "."
                            + (types.get(0).status() == null
                                    ? ""
                                    : " `data.status`: `" + types.get(0).status() + "`.");
            openAPI.addWebhook(
                    wire,
                    OASFactory.createPathItem()
                            .POST(OASFactory.createOperation()
                                    .operationId("webhook_" + wire.replace('.', '_'))
                                    .summary("Event " + wire)
                                    .description(description)
                                    .addTag("Webhooks")
                                    .parameters(headers())
                                    .requestBody(OASFactory.createRequestBody()
                                            .required(true)
                                            .content(OASFactory.createContent()
                                                    .addMediaType(
                                                            "application/json",
                                                            OASFactory.createMediaType()
                                                                    .schema(body(wire, entry.getValue())))))
                                    .responses(OASFactory.createAPIResponses()
                                            .addAPIResponse(
                                                    "200",
                                                    OASFactory.createAPIResponse()
                                                            .description("Received. Any 2xx within 15 s is a success;"
                                                                    + " anything else, a redirect or a timeout is"
                                                                    + " retried, and 410 disables the endpoint.")))));
        }
    }

    private static List<Parameter> headers() {
        return List.of(
                header("webhook-id", "The event id: the same on every retry; de-duplicate by it."),
                header("webhook-timestamp", "Seconds since the epoch when this attempt was signed."),
                header(
                        "webhook-signature",
                        "Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret"
                                + " (two during a secret rotation). Verify with a Standard Webhooks library."));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(true)
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema body(String wire, String dataSchema) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addRequired("type")
                .addRequired("timestamp")
                .addRequired("data")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .addEnumeration(wire))
                .addProperty(
                        "timestamp",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("date-time")
                                .description("When the change was made."))
                .addProperty("data", OASFactory.createSchema().ref("#/components/schemas/" + dataSchema));
    }

    private static String schemaName(Class<?> type) {
        return type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class)
                .name();
    }
}
