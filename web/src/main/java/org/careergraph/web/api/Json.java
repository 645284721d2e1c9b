package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** Reading a service's JSON (maps, lists, values) leniently: what is not of the expected shape reads as empty. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(@Nullable Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The objects of an array, anything else in it left out. */
    static List<Map<String, Object>> objects(@Nullable Object value) {
        return array(value).stream().filter(Map.class::isInstance).map(Json::object).toList();
    }

    @Nullable
    static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
