package org.careergraph.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.careergraph.web.i18n.Language;
import org.careergraph.web.view.Input;
import org.careergraph.web.view.Views;

/**
 * Before anything else reads a request: its address must be UTF-8 text without control characters (the lenient
 * decoders would turn {@code %ED%A0%80} into U+FFFD and pass {@code %00} on to a service), {@code ?lang=} must name a
 * language of the site, and a body must be a form ({@code application/x-www-form-urlencoded}, all that the pages post)
 * in UTF-8, the only charset the forms are read in. A refused request gets an error page naming what was refused
 * (400, or 415 for a body) and nothing is asked of a service.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class InputGuard implements Ordered {

    private final Views views;

    InputGuard(Views views) {
        this.views = views;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        if (path != null && Input.decode(path, false).filter(Input::isOneLine).isEmpty()) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.badAddress");
        }
        Optional<String> parameter = unfitParameter(request.getUri().getRawQuery());
        if (parameter.isPresent()) {
            return views.refusedParameter(request, parameter.get());
        }
        List<String> languages = request.getParameters().getAll(Language.PARAMETER);
        if (languages.stream().anyMatch(value -> Language.parse(value).isEmpty())) {
            return views.refusedParameter(request, Language.PARAMETER);
        }
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD
                && request.getHeaders().getAll(HttpHeaders.CONTENT_TYPE).stream().anyMatch(type -> !isForm(type))) {
            return views.error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.charset");
        }
        return null;
    }

    /**
     * The first query parameter whose name or value is no one line of UTF-8 text: by its name when that can be read,
     * else as a whole.
     */
    static Optional<String> unfitParameter(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            Optional<String> name = Input.decode(equals < 0 ? pair : pair.substring(0, equals), true)
                    .filter(Input::isOneLine);
            if (name.isEmpty()) {
                return Optional.of("?");
            }
            if (equals >= 0 && Input.decode(pair.substring(equals + 1), true).filter(Input::isOneLine).isEmpty()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** A form's Content-Type, with no charset or with UTF-8 as its only one: every body the web front takes. */
    static boolean isForm(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String name = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            if (name.equals("charset")) {
                String value = equals < 0 ? "" : parts[i].substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
