package org.schooltrust.smp.socialaccount;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the many ways people write a social-media account (profile URLs in their mobile, legacy and tracking-laden
 * forms, bare handles, {@code @handle}) into one canonical {@code (platform, handle, url)}, so the register can tell
 * a school's official account from a look-alike. Pure Java, no I/O: a URL is never fetched. What matches and what
 * never does is decided in ADR 0007 and pinned by {@code CanonicalizerTest}.
 *
 * <p>The rule for safety is to fail closed: anything unusual (user info, a non-default port, percent-encoding,
 * non-ASCII, a host that merely contains a platform's name, a post rather than a profile) is not recognised, so it
 * can never verify as official.
 */
public final class Canonicalizer {

    /** An account in canonical form: the stored handle (lower case unless the platform's ids are case-sensitive). */
    public record Canonical(Platform platform, String handle, String url) {}

    private static final int MAX_LENGTH = 2048;
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*", Pattern.DOTALL);
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|.*\\.[0-9]+");

    private static final Pattern X_HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern FACEBOOK_NAME = Pattern.compile("[A-Za-z0-9.]{5,80}");
    private static final Pattern FACEBOOK_ID = Pattern.compile("[0-9]{5,20}");
    private static final Pattern META_HANDLE = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9._]{0,28}[A-Za-z0-9_])?");
    private static final Pattern YOUTUBE_HANDLE = Pattern.compile("[A-Za-z0-9._-]{3,30}");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern TIKTOK_HANDLE = Pattern.compile("[A-Za-z0-9_.]{1,23}[A-Za-z0-9_]");
    private static final Pattern LINKEDIN_SLUG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,98}[A-Za-z0-9])?");
    private static final Pattern BLUESKY_DID = Pattern.compile("did:plc:[a-z2-7]{24}");
    private static final Pattern WHATSAPP_CHANNEL = Pattern.compile("[A-Za-z0-9]{20,40}");

    /** The hosts on which a platform serves profiles, before the {@code www.}/{@code m.}/{@code mobile.} prefixes. */
    private static final Map<String, Platform> PROFILE_HOSTS = Map.ofEntries(
            Map.entry("x.com", Platform.X),
            Map.entry("twitter.com", Platform.X),
            Map.entry("facebook.com", Platform.FACEBOOK),
            Map.entry("fb.com", Platform.FACEBOOK),
            Map.entry("instagram.com", Platform.INSTAGRAM),
            Map.entry("youtube.com", Platform.YOUTUBE),
            Map.entry("tiktok.com", Platform.TIKTOK),
            Map.entry("linkedin.com", Platform.LINKEDIN),
            Map.entry("bsky.app", Platform.BLUESKY),
            Map.entry("threads.net", Platform.THREADS),
            Map.entry("threads.com", Platform.THREADS),
            Map.entry("whatsapp.com", Platform.WHATSAPP_CHANNEL));

    /**
     * Domains run by the platforms (profile hosts, short links, handle domains). A URL on one of them, or on any of
     * their subdomains, is either a recognised profile or nothing: never an {@code OTHER} site.
     */
    private static final Set<String> PLATFORM_DOMAINS = Set.of(
            "x.com",
            "twitter.com",
            "t.co",
            "facebook.com",
            "fb.com",
            "fb.me",
            "fb.watch",
            "instagram.com",
            "instagr.am",
            "youtube.com",
            "youtu.be",
            "tiktok.com",
            "linkedin.com",
            "lnkd.in",
            "bsky.app",
            "bsky.social",
            "threads.net",
            "threads.com",
            "whatsapp.com",
            "wa.me");

    /** A query key as written: a percent-encoded, bracketed or {@code ;}-separated key could decode to another. */
    private static final Pattern QUERY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A fragment that is a plain in-page anchor; anything else may be routed by the page's script. */
    private static final Pattern PLAIN_ANCHOR = Pattern.compile("[A-Za-z0-9_-]{0,64}");
    /** Query keys by which some site's page names a profile: never accepted beside a profile path. */
    private static final Set<String> PROFILE_KEYS = Set.of(
            "id",
            "user",
            "username",
            "screen_name",
            "user_id",
            "uid",
            "u",
            "handle",
            "profile",
            "channel",
            "account",
            "author",
            "name",
            "p",
            "page",
            "q",
            "url",
            "redirect",
            "next",
            "continue");
    /** Query keys of tracking and display preferences, the only ones kept meaningless on a site of {@code OTHER}. */
    private static final Pattern TRACKING_KEY =
            Pattern.compile("utm_[a-z]{1,20}|fbclid|gclid|msclkid|mc_cid|mc_eid|ref|ref_src|ref_url|lang|hl|si");

    private static final Set<String> ALIAS_PREFIXES = Set.of("www", "m", "mobile");

    private static final Set<String> X_RESERVED = Set.of(
            "home",
            "explore",
            "search",
            "notifications",
            "messages",
            "i",
            "intent",
            "settings",
            "login",
            "logout",
            "signup",
            "tos",
            "privacy",
            "share",
            "hashtag",
            "compose",
            "download",
            "jobs");
    private static final Set<String> FACEBOOK_RESERVED = Set.of(
            "pages",
            "groups",
            "events",
            "watch",
            "marketplace",
            "gaming",
            "sharer",
            "sharer.php",
            "share",
            "login",
            "login.php",
            "policies",
            "photo",
            "photo.php",
            "photos",
            "people",
            "hashtag",
            "reels",
            "stories",
            "story.php",
            "permalink.php",
            "profile.php",
            "home.php",
            "notes",
            "privacy",
            "settings",
            "messages",
            "friends",
            "bookmarks",
            "business",
            "legal",
            "search",
            "videos");
    private static final Set<String> FACEBOOK_TABS =
            Set.of("about", "photos", "videos", "events", "reviews", "community", "followers", "mentions", "reels");
    private static final Set<String> META_RESERVED = Set.of(
            "p",
            "reel",
            "reels",
            "stories",
            "explore",
            "accounts",
            "direct",
            "tv",
            "about",
            "legal",
            "developer",
            "web",
            "search",
            "login");
    private static final Set<String> YOUTUBE_TABS =
            Set.of("featured", "videos", "shorts", "streams", "playlists", "community", "posts", "about");
    private static final Set<String> LINKEDIN_TABS =
            Set.of("about", "posts", "jobs", "people", "life", "events", "videos");

    private Canonicalizer() {}

    /**
     * A profile URL in any accepted form → the account it names; empty when it is not a recognised profile URL (a
     * post, a short link, a look-alike host, anything unusual). A URL of a site that is not one of the named platforms
     * canonicalises as {@code OTHER}.
     */
    public static Optional<Canonical> fromUrl(String input) {
        Optional<Url> parsed = Url.parse(input);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Url url = parsed.get();
        Optional<Platform> platform = profilePlatform(url.host());
        if (platform.isPresent()) {
            return url.hasSafeExtras(platform.get()) ? profile(platform.get(), url) : Optional.empty();
        }
        if (isPlatformDomain(url.host()) || !url.hasSafeExtras(Platform.OTHER)) {
            return Optional.empty();
        }
        return Optional.of(other(url));
    }

    /**
     * A handle ({@code StJames}, {@code @StJames}) or a profile URL of the given platform → the account; empty when it
     * cannot be an account of that platform. For {@code OTHER} only a URL is accepted.
     */
    public static Optional<Canonical> fromHandle(Platform platform, String input) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (platform == Platform.YOUTUBE && s.startsWith("channel/")) {
            return youtubeChannel(s.substring("channel/".length()));
        }
        if (platform == Platform.OTHER || s.contains("/")) {
            return fromUrl(s).filter(c -> c.platform() == platform);
        }
        boolean at = s.startsWith("@");
        String handle = at ? s.substring(1) : s;
        return switch (platform) {
            case X -> xHandle(handle);
            case FACEBOOK -> facebookName(handle);
            case INSTAGRAM -> instagramHandle(handle);
            case YOUTUBE ->
                !at && YOUTUBE_CHANNEL.matcher(handle).matches() ? youtubeChannel(handle) : youtubeHandle(handle);
            case TIKTOK -> tiktokHandle(handle);
            case LINKEDIN -> linkedinSlug(handle);
            case BLUESKY -> blueskyHandle(handle);
            case THREADS -> threadsHandle(handle);
            case WHATSAPP_CHANNEL -> whatsappChannel(handle);
            case OTHER -> Optional.empty();
        };
    }

    /** Like {@link #fromHandle} but says why an input is refused, for a field error. */
    public static Canonical require(Platform platform, String input) {
        Optional<Canonical> canonical = fromHandle(platform, input);
        if (canonical.isPresent()) {
            return canonical.get();
        }
        Optional<Canonical> asUrl = input != null && input.contains("/") ? fromUrl(input) : Optional.empty();
        if (asUrl.isPresent() && asUrl.get().platform() != platform) {
            throw new IllegalArgumentException(
                    "is an account on " + asUrl.get().platform() + ", not " + platform + "; choose that platform");
        }
        if (platform == Platform.OTHER) {
            throw new IllegalArgumentException("must be the https URL of the account on a site other than the named"
                    + " platforms (their profile URLs are proposed under their own platform)");
        }
        throw new IllegalArgumentException("is not a valid " + platform + " handle or profile URL");
    }

    private static Optional<Canonical> profile(Platform platform, Url url) {
        List<String> segments = url.segments();
        return switch (platform) {
            case X -> x(url);
            case FACEBOOK -> facebook(url);
            case INSTAGRAM -> segments.size() == 1 ? instagramHandle(segments.get(0)) : Optional.empty();
            case YOUTUBE -> youtube(segments);
            case TIKTOK ->
                segments.size() == 1 && segments.get(0).startsWith("@")
                        ? tiktokHandle(segments.get(0).substring(1))
                        : Optional.empty();
            case LINKEDIN -> linkedin(segments);
            case BLUESKY ->
                segments.size() == 2 && segments.get(0).equals("profile")
                        ? blueskyHandle(segments.get(1))
                        : Optional.empty();
            case THREADS ->
                segments.size() == 1 && segments.get(0).startsWith("@")
                        ? threadsHandle(segments.get(0).substring(1))
                        : Optional.empty();
            case WHATSAPP_CHANNEL ->
                segments.size() == 2 && segments.get(0).equals("channel")
                        ? whatsappChannel(segments.get(1))
                        : Optional.empty();
            case OTHER -> Optional.empty();
        };
    }

    private static Optional<Canonical> x(Url url) {
        List<String> segments = url.segments();
        String fragment = url.fragment();
        if (segments.isEmpty() && fragment != null && fragment.startsWith("!/")) {
            // the 2010-era "hashbang" form: twitter.com/#!/handle
            segments = Url.segments(fragment.substring(1)).orElse(List.of());
        }
        return segments.size() == 1 ? xHandle(segments.get(0)) : Optional.empty();
    }

    private static Optional<Canonical> xHandle(String raw) {
        if (!X_HANDLE.matcher(raw).matches()) {
            return Optional.empty();
        }
        String handle = lower(raw);
        if (X_RESERVED.contains(handle)) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.X, handle, "https://x.com/" + handle));
    }

    private static Optional<Canonical> facebook(Url url) {
        List<String> s = url.segments();
        if (s.size() == 1 && s.get(0).equals("profile.php")) {
            // Facebook opens the last "id"; Url.hasSafeExtras has already refused repeated and encoded keys
            return facebookId(url.queryParameter("id").orElse(""));
        }
        if (s.size() == 3 && (s.get(0).equals("pages") || s.get(0).equals("people"))) {
            return facebookId(s.get(2));
        }
        if (s.size() == 1 || s.size() == 2 && FACEBOOK_TABS.contains(lower(s.get(1)))) {
            return facebookName(s.get(0));
        }
        return Optional.empty();
    }

    /** Facebook ignores periods and case in usernames: {@code St.James.Primary} is {@code stjamesprimary}. */
    private static Optional<Canonical> facebookName(String raw) {
        if (FACEBOOK_ID.matcher(raw).matches()) {
            return facebookId(raw);
        }
        if (!FACEBOOK_NAME.matcher(raw).matches() || FACEBOOK_RESERVED.contains(lower(raw))) {
            return Optional.empty();
        }
        String name = lower(raw.replace(".", ""));
        if (name.length() < 5 || name.chars().allMatch(Character::isDigit) || FACEBOOK_RESERVED.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.FACEBOOK, name, "https://www.facebook.com/" + name));
    }

    private static Optional<Canonical> facebookId(String raw) {
        if (!FACEBOOK_ID.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.FACEBOOK, raw, "https://www.facebook.com/profile.php?id=" + raw));
    }

    private static Optional<Canonical> instagramHandle(String raw) {
        return metaHandle(raw).map(h -> new Canonical(Platform.INSTAGRAM, h, "https://www.instagram.com/" + h));
    }

    private static Optional<Canonical> threadsHandle(String raw) {
        return metaHandle(raw).map(h -> new Canonical(Platform.THREADS, h, "https://www.threads.net/@" + h));
    }

    private static Optional<String> metaHandle(String raw) {
        if (!META_HANDLE.matcher(raw).matches() || raw.contains("..")) {
            return Optional.empty();
        }
        String handle = lower(raw);
        return META_RESERVED.contains(handle) ? Optional.empty() : Optional.of(handle);
    }

    private static Optional<Canonical> youtube(List<String> s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        boolean tabOk = s.size() == 1 || s.size() == 2 && YOUTUBE_TABS.contains(lower(s.get(1)));
        if (s.get(0).startsWith("@") && tabOk) {
            return youtubeHandle(s.get(0).substring(1));
        }
        boolean channelTabOk = s.size() == 2 || s.size() == 3 && YOUTUBE_TABS.contains(lower(s.get(2)));
        if (s.get(0).equals("channel") && channelTabOk) {
            return youtubeChannel(s.get(1));
        }
        // /c/<name> and /user/<name> are legacy names YouTube does not tie to the @handle: never matched.
        return Optional.empty();
    }

    private static Optional<Canonical> youtubeHandle(String raw) {
        if (!YOUTUBE_HANDLE.matcher(raw).matches()) {
            return Optional.empty();
        }
        String handle = lower(raw);
        return Optional.of(new Canonical(Platform.YOUTUBE, handle, "https://www.youtube.com/@" + handle));
    }

    /** Channel ids are case-sensitive and kept as written. */
    private static Optional<Canonical> youtubeChannel(String raw) {
        if (!YOUTUBE_CHANNEL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.YOUTUBE, "channel/" + raw, "https://www.youtube.com/channel/" + raw));
    }

    private static Optional<Canonical> tiktokHandle(String raw) {
        if (!TIKTOK_HANDLE.matcher(raw).matches()) {
            return Optional.empty();
        }
        String handle = lower(raw);
        return Optional.of(new Canonical(Platform.TIKTOK, handle, "https://www.tiktok.com/@" + handle));
    }

    private static Optional<Canonical> linkedin(List<String> s) {
        boolean tabOk = s.size() == 2 || s.size() == 3 && LINKEDIN_TABS.contains(lower(s.get(2)));
        if (!s.isEmpty() && s.get(0).equals("company") && tabOk) {
            return linkedinSlug(s.get(1));
        }
        // /in/<person> is a personal profile, never an official school account.
        return Optional.empty();
    }

    private static Optional<Canonical> linkedinSlug(String raw) {
        if (!LINKEDIN_SLUG.matcher(raw).matches() || raw.length() < 2) {
            return Optional.empty();
        }
        String slug = lower(raw);
        return Optional.of(new Canonical(Platform.LINKEDIN, slug, "https://www.linkedin.com/company/" + slug));
    }

    /** A Bluesky handle is a domain name (case-insensitive), or the account's did:plc identifier. */
    private static Optional<Canonical> blueskyHandle(String raw) {
        String handle = BLUESKY_DID.matcher(raw).matches() ? raw : lower(raw);
        boolean valid = BLUESKY_DID.matcher(handle).matches()
                || handle.length() <= 253
                        && DOMAIN.matcher(handle).matches()
                        && !NUMERIC_HOST.matcher(handle).matches();
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.BLUESKY, handle, "https://bsky.app/profile/" + handle));
    }

    /** Channel ids are case-sensitive and kept as written. */
    private static Optional<Canonical> whatsappChannel(String raw) {
        if (!WHATSAPP_CHANNEL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(Platform.WHATSAPP_CHANNEL, raw, "https://whatsapp.com/channel/" + raw));
    }

    /** Any other site: https, lower-case host without {@code www.}, path as written, no query, fragment or slash. */
    private static Canonical other(Url url) {
        String host = url.host();
        if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
        }
        String path = url.segments().isEmpty() ? "" : "/" + String.join("/", url.segments());
        return new Canonical(Platform.OTHER, host + path, "https://" + host + path);
    }

    private static Optional<Platform> profilePlatform(String host) {
        Platform direct = PROFILE_HOSTS.get(host);
        if (direct != null) {
            return Optional.of(direct);
        }
        int dot = host.indexOf('.');
        String prefix = host.substring(0, dot);
        Platform platform = PROFILE_HOSTS.get(host.substring(dot + 1));
        if (platform == null) {
            return Optional.empty();
        }
        boolean alias = ALIAS_PREFIXES.contains(prefix)
                || platform == Platform.FACEBOOK && prefix.equals("web")
                || platform == Platform.LINKEDIN && prefix.matches("[a-z]{2}");
        return alias ? Optional.of(platform) : Optional.empty();
    }

    private static boolean isPlatformDomain(String host) {
        return PLATFORM_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The parts of an http(s) URL that matter, or nothing when anything about it is unusual. */
    record Url(String host, List<String> segments, String query, String fragment) {

        static Optional<Url> parse(String input) {
            if (input == null) {
                return Optional.empty();
            }
            String s = input.strip();
            if (s.isEmpty() || s.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    // whitespace, control characters and non-ASCII (homoglyph hosts and handles) never match
                    return Optional.empty();
                }
            }
            if (s.startsWith("//")) {
                s = "https:" + s;
            } else if (!SCHEME.matcher(s).matches()) {
                s = "https://" + s;
            }
            URI uri;
            try {
                uri = new URI(s);
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
            String scheme = lower(uri.getScheme());
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String host = uri.getHost();
            if (host == null) {
                return Optional.empty();
            }
            host = lower(host);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!DOMAIN.matcher(host).matches() || NUMERIC_HOST.matcher(host).matches()) {
                return Optional.empty();
            }
            int port = uri.getPort();
            if (port != -1 && !(port == 443 && scheme.equals("https")) && !(port == 80 && scheme.equals("http"))) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String normalisedHost = host;
            return segments(path)
                    .map(segments -> new Url(normalisedHost, segments, uri.getRawQuery(), uri.getRawFragment()));
        }

        /** {@code /a/b/} → [a, b]; empty segments ({@code //}) and percent-encoding are refused. */
        static Optional<List<String>> segments(String path) {
            if (path.contains("%")) {
                return Optional.empty();
            }
            String p = path.startsWith("/") ? path.substring(1) : path;
            if (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            List<String> segments = new ArrayList<>();
            if (p.isEmpty()) {
                return Optional.of(segments);
            }
            for (String segment : p.split("/", -1)) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                segments.add(segment);
            }
            return Optional.of(segments);
        }

        /**
         * Whether the query and fragment cannot name another profile than the path does (fail closed): every query
         * key is written plainly and only once, no key names a profile (on Facebook's {@code profile.php} exactly
         * one, {@code id}, must), a site of {@code OTHER} carries only tracking keys, and the fragment is a plain
         * anchor (or X's old {@code #!/handle} form with no path).
         */
        boolean hasSafeExtras(Platform platform) {
            boolean profilePhp = platform == Platform.FACEBOOK && segments.equals(List.of("profile.php"));
            Set<String> keys = new java.util.HashSet<>();
            if (query != null) {
                for (String pair : query.split("&", -1)) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    if (!QUERY_KEY.matcher(key).matches()
                            || !keys.add(key)
                            || pair.contains(";")
                            || pair.contains("[")
                            || pair.contains("]")) {
                        return false;
                    }
                    boolean namesProfile = PROFILE_KEYS.contains(lower(key));
                    if (namesProfile && !(profilePhp && key.equals("id"))) {
                        return false;
                    }
                    if (platform == Platform.OTHER && !TRACKING_KEY.matcher(key).matches()) {
                        return false;
                    }
                }
            }
            if (profilePhp && !keys.contains("id")) {
                return false;
            }
            if (fragment == null || PLAIN_ANCHOR.matcher(fragment).matches()) {
                return !(profilePhp && fragment != null && !fragment.isEmpty());
            }
            return platform == Platform.X && segments.isEmpty() && fragment.startsWith("!/");
        }

        Optional<String> queryParameter(String name) {
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Optional.of(pair.substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }
    }
}
