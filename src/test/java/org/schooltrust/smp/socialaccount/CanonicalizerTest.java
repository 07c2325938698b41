package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schooltrust.smp.socialaccount.Canonicalizer.Canonical;

/**
 * Real-world forms of profile URLs and handles, and the canonical URL each must (or must not) become. {@code "-"} means
 * "not recognised": the input can never verify as an official account. The decisions are explained in ADR 0007.
 */
class CanonicalizerTest {

    private static final String NONE = "-";
    private static final String X = "https://x.com/stjamesprimary";
    private static final String FACEBOOK = "https://www.facebook.com/stjamesprimary";
    private static final String FACEBOOK_ID = "https://www.facebook.com/profile.php?id=100064123456789";
    private static final String INSTAGRAM = "https://www.instagram.com/stjames.primary";
    private static final String YOUTUBE = "https://www.youtube.com/@stjamesprimary";
    private static final String YOUTUBE_CHANNEL = "https://www.youtube.com/channel/UCa1b2C3d4E5f6G7h8I9j0KL";
    private static final String TIKTOK = "https://www.tiktok.com/@stjamesprimary";
    private static final String LINKEDIN = "https://www.linkedin.com/company/st-james-primary-academy";
    private static final String BLUESKY = "https://bsky.app/profile/stjames.bsky.social";
    private static final String THREADS = "https://www.threads.net/@stjames.primary";
    private static final String WHATSAPP = "https://whatsapp.com/channel/0029VaA1b2C3d4E5f6G7h8I9";

    /** The Trust's registered accounts in these tests. */
    private static final Set<String> REGISTERED = Set.of(
            X,
            FACEBOOK,
            FACEBOOK_ID,
            INSTAGRAM,
            YOUTUBE,
            YOUTUBE_CHANNEL,
            TIKTOK,
            LINKEDIN,
            BLUESKY,
            THREADS,
            WHATSAPP,
            "https://mastodon.social/@StJamesPrimary");

    static List<Arguments> urls() {
        return List.of(
                // X / Twitter: twitter.com ≡ x.com, www./m./mobile., scheme, case, slash, query, fragment, port
                row("https://x.com/StJamesPrimary", X),
                row("https://twitter.com/StJamesPrimary", X),
                row("http://twitter.com/stjamesprimary", X),
                row("twitter.com/StJamesPrimary", X),
                row("www.twitter.com/StJamesPrimary/", X),
                row("https://mobile.twitter.com/StJamesPrimary", X),
                row("https://m.twitter.com/StJamesPrimary", X),
                row("https://www.x.com/StJamesPrimary", X),
                row("https://x.com/StJamesPrimary?lang=en", X),
                row("https://twitter.com/StJamesPrimary?ref_src=twsrc%5Egoogle%7Ctwcamp%5Eserp%7Ctwgr%5Eauthor", X),
                row("https://twitter.com/#!/StJamesPrimary", X),
                row("HTTPS://X.COM/STJAMESPRIMARY", X),
                row("https://x.com:443/StJamesPrimary", X),
                row("//x.com/StJamesPrimary", X),
                row("https://x.com./StJamesPrimary", X),
                row("https://x.com/StJamesPrimary#top", X),
                row("  https://x.com/StJamesPrimary  ", X),
                row("https://x.com/StJamesPrimary/status/1790000000000000000", NONE),
                row("https://x.com/home", NONE),
                row("https://x.com/i/lists/1234567", NONE),
                row("https://x.com/search?q=stjames", NONE),
                row("https://x.com/@StJamesPrimary", NONE),
                row("https://t.co/AbCdEf123", NONE),
                // Facebook: periods and case do not count in usernames; numeric ids; tabs; tracking parameters
                row("https://www.facebook.com/StJamesPrimary", FACEBOOK),
                row("https://m.facebook.com/StJamesPrimary/", FACEBOOK),
                row("https://facebook.com/St.James.Primary", FACEBOOK),
                row("https://web.facebook.com/StJamesPrimary?_rdc=1&_rdr", FACEBOOK),
                row("https://www.facebook.com/StJamesPrimary/about", FACEBOOK),
                row("fb.com/StJamesPrimary", FACEBOOK),
                row("https://www.facebook.com/StJamesPrimary?fref=ts&mibextid=ZbWKwL", FACEBOOK),
                row("https://www.facebook.com/profile.php?id=100064123456789", FACEBOOK_ID),
                row("https://m.facebook.com/profile.php?id=100064123456789&ref=bookmarks", FACEBOOK_ID),
                row("https://www.facebook.com/pages/St-James-Primary/100064123456789", FACEBOOK_ID),
                row("https://www.facebook.com/people/St-James-Primary-Academy/100064123456789/", FACEBOOK_ID),
                row("https://www.facebook.com/100064123456789", FACEBOOK_ID),
                row("https://www.facebook.com/groups/stjamesparents", NONE),
                row("https://www.facebook.com/StJamesPrimary/posts/pfbid02abcdef", NONE),
                row("https://www.facebook.com/profile.php", NONE),
                row("https://fb.me/StJamesPrimary", NONE),
                row("https://business.facebook.com/StJamesPrimary", NONE),
                // Instagram: periods count; profile root only
                row("https://www.instagram.com/stjames.primary/", INSTAGRAM),
                row("https://instagram.com/StJames.Primary?igsh=MTc4MmM1YmI2Ng==", INSTAGRAM),
                row("https://www.instagram.com/stjames.primary?hl=en", INSTAGRAM),
                row("https://m.instagram.com/stjames.primary", INSTAGRAM),
                row("https://www.instagram.com/stjamesprimary", "https://www.instagram.com/stjamesprimary"),
                row("https://www.instagram.com/p/C1a2b3c4d5e/", NONE),
                row("https://www.instagram.com/stjames.primary/reels/", NONE),
                row("https://instagr.am/stjames.primary", NONE),
                // YouTube: @handle (with channel tabs) and /channel/UC… ids; legacy /c/ and /user/ never match
                row("https://www.youtube.com/@StJamesPrimary", YOUTUBE),
                row("https://youtube.com/@stjamesprimary/videos", YOUTUBE),
                row("https://m.youtube.com/@StJamesPrimary/featured?app=desktop", YOUTUBE),
                row("https://www.youtube.com/@StJamesPrimary?si=AbCdEfGh", YOUTUBE),
                row("https://www.youtube.com/channel/UCa1b2C3d4E5f6G7h8I9j0KL", YOUTUBE_CHANNEL),
                row("https://www.youtube.com/channel/UCa1b2C3d4E5f6G7h8I9j0KL/videos", YOUTUBE_CHANNEL),
                row(
                        "https://www.youtube.com/channel/UCA1B2C3D4E5F6G7H8I9J0KL",
                        "https://www.youtube.com/channel/UCA1B2C3D4E5F6G7H8I9J0KL"),
                row("https://www.youtube.com/c/StJamesPrimary", NONE),
                row("https://www.youtube.com/user/StJamesPrimary", NONE),
                row("https://www.youtube.com/watch?v=dQw4w9WgXcQ", NONE),
                row("https://youtu.be/dQw4w9WgXcQ", NONE),
                // TikTok
                row("https://www.tiktok.com/@stjamesprimary", TIKTOK),
                row("https://tiktok.com/@StJamesPrimary?lang=en&is_from_webapp=1", TIKTOK),
                row("https://m.tiktok.com/@stjamesprimary/", TIKTOK),
                row("https://www.tiktok.com/@stjamesprimary/video/7300000000000000000", NONE),
                row("https://vm.tiktok.com/ZMabcdef/", NONE),
                row("https://www.tiktok.com/stjamesprimary", NONE),
                // LinkedIn: company pages (country subdomains, tabs); personal profiles never
                row("https://www.linkedin.com/company/st-james-primary-academy", LINKEDIN),
                row("https://uk.linkedin.com/company/St-James-Primary-Academy/", LINKEDIN),
                row("https://www.linkedin.com/company/st-james-primary-academy/about/?viewAsMember=true", LINKEDIN),
                row("linkedin.com/company/st-james-primary-academy/posts", LINKEDIN),
                row("https://www.linkedin.com/in/jane-smith-12345", NONE),
                row("https://lnkd.in/abcdef", NONE),
                // Bluesky: handles are domain names (case-insensitive) or did:plc identifiers
                row("https://bsky.app/profile/stjames.bsky.social", BLUESKY),
                row("https://bsky.app/profile/StJames.bsky.social/", BLUESKY),
                row(
                        "https://bsky.app/profile/stjames-primary.org.uk",
                        "https://bsky.app/profile/stjames-primary.org.uk"),
                row(
                        "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx",
                        "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx"),
                row("https://bsky.app/profile/stjames.bsky.social/post/3kabcdefgh", NONE),
                row("https://stjames.bsky.social", NONE),
                // Threads: threads.net ≡ threads.com
                row("https://www.threads.net/@stjames.primary", THREADS),
                row("https://www.threads.com/@StJames.Primary?xmt=AQGzAbc", THREADS),
                row("https://threads.net/@stjames.primary/post/C1abcdef", NONE),
                // WhatsApp channels: ids are case-sensitive
                row("https://whatsapp.com/channel/0029VaA1b2C3d4E5f6G7h8I9", WHATSAPP),
                row("https://www.whatsapp.com/channel/0029VaA1b2C3d4E5f6G7h8I9/", WHATSAPP),
                row(
                        "https://whatsapp.com/channel/0029vaa1b2c3d4e5f6g7h8i9",
                        "https://whatsapp.com/channel/0029vaa1b2c3d4e5f6g7h8i9"),
                row("https://wa.me/447700900123", NONE),
                // Other sites: https, host without www., path kept as written
                row("https://mastodon.social/@StJamesPrimary", "https://mastodon.social/@StJamesPrimary"),
                row("http://www.flickr.com/photos/stjamesprimary/?ref=x", "https://flickr.com/photos/stjamesprimary"),
                // Look-alikes: never the official account
                row("https://x.com.evil.example/StJamesPrimary", "https://x.com.evil.example/StJamesPrimary"),
                row("https://xcom.example/StJamesPrimary", "https://xcom.example/StJamesPrimary"),
                row("https://evil.example/x.com/StJamesPrimary", "https://evil.example/x.com/StJamesPrimary"),
                row("https://twitter.com@evil.example/StJamesPrimary", NONE),
                row("https://twitter.com:pass@x.com/StJamesPrimary", NONE),
                row("https://x.com/StJamesPrimaryy", "https://x.com/stjamesprimaryy"),
                row("https://x.com/StJamesPrimar", "https://x.com/stjamesprimar"),
                row("https://x.com/StJames_Primary", "https://x.com/stjames_primary"),
                row("https://tw\u0456tter.com/StJamesPrimary", NONE),
                row("https://x.com/StJamesPrim\u0430ry", NONE),
                row("https://xn--twtter-3ve.com/StJamesPrimary", "https://xn--twtter-3ve.com/StJamesPrimary"),
                row("https://faceb00k.com/StJamesPrimary", "https://faceb00k.com/StJamesPrimary"),
                row(
                        "https://facebook.com.stjames-primary.example/StJamesPrimary",
                        "https://facebook.com.stjames-primary.example/StJamesPrimary"),
                row("https://www.facebook.com/StJamesPrimary1", "https://www.facebook.com/stjamesprimary1"),
                row("https://www.youtube.com/@StJamesPrimary1", "https://www.youtube.com/@stjamesprimary1"),
                row("https://wwww.x.com/StJamesPrimary", NONE),
                row("https://x.com:8443/StJamesPrimary", NONE),
                row("https://x.com/%53tJamesPrimary", NONE),
                row("https://x.com//StJamesPrimary", NONE),
                row("https://x.com/StJames Primary", NONE),
                row("https://192.168.1.10/StJamesPrimary", NONE),
                row("ftp://x.com/StJamesPrimary", NONE),
                row("javascript:alert(1)", NONE),
                row("https://www.tiktok.com/@stjamesprimary.", NONE),
                // a query or fragment that could name another profile than the path (Facebook opens the last id)
                row(FACEBOOK_ID + "&id=100064999999999", NONE),
                row(FACEBOOK_ID + "&%69d=100064999999999", NONE),
                row(FACEBOOK_ID + "&id[]=100064999999999", NONE),
                row(FACEBOOK_ID + ";id=100064999999999", NONE),
                row(FACEBOOK_ID + "#id=100064999999999", NONE),
                row("https://www.facebook.com/profile.php?ID=100064123456789", NONE),
                row("https://www.facebook.com/profile.php?%69d=100064123456789", NONE),
                row("https://www.facebook.com/profile.php", NONE),
                row("https://www.facebook.com/StJamesPrimary?id=100064999999999", NONE),
                row("https://x.com/StJamesPrimary?lang=en&lang=fr", NONE),
                row("https://x.com/StJamesPrimary#!/Impostor", NONE),
                row("https://x.com/StJamesPrimary#%21/Impostor", NONE),
                row("https://x.com/StJamesPrimary?screen_name=Impostor", NONE),
                row("https://www.instagram.com/stjames.primary?username=impostor", NONE),
                row("https://www.youtube.com/@StJamesPrimary?channel=UCa1b2C3d4E5f6G7h8I9j0KL", NONE),
                row("https://mastodon.social/@StJamesPrimary?user=Impostor", NONE),
                row("https://mastodon.social/@StJamesPrimary#/@Impostor", NONE),
                row("https://school.example/blog?author=impostor", NONE),
                row("https://school.example/?p=42", NONE),
                row("", NONE));
    }

    static List<Arguments> handles() {
        return List.of(
                row(Platform.X, "@StJamesPrimary", X),
                row(Platform.X, "StJamesPrimary", X),
                row(Platform.X, " @stjamesprimary ", X),
                row(Platform.X, "https://twitter.com/StJamesPrimary", X),
                row(Platform.X, "stjames.primary", NONE),
                row(Platform.X, "sixteencharacter", NONE),
                row(Platform.X, "x.com/StJamesPrimary/status/1", NONE),
                row(Platform.FACEBOOK, "St.James.Primary", FACEBOOK),
                row(Platform.FACEBOOK, "100064123456789", FACEBOOK_ID),
                row(Platform.FACEBOOK, "abc", NONE),
                row(Platform.INSTAGRAM, "@StJames.Primary", INSTAGRAM),
                row(Platform.INSTAGRAM, "https://x.com/StJamesPrimary", NONE),
                row(Platform.YOUTUBE, "@StJamesPrimary", YOUTUBE),
                row(Platform.YOUTUBE, "StJamesPrimary", YOUTUBE),
                row(Platform.YOUTUBE, "UCa1b2C3d4E5f6G7h8I9j0KL", YOUTUBE_CHANNEL),
                row(Platform.YOUTUBE, "channel/UCa1b2C3d4E5f6G7h8I9j0KL", YOUTUBE_CHANNEL),
                row(Platform.TIKTOK, "@StJamesPrimary", TIKTOK),
                row(Platform.LINKEDIN, "St-James-Primary-Academy", LINKEDIN),
                row(Platform.BLUESKY, "@StJames.bsky.social", BLUESKY),
                row(Platform.BLUESKY, "stjames", NONE),
                row(Platform.THREADS, "@stjames.primary", THREADS),
                row(Platform.WHATSAPP_CHANNEL, "0029VaA1b2C3d4E5f6G7h8I9", WHATSAPP),
                row(
                        Platform.OTHER,
                        "https://mastodon.social/@StJamesPrimary",
                        "https://mastodon.social/@StJamesPrimary"),
                row(Platform.OTHER, "https://x.com/StJamesPrimary", NONE),
                row(Platform.OTHER, "StJamesPrimary", NONE));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("urls")
    void urlFormsCanonicalise(String input, String expected) {
        Optional<Canonical> canonical = Canonicalizer.fromUrl(input);
        assertThat(canonical.map(Canonical::url).orElse(NONE)).isEqualTo(expected);
        canonical.ifPresent(c -> assertThat(Canonicalizer.fromUrl(c.url()))
                .as("a canonical URL is its own canonical form")
                .contains(c));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("handles")
    void handleFormsCanonicalise(Platform platform, String input, String expected) {
        assertThat(Canonicalizer.fromHandle(platform, input).map(Canonical::url).orElse(NONE))
                .isEqualTo(expected);
    }

    /** Inputs that must never verify as the registered accounts (also read by {@code PublicPageTest}). */
    static Stream<String> lookAlikes() {
        return Stream.of(
                "https://x.com.evil.example/StJamesPrimary",
                "https://xcom.example/StJamesPrimary",
                "https://evil.example/x.com/StJamesPrimary",
                "https://twitter.com@evil.example/StJamesPrimary",
                "https://x.com/StJamesPrimaryy",
                "https://x.com/StJamesPrimar",
                "https://x.com/_StJamesPrimary",
                "https://tw\u0456tter.com/StJamesPrimary",
                "https://x.com/StJamesPrim\u0430ry",
                "https://xn--twtter-3ve.com/StJamesPrimary",
                "https://x.com/StJamesPrimary/status/1",
                "https://mastodon.social/@StJamesPrimary1",
                "https://mastodon.social.evil.example/@StJamesPrimary",
                "https://www.instagram.com/stjames.primary_",
                "https://www.instagram.com/stjamesprimary",
                "https://www.facebook.com/StJamesPrimary.1",
                "https://www.youtube.com/c/StJamesPrimary",
                "https://www.tiktok.com/@stjamesprimary1",
                "https://www.linkedin.com/company/st-james-primary-academy1",
                "https://bsky.app/profile/stjames.bsky.social.evil.example",
                "https://whatsapp.com/channel/0029vaa1b2c3d4e5f6g7h8i9",
                "https://bsky.app.evil.example/profile/stjames.bsky.social",
                FACEBOOK_ID + "&id=100064999999999",
                FACEBOOK_ID + "&%69d=100064999999999",
                FACEBOOK_ID + "&id[]=100064999999999",
                FACEBOOK_ID + ";id=100064999999999",
                FACEBOOK_ID + "#id=100064999999999",
                "https://www.facebook.com/profile.php?ID=100064123456789",
                "https://x.com/StJamesPrimary#!/Impostor",
                "https://x.com/Impostor?screen_name=StJamesPrimary",
                "https://mastodon.social/@StJamesPrimary?user=Impostor",
                "https://mastodon.social/@StJamesPrimary#/@Impostor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void lookAlikesNeverMatchARegisteredAccount(String input) {
        assertThat(Canonicalizer.fromUrl(input).map(Canonical::url))
                .satisfiesAnyOf(
                        url -> assertThat(url).isEmpty(),
                        url -> assertThat(REGISTERED).doesNotContain(url.get()));
    }

    @Test
    void storedHandlesAreNormalisedAndCaseIsKeptOnlyForCaseSensitiveIds() {
        assertThat(Canonicalizer.fromUrl("https://twitter.com/StJamesPrimary"))
                .contains(new Canonical(Platform.X, "stjamesprimary", X));
        assertThat(Canonicalizer.fromUrl("https://facebook.com/St.James.Primary"))
                .contains(new Canonical(Platform.FACEBOOK, "stjamesprimary", FACEBOOK));
        assertThat(Canonicalizer.fromUrl(YOUTUBE_CHANNEL))
                .contains(new Canonical(Platform.YOUTUBE, "channel/UCa1b2C3d4E5f6G7h8I9j0KL", YOUTUBE_CHANNEL));
        assertThat(Canonicalizer.fromUrl("https://www.threads.com/@StJames.Primary"))
                .contains(new Canonical(Platform.THREADS, "stjames.primary", THREADS));
        assertThat(Canonicalizer.fromUrl("http://www.Mastodon.Social/@StJamesPrimary/"))
                .contains(new Canonical(
                        Platform.OTHER, "mastodon.social/@StJamesPrimary", "https://mastodon.social/@StJamesPrimary"));
    }

    @Test
    void requireSaysWhyAnInputIsRefused() {
        assertThat(Canonicalizer.require(Platform.X, "@StJamesPrimary").url()).isEqualTo(X);
        assertThatThrownBy(() -> Canonicalizer.require(Platform.INSTAGRAM, "https://x.com/StJamesPrimary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is an account on X, not INSTAGRAM; choose that platform");
        assertThatThrownBy(() -> Canonicalizer.require(Platform.OTHER, "https://twitter.com/StJamesPrimary"))
                .hasMessage("is an account on X, not OTHER; choose that platform");
        assertThatThrownBy(() -> Canonicalizer.require(Platform.OTHER, "https://t.co/abc"))
                .hasMessageStartingWith("must be the https URL");
        assertThatThrownBy(() -> Canonicalizer.require(Platform.X, "stjames.primary"))
                .hasMessage("is not a valid X handle or profile URL");
    }

    private static Arguments row(String input, String expected) {
        return Arguments.of(input, expected);
    }

    private static Arguments row(Platform platform, String input, String expected) {
        return Arguments.of(platform, input, expected);
    }
}
