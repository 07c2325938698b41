package org.schooltrust.smp.socialaccount;

import io.quarkus.qute.TemplateData;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string of the public pages, from one resource bundle ({@code messages/public_page.properties}; a Welsh
 * {@code public_page_cy.properties} beside it is all a translation needs). Dates are written out ("3 July 2026"),
 * never numeric.
 */
@TemplateData
public final class PageText {

    static final String BUNDLE = "messages.public_page";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ResourceBundle bundle;
    private final Locale locale;

    private PageText(ResourceBundle bundle) {
        this.bundle = bundle;
        this.locale =
                bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty()
                        ? Locale.UK
                        : bundle.getLocale();
    }

    /** The strings for the first of the preferred languages the bundle has, else English. */
    public static PageText forLanguages(List<Locale> preferred) {
        for (Locale wanted : preferred) {
            ResourceBundle candidate = ResourceBundle.getBundle(
                    BUNDLE,
                    wanted,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            if (candidate.getLocale().getLanguage().equals(wanted.getLanguage())) {
                return new PageText(candidate);
            }
        }
        return new PageText(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
    }

    /** The page's language, for {@code <html lang>}. */
    public String lang() {
        return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
    }

    /** A text without arguments, read as MessageFormat like every other ({@code ''} is a quote). */
    public String get(String key) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(new Object[0]);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No public page text " + key, e);
        }
    }

    private String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No public page text " + key, e);
        }
    }

    public String format(String key, Object arg) {
        return new MessageFormat(raw(key), locale).format(new Object[] {arg});
    }

    public String format2(String key, Object first, Object second) {
        return new MessageFormat(raw(key), locale).format(new Object[] {first, second});
    }

    public String date(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(UK));
    }

    /** A platform's name, e.g. "X (formerly Twitter)". */
    public String platform(Platform platform) {
        return get("platform." + platform.name());
    }

    /** Where to report a fake account on the platform, or empty when it has no such form. */
    public String reportUrl(Platform platform) {
        return bundle.containsKey("report." + platform.name()) ? raw("report." + platform.name()) : "";
    }

    public String status(AccountStatus status) {
        return get("status." + status.name());
    }

    /** The check's answer about an account the school has had ({@code OFFICIAL} or {@code NO_LONGER_USED}). */
    public String checkResult(RegisterService.CheckAnswer answer, String account, String school) {
        return format2("check.result." + answer.name(), account, school);
    }

    public String purpose(Purpose purpose) {
        return get("purpose." + purpose.name());
    }
}
