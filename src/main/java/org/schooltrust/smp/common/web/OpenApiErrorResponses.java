package org.schooltrust.smp.common.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.schooltrust.smp.common.error.Problem;
import org.schooltrust.smp.common.error.ScimDialect;

/**
 * Documents the errors every operation can answer, all with the one {@code Problem} schema, so no operation in the
 * contract is missing them: 412/428 wherever an {@code If-Match} header is accepted/required. A declared 4xx without
 * a body gets the problem document. Operations that declare
 * a response code themselves keep their own description.
 */
// at build time, after the other filters (lower priority runs later): a runtime filter made every start regenerate and
// re-serialise the whole document (about a second of startup, issue 15)
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 0)
public class OpenApiErrorResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String SCIM_ERROR_REF = "#/components/schemas/ScimError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiErrorResponses::tidy);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getPaths().getPathItems().keySet().stream().anyMatch(ScimDialect::covers)) {
            openAPI.getComponents().addSchema("ScimError", scimError());
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParameter = path.getKey().contains("{");
            scimPath = ScimDialect.covers(path.getKey());
            if (path.getValue().getParameters() != null) {
                path.getValue().getParameters().forEach(p -> tidy(p.getSchema()));
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> tidy(p.getSchema()));
                }
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> tidy(m.getSchema()));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(r ->
                                    r.getContent() != null && r.getContent().getMediaTypes() != null)
                            .forEach(
                                    r -> r.getContent().getMediaTypes().values().forEach(m -> tidy(m.getSchema())));
                }
                APIResponses responses = operation.getResponses();
                boolean secured = operation.getSecurity() == null
                        || !operation.getSecurity().isEmpty();
                if (secured) {
                    add(responses, "401", "No bearer token, or the token is invalid, expired or for another audience.");
                    add(responses, "403", "The caller's roles do not allow this operation.");
                }
                if (hasPathParameter) {
                    add(responses, "404", "No such record, or it belongs to a school the caller cannot see.");
                }
                if (operation.getRequestBody() != null) {
                    add(
                            responses,
                            "400",
                            "The body is not valid JSON, repeats a key, or a field has the wrong type (a number or"
                                    + " boolean for a string, `1.5` for an integer, a date-time for a date) —"
                                    + " `malformed-request`; or a text holds a control character other than tab and"
                                    + " newline or a lone surrogate — `unacceptable-value`. Nothing is written.");
                    add(responses, "413", "The body is larger than the server accepts.");
                    add(
                            responses,
                            "415",
                            "The body is not sent as `application/json`, has no `Content-Type`, or carries a"
                                    + " `Content-Encoding` (request bodies are not decoded).");
                } else {
                    add(responses, "400", "The path or query contains `;` (`malformed-request`).");
                }
                if (operation.getParameters() != null
                                && !operation.getParameters().isEmpty()
                        || operation.getRequestBody() != null) {
                    add(responses, "422", "A field or parameter breaks a rule; `errors` lists each one.");
                }
                ifMatch(operation).ifPresent(header -> {
                    newVersion(responses);
                    add(
                            responses,
                            "412",
                            "`If-Match` does not match the resource's current ETag: someone changed it first.");
                    if (Boolean.TRUE.equals(header.getRequired())) {
                        responses
                                .getAPIResponse("412")
                                .description(
                                        "`If-Match` does not name the current version by strong comparison: someone"
                                                + " changed it first, or the tag is weak (`W/`) or `*`, which do not prove which"
                                                + " version was reviewed.");
                        add(responses, "428", "`If-Match` is missing: send the ETag of the version you acted on.");
                    }
                });
                add(responses, "406", "The `Accept` header names no media type this operation produces.");
                add(responses, "500", "Unexpected error (a bug); the `requestId` identifies it in the server log.");
                add(
                        responses,
                        "503",
                        "Nothing was written and the request may be retried after `Retry-After` seconds: the database"
                                + " is unavailable (`database-unavailable`) or a concurrent change collided with this"
                                + " one (`transaction-conflict`).");
                responses
                        .getAPIResponse("503")
                        .addHeader(
                                "Retry-After",
                                OASFactory.createHeader()
                                        .description("Seconds to wait before retrying.")
                                        .schema(OASFactory.createSchema()
                                                .addType(
                                                        org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                                                .INTEGER)));
                responses.getAPIResponses().values().forEach(OpenApiErrorResponses::typeHeaders);
                shareSuccessBody(responses);
                responses.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        add(responses, code, response.getDescription());
                    }
                });
            }
        }
    }

    /**
     * An operation that answers 200 or 201 returns the same body either way (e.g. an upsert: updated or created); the
     * scanner documents it on one code only, so the other gets the same content.
     */
    private static void shareSuccessBody(APIResponses responses) {
        responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null)
                .map(e -> e.getValue().getContent())
                .findFirst()
                .ifPresent(body -> responses.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && !code.equals("204") && response.getContent() == null) {
                        response.setContent(body);
                    }
                }));
    }

    /**
     * A change made under {@code If-Match} answers the record's new version, so the next change can send it: every
     * success of such an operation carries {@code ETag}, documented here once rather than on each transition.
     */
    private static void newVersion(APIResponses responses) {
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")
                    && !code.equals("204")
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
                response.addHeader(
                        "ETag",
                        OASFactory.createHeader()
                                .description("The new version: send it as `If-Match` with the next change."));
            }
        });
    }

    /**
     * What the scanner leaves for generators to trip on: a {@code type} beside a {@code $ref} (ignored by OpenAPI 3.1
     * tools, and warned about), and a constrained parameter with no type at all (generated as {@code Object}): a
     * {@code pattern} or length is about a string.
     */
    private static void tidy(org.eclipse.microprofile.openapi.models.media.Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            schema.setType(null);
            return;
        }
        if ((schema.getType() == null || schema.getType().isEmpty())
                && (schema.getPattern() != null || schema.getMaxLength() != null || schema.getMinLength() != null)) {
            schema.addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiErrorResponses::tidy);
        }
        tidy(schema.getItems());
        for (var list : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (list != null) {
                list.forEach(OpenApiErrorResponses::tidy);
            }
        }
    }

    /** A response header without a schema is invalid OpenAPI: ETag, Location and Link are strings. */
    private static void typeHeaders(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().values().stream()
                .filter(h -> h.getRef() == null && h.getSchema() == null && h.getContent() == null)
                .forEach(h -> h.setSchema(OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
    }

    private static java.util.Optional<org.eclipse.microprofile.openapi.models.parameters.Parameter> ifMatch(
            Operation operation) {
        if (operation.getParameters() == null) {
            return java.util.Optional.empty();
        }
        return operation.getParameters().stream()
                .filter(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER
                        && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst();
    }

    /** RFC 7644 §3.12's error body, which the SCIM adapter answers instead of a problem document. */
    private static org.eclipse.microprofile.openapi.models.media.Schema scimError() {
        var string = org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING;
        return OASFactory.createSchema()
                .description("A SCIM error (RFC 7644 §3.12): every error under `/scim/v2`. `status` is the HTTP status"
                        + " as a string; `scimType` is SCIM's error keyword where there is one (`invalidFilter`,"
                        + " `invalidSyntax`, `invalidPath`, `invalidValue`, `mutability`, `uniqueness`).")
                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT)
                .addRequired("schemas")
                .addRequired("status")
                .addProperty(
                        "schemas",
                        OASFactory.createSchema()
                                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().addType(string)))
                .addProperty("status", OASFactory.createSchema().addType(string).examples(java.util.List.of("400")))
                .addProperty("scimType", OASFactory.createSchema().addType(string))
                .addProperty("detail", OASFactory.createSchema().addType(string));
    }

    /** Whether the path being documented is the SCIM adapter's, whose errors are SCIM's (ADR 0025). */
    private static boolean scimPath;

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            APIResponse declared = responses.getAPIResponse(code);
            if (declared.getContent() == null
                    || declared.getContent().getMediaTypes() == null
                    || declared.getContent().getMediaTypes().isEmpty()) {
                declared.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        if (scimPath) {
            return OASFactory.createContent()
                    .addMediaType(
                            ScimDialect.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(SCIM_ERROR_REF)));
        }
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
