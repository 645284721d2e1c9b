package org.careergraph.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    enum Colour { RED, GREEN }

    @Serdeable
    record Name(String en, @Nullable String zh) {
    }

    @Serdeable
    record Request(@OneLine Name title, @Nullable Name summary, int count, @Nullable Long big, boolean flag,
                   @Nullable BigDecimal weight, @Nullable Colour colour, @Nullable LocalDate from,
                   @Nullable Instant at, @Nullable List<@OneLine String> tags, @Nullable Map<String, Integer> counts,
                   @JsonProperty("renamed") @Nullable String original) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Open(@Nullable String name) {
    }

    private static final String VALID = """
            {"title":{"en":"Nurse","zh":"護理師"},"summary":{"en":"Cares.\\nLine two."},"count":3,"big":12,
             "flag":true,"weight":0.25,"colour":"RED","from":"2026-12-01","at":"2026-12-01T09:30:00Z",
             "tags":["a","b"],"counts":{"x":1},"renamed":"y"}""";

    @Test
    void aValidBodyPasses() {
        assertEquals(List.of(), check(VALID));
        assertEquals(List.of(), check("{\"count\":1,\"flag\":false}"));
    }

    @Test
    void nothingMayFollowTheDocument() {
        assertEquals(Map.of("", "unexpected content after the JSON document at line 1, column 27"),
                errors("{\"count\":1,\"flag\":false} x"));
        assertTrue(check("{\"count\":1,\"flag\":false}{}").size() == 1);
    }

    @Test
    void noValueIsCoercedToAnotherType() {
        assertEquals(Map.of("count", "must be a whole number, not true or false"), errors("{\"count\":true}"));
        assertEquals(Map.of("count", "must be a whole number, not a number"), errors("{\"count\":1.5}"));
        assertEquals(Map.of("count", "must be a whole number, not text"), errors("{\"count\":\"7\"}"));
        assertEquals(Map.of("flag", "must be true or false, not text"), errors("{\"flag\":\"yes\"}"));
        assertEquals(Map.of("flag", "must be true or false, not a number"), errors("{\"flag\":1}"));
        assertEquals(Map.of("title.en", "must be text, not a number"), errors("{\"title\":{\"en\":5}}"));
        assertEquals(Map.of("tags", "must be a list, not an object"), errors("{\"tags\":{}}"));
        assertEquals(Map.of("title", "must be an object, not a list"), errors("{\"title\":[]}"));
        assertEquals(Map.of("weight", "must be a number, not text"), errors("{\"weight\":\"0.5\"}"));
        assertEquals(Map.of("count", "must not be null"), errors("{\"count\":null}"));
        assertEquals(Map.of("colour", "must be one of [RED, GREEN]"), errors("{\"colour\":\"red\"}"));
    }

    @Test
    void unknownFieldsAndDuplicateKeysAreRefusedUnlessTheTypeIsOpen() {
        assertEquals(Map.of("title.fr", "is not a field of this request; known: [en, zh]"),
                errors("{\"title\":{\"en\":\"a\",\"fr\":\"b\"}}"));
        assertEquals(Map.of("original", "is not a field of this request; known: [title, summary, count, big, flag, "
                + "weight, colour, from, at, tags, counts, renamed]"), errors("{\"original\":\"y\"}"));
        assertTrue(errors("{\"count\":1,\"count\":2}").get("").startsWith("is not valid JSON: Duplicate field 'count'"));
        assertEquals(List.of(), StrictJson.check("{\"name\":\"a\",\"other\":1}".getBytes(), Open.class));
    }

    @Test
    void numbersAreBoundedBeforeTheyAreExpanded() {
        assertEquals(Map.of("weight", "is out of range"), errors("{\"weight\":1e200000}"));
        assertEquals(Map.of("weight", "is out of range"), errors("{\"weight\":1e-1000000000000}"));
        assertEquals(Map.of(), errors("{\"weight\":1e300}"));
        assertEquals(Map.of(), errors("{\"weight\":0e999999999999}"));
        assertEquals(Map.of("count", "must be a whole number from -2147483648 to 2147483647"),
                errors("{\"count\":99999999999}"));
        assertEquals(Map.of("big", "must be a whole number from -9223372036854775808 to 9223372036854775807"),
                errors("{\"big\":99999999999999999999}"));
    }

    @Test
    void datesStayWithinWhatADatabaseStores() {
        assertEquals(Map.of("from", "must be within the years 1000 to 9999"), errors("{\"from\":\"+10000-01-01\"}"));
        assertEquals(Map.of("at", "must be within the years 1000 to 9999"),
                errors("{\"at\":\"+10000-01-01T00:00:00Z\"}"));
        assertEquals(Map.of("at", "must be an ISO 8601 time such as 2026-12-01T09:30:00Z"),
                errors("{\"at\":\"+1000000000-01-01T00:00:00Z\"}"));
        assertEquals(Map.of("from", "must be an ISO 8601 date such as 2026-12-01"), errors("{\"from\":\"1/2/2026\"}"));
        assertEquals(Map.of("at", "must be a time such as 2026-12-01T09:30:00Z, not a number"), errors("{\"at\":1}"));
    }

    @Test
    void textHoldsNoControlCharactersNoLoneSurrogatesAndOneLineWhereOneLineIsMeant() {
        assertEquals(Map.of("summary.en", "contains a NUL character at position 1"),
                errors("{\"summary\":{\"en\":\"a\\u0000\"}}"));
        assertEquals(Map.of("summary.en", "contains half of a character (a lone surrogate at position 0)"),
                errors("{\"summary\":{\"en\":\"\\ud800@example.com\"}}"));
        assertEquals(Map.of("summary.en", "contains the control character U+001B at position 0"),
                errors("{\"summary\":{\"en\":\"\\u001b[31m\"}}"));
        assertEquals(Map.of("title.en", "must be one line, without line breaks"),
                errors("{\"title\":{\"en\":\"a\\r\\nb\"}}"));
        assertEquals(Map.of("tags[1]", "must be one line, without line breaks"), errors("{\"tags\":[\"a\",\"b\\n\"]}"));
        assertEquals(Map.of("tags[0]", "must be one line, without tabs"), errors("{\"tags\":[\"a\\tb\"]}"));
        assertEquals(Map.of(), errors("{\"summary\":{\"en\":\"tab\\there, 😀 and\\nnew lines\"}}"));
    }

    @Test
    void malformedJsonSaysWhere() {
        assertEquals(Map.of("", "is not valid JSON: Unexpected character ('}' (code 125)): expected a value"
                + " at line 1, column 11"), errors("{\"count\":}"));
        assertTrue(errors("").get("").contains("empty"));
        String notUtf8 = "{\"summary\":{\"en\":\"" + (char) 0xC3 + "\"}}";
        assertTrue(errors(notUtf8).get("").startsWith("is not valid JSON: Invalid UTF-8"), errors(notUtf8)::toString);
    }

    private static List<Problem.FieldError> check(String json) {
        return StrictJson.check(json.getBytes(StandardCharsets.UTF_8), Argument.of(Request.class));
    }

    private static Map<String, String> errors(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.ISO_8859_1);
        if (json.chars().anyMatch(c -> c > 0xFF)) {
            bytes = json.getBytes(StandardCharsets.UTF_8);
        }
        return StrictJson.check(bytes, Argument.of(Request.class)).stream()
                .collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message));
    }
}
