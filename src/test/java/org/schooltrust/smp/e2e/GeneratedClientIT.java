package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.client.ApiClient;
import org.schooltrust.smp.client.ApiException;
import org.schooltrust.smp.client.ApiResponse;
import org.schooltrust.smp.client.api.AcknowledgementsApi;
import org.schooltrust.smp.client.api.FamilyDeclarationsApi;
import org.schooltrust.smp.client.api.FamilyLinksMisApi;
import org.schooltrust.smp.client.api.PoliciesApi;
import org.schooltrust.smp.client.api.SchoolsApi;
import org.schooltrust.smp.client.api.SocialAccountRegisterApi;
import org.schooltrust.smp.client.api.StaffApi;
import org.schooltrust.smp.client.model.AcknowledgementInput;
import org.schooltrust.smp.client.model.AdultCategory;
import org.schooltrust.smp.client.model.AdultInput;
import org.schooltrust.smp.client.model.AssignmentInput;
import org.schooltrust.smp.client.model.DeclarationAcknowledgement;
import org.schooltrust.smp.client.model.FamilyDeclarationInput;
import org.schooltrust.smp.client.model.FamilyLinkCheckRequest;
import org.schooltrust.smp.client.model.FamilyLinkPair;
import org.schooltrust.smp.client.model.FamilyLinkStatus;
import org.schooltrust.smp.client.model.PageAdultView;
import org.schooltrust.smp.client.model.PageRegisterEntry;
import org.schooltrust.smp.client.model.PolicyVersion;
import org.schooltrust.smp.client.model.Problem;
import org.schooltrust.smp.client.model.Relationship;
import org.schooltrust.smp.client.model.SchoolInput;
import org.schooltrust.smp.client.model.SchoolStatus;
import org.schooltrust.smp.client.model.StaffSyncRequest;
import org.schooltrust.smp.client.model.Statement;
import org.schooltrust.smp.client.model.SyncMode;

/**
 * One main flow per consumer through the Java client generated from {@code openapi/openapi.yaml} at build time, so
 * the contract is proven to be usable as it is published: names, headers, problem bodies, enums and dates.
 */
@EndToEnd
class GeneratedClientIT {

    private static final String OWN_SCHOOL = "100777";

    private static final Pattern NEXT = Pattern.compile("<[^>]*[?&]cursor=([^&>]+)[^>]*>;\\s*rel=\"next\"");

    private final TrustApi api;

    GeneratedClientIT(TrustApi api) {
        this.api = api;
    }

    private ApiClient as(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.baseUri().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    @Test
    void hrSyncsThenReadsTheDeltaPageByPageFollowingLink() throws Exception {
        ApiClient hr = as(api.hrSync());
        // a school of this test's own, so the suite's other visibility checks are not disturbed
        new SchoolsApi(hr)
                .schoolResourcePut(
                        OWN_SCHOOL,
                        new SchoolInput().name("Generated Client Academy").status(SchoolStatus.OPEN),
                        null);
        StaffApi staff = new StaffApi(hr);
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2);
        String prefix = "GC" + (System.nanoTime() % 100_000) + "-";
        List<AdultInput> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new AdultInput()
                    .hrId(prefix + i)
                    .firstName("Gen")
                    .lastName("Client")
                    .workEmail(prefix.toLowerCase() + i + "@staff.schooltrust.example")
                    .category(AdultCategory.SUPPORT_STAFF)
                    .active(true)
                    .assignments(List.of(new AssignmentInput()
                            .schoolUrn(OWN_SCHOOL)
                            .jobTitle("Volunteer")
                            .startDate(LocalDate.of(2024, 9, 1)))));
        }
        var result = staff.staffResourceSync(new StaffSyncRequest().records(records), false, SyncMode.PARTIAL);
        assertThat(result.getCreated()).isEqualTo(3);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse<PageAdultView> page = staff.staffResourceListWithHttpInfo(null, cursor, 2, null, since);
            page.getData().getItems().forEach(a -> seen.add(a.getHrId()));
            String link = header(page, "Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            cursor = next != null && next.find() ? java.net.URLDecoder.decode(next.group(1), "UTF-8") : null;
            assertThat(cursor).isEqualTo(page.getData().getNextCursor());
        } while (cursor != null);
        assertThat(seen).contains(prefix + "0", prefix + "1", prefix + "2");
    }

    @Test
    void aStaffAcknowledgementWithAnIdempotencyKeyIsRecordedOnce() throws Exception {
        ApiClient alice = as(api.userToken("alice"));
        PolicyVersion version = new PoliciesApi(alice).policyResourceVersion("1.0", "social-media");
        AcknowledgementInput input = new AcknowledgementInput()
                .policy("social-media")
                .version("1.0")
                .schoolUrn(SCHOOL_1)
                .bodySha256(version.getBodySha256())
                .statements(
                        version.getStatements().stream().map(Statement::getCode).toList());
        String key = UUID.randomUUID().toString();
        AcknowledgementsApi acks = new AcknowledgementsApi(alice);
        var first = acks.myAcknowledgementsResourceAcknowledgeWithHttpInfo(input, key);
        var replay = acks.myAcknowledgementsResourceAcknowledgeWithHttpInfo(input, key);
        assertThat(replay.getData().getId()).isEqualTo(first.getData().getId());
        assertThat(first.getStatusCode()).isIn(200, 201);
    }

    @Test
    void aHeadAcknowledgesADeclarationWithIfMatchAndTheMisChecksTheLink() throws Exception {
        String pupil = "GC-" + System.nanoTime();
        var declared = new FamilyDeclarationsApi(as(api.userToken("alice")))
                .myDeclarationsResourceDeclareWithHttpInfo(
                        new FamilyDeclarationInput()
                                .schoolUrn(SCHOOL_1)
                                .pupilMisId(pupil)
                                .pupilName("Gina Generated")
                                .relationship(Relationship.AUNT_UNCLE),
                        UUID.randomUUID().toString());
        assertThat(declared.getStatusCode()).isEqualTo(201);
        String etag = header(declared, "ETag");
        assertThat(etag).isNotBlank();

        FamilyDeclarationsApi hugo = new FamilyDeclarationsApi(as(api.userToken("hugo")));
        DeclarationAcknowledgement ack = new DeclarationAcknowledgement()
                .discussedOn(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .agreedProtocols("Family events only.");
        var acknowledged = hugo.schoolDeclarationsResourceAcknowledgeWithHttpInfo(
                declared.getData().getId(), etag, SCHOOL_1, ack);
        assertThat(acknowledged.getData().getStatus().getValue()).isEqualTo("ACKNOWLEDGED");
        assertThat(header(acknowledged, "ETag")).isNotEqualTo(etag);

        var results = new FamilyLinksMisApi(as(api.clientToken("mis-100001")))
                .familyLinksResourceCheck(
                        SCHOOL_1,
                        new FamilyLinkCheckRequest()
                                .pairs(List.of(
                                        new FamilyLinkPair().staffHrId(ALICE).pupilMisId(pupil))))
                .getResults();
        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(FamilyLinkStatus.ACKNOWLEDGED));
    }

    @Test
    void theRegisterAnswers304ToIfNoneMatchAndVerifiesALink() throws Exception {
        SocialAccountRegisterApi register = new SocialAccountRegisterApi(as(api.clientToken("register-reader")));
        ApiResponse<PageRegisterEntry> full = register.registerResourceListWithHttpInfo(null, 1000, null, null);
        String etag = header(full, "ETag");
        assertThat(etag).startsWith("\"");
        assertThatThrownBy(() -> register.registerResourceListWithHttpInfo(null, 1000, null, etag))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).getCode())
                .isEqualTo(304);
        var verdict = register.registerResourceVerify(null, null, "https://x.com/no-such-school-account");
        assertThat(verdict.getOfficial()).isFalse();
    }

    @Test
    void anErrorIsReadAsAProblemDocument() throws Exception {
        ApiClient hr = as(api.hrSync());
        StaffApi staff = new StaffApi(hr);
        AdultInput bad = new AdultInput()
                .hrId("GC-BAD")
                .firstName("")
                .lastName("Client")
                .workEmail("not-an-email")
                .category(AdultCategory.SUPPORT_STAFF)
                .active(true)
                .assignments(List.of());
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class,
                () -> staff.staffResourceSync(new StaffSyncRequest().records(List.of(bad)), false, SyncMode.PARTIAL));
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("content-type").orElse(""))
                .startsWith("application/problem+json");
        Problem problem = hr.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).endsWith("validation-failed");
        assertThat(problem.getErrors()).isNotEmpty();
        assertThat(problem.getErrors().get(0).getField()).startsWith("records[0].");
    }
}
