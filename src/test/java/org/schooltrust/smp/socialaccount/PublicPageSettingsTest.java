package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.records.Changed;

/** The public page's settings and texts as plain objects (issue 28). */
class PublicPageSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void sameSettingsChangeNothingAndOthersNameTheirFields() {
        PublicPageSettings first = PublicPageSettings.defaults("100001")
                .replacedBy(Set.of(Platform.TIKTOK), "Never WhatsApp.", null, null, "The office", NOW)
                .next();
        assertThat(first.version()).isEqualTo(1);
        Changed<PublicPageSettings> again =
                first.replacedBy(Set.of(Platform.TIKTOK), "Never WhatsApp.", null, null, "The office", NOW);
        assertThat(again.fields()).isEmpty();
        assertThat(again.next()).isSameAs(first);
        Changed<PublicPageSettings> changed = first.replacedBy(
                Set.of(Platform.TIKTOK, Platform.X), "Never WhatsApp.", "8am to 5pm", null, "The office", NOW);
        assertThat(changed.fields()).containsExactly("platformsNotUsed", "monitoringHours");
        assertThat(changed.next().version()).isEqualTo(2);
    }

    @Test
    void aPlatformWithAnOfficialAccountIsNeverListedAsNotUsed() {
        PublicPageSettings settings = new PublicPageSettings(
                "100001", Set.of(Platform.X, Platform.TIKTOK, Platform.OTHER), null, null, null, null, 1, NOW);
        assertThat(settings.platformsNotUsedBesides(Set.of(Platform.X))).containsExactly(Platform.TIKTOK);
    }

    @Test
    void textsComeFromOneBundleWithDatesWrittenOut() {
        PageText t = PageText.forLanguages(List.of(Locale.forLanguageTag("cy"), Locale.UK));
        assertThat(t.lang()).isEqualTo("en");
        assertThat(t.get("page.school.ended.intro"))
                .contains("the school's but")
                .doesNotContain("''");
        assertThat(t.format("page.trust.school.accounts", 1)).isEqualTo("1 official account");
        assertThat(t.format("page.trust.school.accounts", 3)).isEqualTo("3 official accounts");
        assertThat(t.date(NOW)).isEqualTo("7 December 2026");
        for (Platform platform : Platform.values()) {
            assertThat(t.platform(platform)).isNotBlank();
        }
        for (AccountStatus status : List.of(AccountStatus.ACTIVE, AccountStatus.SUSPENDED, AccountStatus.RETIRED)) {
            assertThat(t.status(status)).isNotBlank();
        }
    }
}
