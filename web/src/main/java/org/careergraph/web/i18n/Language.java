package org.careergraph.web.i18n;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.util.Locale;
import java.util.Optional;

/**
 * The two languages of the site. A reader's choice comes from {@code ?lang=} (which also sets the cookie that
 * remembers it), else the cookie, else the browser's Accept-Language, else English.
 */
public enum Language {
    EN("en", "en"),
    ZH("zh", "zh-Hant");

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "lang";

    private final String code;
    private final String htmlLang;

    Language(String code, String htmlLang) {
        this.code = code;
        this.htmlLang = htmlLang;
    }

    /** As in URLs, cookies and the services' bilingual texts ({@code {"en": …, "zh": …}}). */
    public String code() {
        return code;
    }

    /** The HTML lang attribute: the Chinese is Traditional. */
    public String htmlLang() {
        return htmlLang;
    }

    public Language other() {
        return this == EN ? ZH : EN;
    }

    public static Optional<Language> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.trim().toLowerCase(Locale.ROOT);
        if (code.equals("en") || code.startsWith("en-")) {
            return Optional.of(EN);
        }
        if (code.equals("zh") || code.startsWith("zh-")) {
            return Optional.of(ZH);
        }
        return Optional.empty();
    }

    public static Language of(HttpRequest<?> request) {
        return parse(request.getParameters().get(PARAMETER))
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(Language::parse))
                .or(() -> fromAcceptLanguage(request.getHeaders().get("Accept-Language")))
                .orElse(EN);
    }

    /** The first language range we have, in the order the browser gave (quality values are rarely out of order). */
    static Optional<Language> fromAcceptLanguage(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String range : header.split(",")) {
            Optional<Language> language = parse(range.split(";")[0]);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }
}
