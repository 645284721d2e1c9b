package org.careergraph.platform.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one strict reading of a JSON request body, against the Java type it binds to, before the binder sees it. The
 * binder (Micronaut Serde) is lenient: it reads {@code true} as 1, {@code 1.5} as 1, {@code "yes"} as false, a number
 * as text, ignores what follows the document and expands {@code 1e1000000} before any range is checked. This check
 * refuses all of that, field by field:
 * <ul>
 * <li>one JSON document, nothing after it; no key twice in an object;</li>
 * <li>each value of the JSON type its field has: text for text, enums and dates; whole numbers for integers, within
 * their range; numbers for decimals, with an exponent that stays within what a double holds; true or false for
 * booleans; arrays for lists; objects for records and maps;</li>
 * <li>no field the record does not have (unless it says {@code @JsonIgnoreProperties(ignoreUnknown = true)});</li>
 * <li>text by {@link TextRules}, one line under {@link OneLine}; dates within years 1000-9999 (what a MySQL DATE
 * or DATETIME stores).</li>
 * </ul>
 * Types it does not know (Object, JSON nodes) take any value.
 */
public final class StrictJson {

    /** Years a MySQL DATE or DATETIME column stores. */
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;
    /** A decimal's power of ten may not go beyond this either way: a double's range, with room. */
    private static final int MAX_EXPONENT = 400;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_ERRORS = 50;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private StrictJson() {
    }

    /** What is wrong with this body for this type: one entry per field at fault; empty when it reads strictly. */
    public static List<Problem.FieldError> check(byte[] body, Argument<?> type) {
        StrictJson check = new StrictJson();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return List.of(new Problem.FieldError("", "the body is empty; a JSON document was expected"));
            }
            check.value(parser, type, "", false);
            if (check.errors.isEmpty() && check.hasMore(parser)) {
                check.errors.add(new Problem.FieldError("", "unexpected content after the JSON document at "
                        + where(parser)));
            }
        } catch (JsonProcessingException e) {
            return List.of(new Problem.FieldError("", "is not valid JSON: " + e.getOriginalMessage()
                    + " at " + where(e.getProcessor() instanceof JsonParser p ? p : null)));
        } catch (IOException e) {
            return List.of(new Problem.FieldError("", "could not be read as JSON"));
        }
        return List.copyOf(check.errors);
    }

    /** The same check, for one item read outside an HTTP body (an NDJSON line). */
    public static <T> List<Problem.FieldError> check(byte[] body, Class<T> type) {
        return check(body, Argument.of(type));
    }

    private void value(JsonParser parser, Argument<?> type, String path, boolean oneLine) throws IOException {
        if (errors.size() >= MAX_ERRORS) {
            parser.skipChildren();
            return;
        }
        Class<?> kind = type.getType();
        oneLine = oneLine || isOneLine(type.getAnnotationMetadata()) || kind.isAnnotationPresent(OneLine.class);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            if (kind.isPrimitive()) {
                refuse(path, "must not be null");
            }
            return;
        }
        if (kind == Optional.class) {
            value(parser, type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), path, oneLine);
        } else if (kind == Object.class || kind.getName().startsWith("com.fasterxml.jackson.databind")
                || kind.getName().startsWith("io.micronaut.json.tree")) {
            parser.skipChildren();
        } else if (kind == String.class || kind == CharSequence.class) {
            text(parser, path, oneLine);
        } else if (kind == boolean.class || kind == Boolean.class) {
            expect(parser, token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, path, "must be true or false");
        } else if (isWholeNumber(kind)) {
            wholeNumber(parser, kind, path);
        } else if (kind.isPrimitive() || Number.class.isAssignableFrom(kind)) {
            decimal(parser, path);
        } else if (kind.isEnum()) {
            enumValue(parser, kind, path);
        } else if (Temporal.class.isAssignableFrom(kind)) {
            date(parser, kind, path);
        } else if (kind == UUID.class || kind == java.net.URI.class || kind == java.time.Duration.class
                || kind == java.time.ZoneId.class || kind == java.util.Locale.class) {
            text(parser, path, true);
        } else if (Collection.class.isAssignableFrom(kind) || kind.isArray()) {
            list(parser, type, path, oneLine);
        } else if (Map.class.isAssignableFrom(kind)) {
            map(parser, type, path, oneLine);
        } else {
            Optional<? extends BeanIntrospection<?>> bean = BeanIntrospector.SHARED.findIntrospection(kind);
            if (bean.isPresent()) {
                object(parser, bean.get(), path, oneLine);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Whether anything but white space follows the document (another value or garbage alike). */
    private boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private void text(JsonParser parser, String path, boolean oneLine) throws IOException {
        if (expect(parser, parser.currentToken() == JsonToken.VALUE_STRING, path, "must be text")) {
            TextRules.problem(parser.getText(), oneLine).ifPresent(problem -> refuse(path, problem));
        }
    }

    private void wholeNumber(JsonParser parser, Class<?> kind, String path) throws IOException {
        if (!expect(parser, parser.currentToken() == JsonToken.VALUE_NUMBER_INT, path, "must be a whole number")) {
            return;
        }
        String text = parser.getText();
        if (kind == BigInteger.class) {
            if (text.length() > MAX_NUMBER_LENGTH) {
                refuse(path, "has more than " + MAX_NUMBER_LENGTH + " digits");
            }
            return;
        }
        BigInteger value = text.length() > 25 ? null : new BigInteger(text);
        long min;
        long max;
        if (kind == long.class || kind == Long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (kind == short.class || kind == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (kind == byte.class || kind == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        }
        if (value == null || value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            refuse(path, "must be a whole number from " + min + " to " + max);
        }
    }

    /** Bounded by its text, before anything expands it: {@code 1e1000000} would cost seconds to write out. */
    private void decimal(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (!expect(parser, token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, path,
                "must be a number")) {
            return;
        }
        String text = parser.getText();
        if (text.length() > MAX_NUMBER_LENGTH) {
            refuse(path, "has more than " + MAX_NUMBER_LENGTH + " characters");
            return;
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = e < 0 ? text : text.substring(0, e);
        BigDecimal significand = new BigDecimal(mantissa);
        if (significand.signum() == 0) {
            return;
        }
        long exponent = 0;
        if (e >= 0) {
            String digits = text.substring(e + 1);
            exponent = digits.replace("+", "").replace("-", "").length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        }
        long magnitude = exponent == Long.MAX_VALUE ? Long.MAX_VALUE
                : exponent + significand.precision() - significand.scale();
        if (Math.abs(magnitude) > MAX_EXPONENT) {
            refuse(path, "is out of range");
        }
    }

    private void enumValue(JsonParser parser, Class<?> kind, String path) throws IOException {
        if (!expect(parser, parser.currentToken() == JsonToken.VALUE_STRING, path, "must be text")) {
            return;
        }
        List<String> names = Arrays.stream(kind.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (!names.contains(parser.getText())) {
            refuse(path, "must be one of " + names);
        }
    }

    private void date(JsonParser parser, Class<?> kind, String path) throws IOException {
        String example = kind == LocalDate.class ? "a date such as 2026-12-01" : "a time such as 2026-12-01T09:30:00Z";
        if (!expect(parser, parser.currentToken() == JsonToken.VALUE_STRING, path, "must be " + example)) {
            return;
        }
        temporalProblem(kind, parser.getText(), "must be an ISO 8601 " + (kind == LocalDate.class
                ? "date such as 2026-12-01" : "time such as 2026-12-01T09:30:00Z"))
                .ifPresent(problem -> refuse(path, problem));
    }

    /**
     * What is wrong with a date or time written as text, for a JSON field or a query value alike: {@code unreadable}
     * when it is not ISO 8601, a range when its year is outside what a MySQL DATE or DATETIME stores. Empty for a
     * type this does not read.
     */
    static Optional<String> temporalProblem(Class<?> kind, String text, String unreadable) {
        int year;
        try {
            if (kind == LocalDate.class) {
                year = LocalDate.parse(text).getYear();
            } else if (kind == Instant.class) {
                year = Instant.parse(text).atOffset(ZoneOffset.UTC).getYear();
            } else if (kind == OffsetDateTime.class) {
                year = OffsetDateTime.parse(text).getYear();
            } else if (kind == ZonedDateTime.class) {
                year = ZonedDateTime.parse(text).getYear();
            } else if (kind == LocalDateTime.class) {
                year = LocalDateTime.parse(text).getYear();
            } else {
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.of(unreadable);
        }
        return year < FIRST_YEAR || year > LAST_YEAR
                ? Optional.of("must be within the years " + FIRST_YEAR + " to " + LAST_YEAR) : Optional.empty();
    }

    private void list(JsonParser parser, Argument<?> type, String path, boolean oneLine) throws IOException {
        if (!expect(parser, parser.currentToken() == JsonToken.START_ARRAY, path, "must be a list")) {
            return;
        }
        Argument<?> item = type.getType().isArray()
                ? Argument.of(type.getType().getComponentType())
                : type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            value(parser, item, path + "[" + index++ + "]", oneLine);
        }
    }

    private void map(JsonParser parser, Argument<?> type, String path, boolean oneLine) throws IOException {
        if (!expect(parser, parser.currentToken() == JsonToken.START_OBJECT, path, "must be an object")) {
            return;
        }
        Argument<?>[] parameters = type.getTypeParameters();
        Argument<?> values = parameters.length == 2 ? parameters[1] : Argument.OBJECT_ARGUMENT;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String at = join(path, name);
            TextRules.problem(name, true).ifPresent(problem -> refuse(at, "the field name " + problem));
            parser.nextToken();
            value(parser, values, at, oneLine);
        }
    }

    private void object(JsonParser parser, BeanIntrospection<?> bean, String path, boolean oneLine) throws IOException {
        if (!expect(parser, parser.currentToken() == JsonToken.START_OBJECT, path, "must be an object")) {
            return;
        }
        Map<String, Argument<?>> fields = fields(bean);
        boolean open = bean.booleanValue(JsonIgnoreProperties.class, "ignoreUnknown").orElse(false);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String at = join(path, name);
            parser.nextToken();
            Argument<?> field = fields.get(name);
            if (field != null) {
                value(parser, field, at, oneLine);
            } else {
                if (!open) {
                    refuse(at, "is not a field of this request; known: " + fields.keySet());
                }
                parser.skipChildren();
            }
        }
    }

    /** The fields a record or bean reads, by their JSON names: its constructor's arguments and its setters. */
    private static Map<String, Argument<?>> fields(BeanIntrospection<?> bean) {
        Map<String, Argument<?>> fields = new LinkedHashMap<>();
        for (Argument<?> argument : bean.getConstructorArguments()) {
            fields.put(jsonName(argument.getAnnotationMetadata(), argument.getName()), argument);
        }
        for (BeanProperty<?, ?> property : bean.getBeanProperties()) {
            if (!property.isReadOnly()) {
                fields.putIfAbsent(jsonName(property.getAnnotationMetadata(), property.getName()),
                        property.asArgument());
            }
        }
        return fields;
    }

    private static String jsonName(AnnotationMetadata metadata, String name) {
        return metadata.stringValue(JsonProperty.class).filter(s -> !s.isEmpty()).orElse(name);
    }

    private static boolean isOneLine(AnnotationMetadata metadata) {
        return metadata.hasAnnotation(OneLine.class) || metadata.hasDeclaredAnnotation(OneLine.class);
    }

    private static boolean isWholeNumber(Class<?> kind) {
        return kind == int.class || kind == Integer.class || kind == long.class || kind == Long.class
                || kind == short.class || kind == Short.class || kind == byte.class || kind == Byte.class
                || kind == BigInteger.class;
    }

    /** True when the value has the expected JSON type; otherwise refuses it and skips it. */
    private boolean expect(JsonParser parser, boolean ok, String path, String message) throws IOException {
        if (!ok) {
            refuse(path, message + ", not " + describe(parser.currentToken()));
            parser.skipChildren();
        }
        return ok;
    }

    private void refuse(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Problem.FieldError(path, message));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "that";
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String where(JsonParser parser) {
        if (parser == null) {
            return "the body";
        }
        var location = parser.currentLocation();
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
