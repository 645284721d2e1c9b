package org.careergraph.web.view;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.Roles;
import org.careergraph.web.api.ServiceApi;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.i18n.Texts;

/**
 * What every template gets as {@code page}: the reader's language and its words, how to show the services' bilingual
 * texts, numbers and dates, and who is signed in to the admin console (if anyone).
 */
public final class PageContext {

    /** The eight dimensions in the order the scoring model and the career pages list them. */
    public static final List<String> DIMENSIONS = List.of("income", "demandOutlook", "prFriendliness", "aiRisk",
            "competition", "learningDuration", "certification", "prDifficulty");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Language language;
    private final Map<String, String> texts;
    private final @Nullable Map<String, List<String>> query;
    private final @Nullable Caller caller;
    private final @Nullable String csrf;

    /**
     * @param query the page's query parameters, for the link to this page in the other language; null for a page that
     *              answers a form, which that link could not show again (nor its one-time secrets)
     */
    public PageContext(Language language, @Nullable Map<String, List<String>> query, @Nullable Caller caller,
                       @Nullable String csrf) {
        this.language = language;
        this.texts = Texts.of(language);
        this.query = query;
        this.caller = caller;
        this.csrf = csrf;
    }

    public String getLang() {
        return language.code();
    }

    public String getHtmlLang() {
        return language.htmlLang();
    }

    /** The page's words: {@code page.t['search.title']}. */
    public Map<String, String> getT() {
        return texts;
    }

    /** The word for a key with a prefix ({@code page.word('verdict.', 'MIXED')}); blank for no value. */
    public String word(String prefix, @Nullable Object value) {
        return value == null ? "" : texts.get(prefix + value);
    }

    /**
     * This page in the other language (the link also remembers the choice); null on a page that answers a form. Only a
     * query, so that it stays on this page's path whatever that path is.
     */
    @Nullable
    public String getSwitchUrl() {
        if (query == null) {
            return null;
        }
        StringBuilder url = new StringBuilder("?");
        query.forEach((name, values) -> {
            if (!name.equals(Language.PARAMETER)) {
                values.forEach(value -> url.append(ServiceApi.encode(name)).append('=')
                        .append(ServiceApi.encode(value)).append('&'));
            }
        });
        return url.append(Language.PARAMETER).append('=').append(language.other().code()).toString();
    }

    public String getOtherLanguageName() {
        return texts.get("language." + language.other().code());
    }

    public String getOtherHtmlLang() {
        return language.other().htmlLang();
    }

    /**
     * A bilingual text ({@code {"en": …, "zh": …}}) in the reader's language, else in the other; a plain string as
     * it is; blank for none.
     */
    public String text(@Nullable Object localized) {
        if (localized instanceof Map<?, ?> map) {
            Object mine = map.get(language.code());
            Object other = map.get(language.other().code());
            return mine != null && !mine.toString().isBlank() ? mine.toString() : other == null ? "" : other.toString();
        }
        return localized == null ? "" : localized.toString();
    }

    /** The lang attribute for {@link #text}: null when the text is in the page's language, else the other's. */
    @Nullable
    public String textLang(@Nullable Object localized) {
        if (localized instanceof Map<?, ?> map) {
            Object mine = map.get(language.code());
            if ((mine == null || mine.toString().isBlank()) && map.get(language.other().code()) != null) {
                return language.other().htmlLang();
            }
        }
        return null;
    }

    /**
     * The value at a dotted path in the services' JSON ({@code page.at(item, 'page.aiImpact.verdict')}), null where
     * any step is missing: the templates' safe navigation.
     */
    @Nullable
    public Object at(@Nullable Object root, String path) {
        Object value = root;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    /** An occupation's (or a score's) title from its {@code titleEn} and {@code titleZh}. */
    public String title(@Nullable Map<?, ?> occupation) {
        if (occupation == null) {
            return "";
        }
        return text(Map.of("en", String.valueOf(occupation.get("titleEn") == null ? "" : occupation.get("titleEn")),
                "zh", String.valueOf(occupation.get("titleZh") == null ? "" : occupation.get("titleZh"))));
    }

    public String titleLang(@Nullable Map<?, ?> occupation) {
        if (occupation == null) {
            return null;
        }
        Object mine = occupation.get(language == Language.EN ? "titleEn" : "titleZh");
        return mine == null || mine.toString().isBlank() ? language.other().htmlLang() : null;
    }

    /** A number with grouping (72,800); blank for none. */
    public String number(@Nullable Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        try {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
            format.setMaximumFractionDigits(2);
            return format.format(new BigDecimal(value.toString()));
        } catch (NumberFormatException e) {
            return value.toString();
        }
    }

    /**
     * A range as the page shows it: {@code NZD 48,000 – 58,000}, or one end alone when the other is missing; the
     * unit (a currency) is left out when null. Dates and other text pass as they are.
     */
    public String range(@Nullable Object unit, @Nullable Object from, @Nullable Object to) {
        String low = number(from);
        String high = number(to);
        String range = low.isEmpty() ? high : high.isEmpty() || high.equals(low) ? low : low + " – " + high;
        return range.isEmpty() || unit == null ? range : unit + " " + range;
    }

    /**
     * The lang attribute of a plain text the services give in one language only (a salary level, a qualification):
     * Chinese when it has Han characters, else English; null when that is the page's language.
     */
    @Nullable
    public String langOf(@Nullable Object text) {
        if (text == null) {
            return null;
        }
        boolean chinese = text.toString().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        Language written = chinese ? Language.ZH : Language.EN;
        return written == language ? null : written.htmlLang();
    }

    /** An instant as {@code 2026-12-02 05:51 UTC}; a date as it is. */
    public String date(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        try {
            return DATE_TIME.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    public List<String> getDimensions() {
        return DIMENSIONS;
    }

    /** The signed-in admin or editor; null for readers. */
    @Nullable
    public Caller getCaller() {
        return caller;
    }

    public boolean isAdmin() {
        return caller != null && caller.roles().contains(Roles.ADMIN);
    }

    /** The token every admin form sends back, so that another site cannot post in the admin's name. */
    @Nullable
    public String getCsrf() {
        return csrf;
    }

}
