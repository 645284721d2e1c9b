package org.careergraph.web.view;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.careergraph.security.AccessTokens.Caller;
import org.careergraph.security.Roles;
import org.careergraph.web.Urls;
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

    /**
     * What {@link BigDecimal} reads: sign, digits with a point, exponent. Checked first, because most text a page
     * passes (a date, a code) is no number, and a refused parse throws: a career page threw about ten a render.
     */
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(\\p{Nd}+\\.?\\p{Nd}*|\\.\\p{Nd}+)([eE][+-]?\\p{Nd}+)?");
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
                values.forEach(value -> url.append(Urls.encode(name)).append('=')
                        .append(Urls.encode(value)).append('&'));
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
        BigDecimal decimal = parse(value.toString());
        if (decimal == null) {
            return value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return format.format(decimal);
    }

    /**
     * An amount of US dollars from the catalog ({@code {"amount": 239200, "atLeast": true}}, or a plain number) as
     * {@code 239,200}; a top-coded one, which BLS gives only as a floor, as {@code ≥ 239,200}. Blank for none.
     */
    public String money(@Nullable Object wage) {
        if (wage instanceof Map<?, ?> map) {
            String amount = number(map.get("amount"));
            return amount.isEmpty() || !Boolean.TRUE.equals(map.get("atLeast")) ? amount : "≥ " + amount;
        }
        return number(wage);
    }

    /** An hourly amount as {@link #money}, always with cents ({@code 45.00}, {@code ≥ 115.00}). */
    public String moneyCents(@Nullable Object wage) {
        Object amount = wage instanceof Map<?, ?> map ? map.get("amount") : wage;
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        String text = format.format(value);
        return wage instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("atLeast")) ? "≥ " + text : text;
    }

    /** A share from 0 to 1 as a whole percentage ({@code 0.3333} is {@code 33%}); blank for none. */
    public String percent(@Nullable Object fraction) {
        BigDecimal value = decimal(fraction);
        return value == null ? "" : value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A change in percent with its sign ({@code +5.6%}, {@code −3.2%}); blank for none. */
    public String change(@Nullable Object percent) {
        BigDecimal value = decimal(percent);
        if (value == null) {
            return "";
        }
        String magnitude = number(value.abs()) + "%";
        return value.signum() > 0 ? "+" + magnitude : value.signum() < 0 ? "−" + magnitude : magnitude;
    }

    /** A figure published in thousands ({@code 3172.5}) as a count ({@code 3,172,500}); blank for none. */
    public String thousands(@Nullable Object value) {
        BigDecimal thousands = decimal(value);
        return thousands == null ? "" : number(thousands.movePointRight(3));
    }

    /** A 0-1 score with two decimals ({@code 0.12}); blank for none. */
    public String score01(@Nullable Object value) {
        BigDecimal score = decimal(value);
        return score == null ? "" : score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** ANZSCO writes some group titles in capitals ("PROFESSIONALS"): shown as a title is elsewhere. */
    public String groupTitle(@Nullable Object title) {
        if (title == null) {
            return "";
        }
        String text = title.toString();
        boolean capitals = text.equals(text.toUpperCase(Locale.ROOT)) && !text.equals(text.toLowerCase(Locale.ROOT));
        return capitals && text.length() > 1 ? text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT) : text;
    }

    @Nullable
    private static BigDecimal decimal(@Nullable Object value) {
        return value == null ? null : parse(value.toString().strip());
    }

    /** The number the text is, or null when it is none. */
    @Nullable
    private static BigDecimal parse(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // an exponent out of range
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

    /**
     * A number of seconds as a time to wait ({@code 2 min 5 s}, {@code 1 h 20 min}) in the reader's words; blank for
     * none. Seconds are dropped from an hour or more: the figure is an estimate.
     */
    public String duration(@Nullable Object seconds) {
        BigDecimal value = decimal(seconds);
        if (value == null || value.signum() < 0) {
            return "";
        }
        long total = value.setScale(0, RoundingMode.CEILING).longValue();
        List<String> parts = new ArrayList<>();
        if (total >= 3600) {
            parts.add(getT().get("time.hours").replace("{0}", Long.toString(total / 3600)));
        }
        if (total % 3600 >= 60) {
            parts.add(getT().get("time.minutes").replace("{0}", Long.toString(total % 3600 / 60)));
        }
        if (total < 3600 && (total % 60 > 0 || parts.isEmpty())) {
            parts.add(getT().get("time.seconds").replace("{0}", Long.toString(total % 60)));
        }
        return String.join(" ", parts);
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
