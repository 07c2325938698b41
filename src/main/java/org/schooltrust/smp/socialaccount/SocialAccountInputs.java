package org.schooltrust.smp.socialaccount;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;

/** Request bodies of the social-account endpoints. */
public final class SocialAccountInputs {

    private SocialAccountInputs() {}

    @Schema(
            name = "SocialAccountProposal",
            description = "A proposed official school account (clause 8.1), to be authorised by the Head of School"
                    + " before it is created.")
    public record Proposal(
            @NotNull
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
            @Schema(required = true, examples = "100001")
            String schoolUrn,

            @NotNull @EnumValue(of = Platform.class) @Schema(required = true, implementation = Platform.class)
            String platform,

            @NotBlank
            @Size(max = 2048)
            @Schema(
                    required = true,
                    maxLength = 2048,
                    description = "The intended handle (`StJamesPrimary` or `@StJamesPrimary`) or profile URL, in any"
                            + " common form; it is stored canonicalised (ADR 0007). For `OTHER`, the https URL.",
                    examples = "@StJamesPrimary")
            String handle,

            @NotNull @EnumValue(of = Purpose.class) @Schema(required = true, implementation = Purpose.class)
            String purpose,

            @NotNull
            @Size(max = 4000)
            @StrongReason
            @Schema(
                    required = true,
                    minLength = SocialAccount.MIN_REASON,
                    maxLength = 4000,
                    description = "The strong pedagogical or business reason (clause 8.1), at least 50 characters.")
            String reason,

            @NotNull
            @Size(min = SocialAccount.MIN_ADMINISTRATORS, max = 10)
            @Schema(
                    required = true,
                    minItems = SocialAccount.MIN_ADMINISTRATORS,
                    maxItems = 10,
                    description = "HR ids of the adults who will run the account: at least two different active"
                            + " adults currently working at the school.",
                    examples = "[\"E1001\", \"E1003\"]")
            List<@NotBlank @Size(max = 64) String> administrators) {}

    @Schema(name = "SocialAccountApproval", description = "The Head's approval.")
    public record Approval(
            @Schema(
                    description = "When the Head will next review the account; after today, within three years."
                            + " Default: 12 months from today.")
            LocalDate reviewDue) {}

    @Schema(name = "SocialAccountReview", description = "The Head has reviewed the account (clause 8.2).")
    public record Review(
            @Schema(
                    description = "The next review date; after today, within three years. Default: 12 months from"
                            + " today.")
            LocalDate reviewDue) {}

    @Schema(name = "SocialAccountReason", description = "Why the Head rejects or suspends the account.")
    public record Reason(
            @NotBlank @Size(max = 2000) @Schema(required = true, maxLength = 2000)
            String reason) {}

    @Schema(name = "SocialAccountRetirement", description = "Why the account is retired (optional).")
    public record Retirement(
            @Size(max = 2000) @Schema(maxLength = 2000) String reason) {}

    @Schema(name = "SocialAccountLiveUrl", description = "The URL of the account as created.")
    public record LiveUrl(
            @NotBlank
            @Size(max = 2048)
            @Schema(
                    required = true,
                    maxLength = 2048,
                    description = "Must be the approved platform and handle after canonicalisation.",
                    examples = "https://twitter.com/StJamesPrimary")
            String url) {}
}
