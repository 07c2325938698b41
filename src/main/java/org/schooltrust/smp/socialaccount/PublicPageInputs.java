package org.schooltrust.smp.socialaccount;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;

/** The public page's settings as a Head or trust-admin sends them (issue 28). */
public final class PublicPageInputs {

    private PublicPageInputs() {}

    @Schema(
            name = "PublicPageSettingsInput",
            description =
                    "What the school's public page says beside its register entries. Replaces the stored settings;"
                            + " absent texts are cleared. Never a person's name: the page is public.")
    public record SettingsInput(
            @NotNull
            @Size(max = 10)
            @Schema(
                    required = true,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = Platform.class,
                    description = "Platforms the school does not use (\"we are not on TikTok\"). A platform it has an"
                            + " official account on is not shown.")
            List<@NotNull @EnumValue(of = Platform.class) String> platformsNotUsed,

            @Size(max = 1000)
            @Schema(
                    maxLength = 1000,
                    examples = "We will never message you on WhatsApp or ask for payment or personal details on social"
                            + " media.")
            String neverContact,

            @Size(max = 300) @Schema(maxLength = 300, examples = "Monday to Friday, 8am to 5pm, in term time")
            String monitoringHours,

            @Size(max = 300)
            @Schema(maxLength = 300, examples = "The school office: 01234 567890, office@stjames.example")
            String reportContact,

            @Size(max = 120) @Schema(maxLength = 120, examples = "The school office")
            String runBy) {}
}
