package org.careergraph.testsupport.hostile;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hostile requests for one route, generated from its {@link RouteShape}: one thing wrong at a time, every path
 * variable, query value, declared header and body property covered, the total per route bounded.
 */
final class Probes {

    /** What an answer must be beyond the common checks (no 5xx, problem+json, no internal names). */
    enum Expect {
        /** Anything below 500. */
        NO_5XX,
        /** A 4xx: the contract refuses this input. */
        REFUSE,
        /** Any status, but nothing stored (a per-line import may answer 200 with the line refused). */
        NOT_STORED
    }

    /** One request: a label saying what is wrong, the request, what the answer must be. */
    record Probe(String label, String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                 Expect expect) {
    }

    /** Bounds the run: groups are taken round-robin, so every parameter gets its first probes before the cap. */
    static final int MAX_PER_ROUTE = 240;
    static final int ONE_MB_PLUS = 1_100_000;
    static final int LARGE = 200_000;

    private static final String UNKNOWN_FIELD = "hostileUnknownField";
    private static final String HOSTILE_TYPE = "application/x-hostile";

    private enum Kind { STRING, INTEGER, DECIMAL, NUMBER, BOOLEAN, ENUM, DATE_TIME, DATE, LIST, MAP, BEAN, OTHER }

    private record Value(String text, Expect expect) {
    }

    private record Mutation(Object value, Expect expect) {
    }

    private final RouteShape route;
    private final Examples examples;
    private final List<List<Probe>> groups = new ArrayList<>();

    private Probes(RouteShape route, Examples examples) {
        this.route = route;
        this.examples = examples;
    }

    static List<Probe> of(RouteShape route, Examples examples) {
        Probes probes = new Probes(route, examples);
        probes.generate();
        return probes.interleaved();
    }

    /** The valid request the hostile ones start from, for routes with a body; empty for the others. */
    static Optional<Probe> validExample(RouteShape route, Examples examples) {
        Probes probes = new Probes(route, examples);
        return switch (route.bodyKind()) {
            case JSON, TEXT -> Optional.of(probes.probe("the valid example", probes.basePath(),
                    probes.baseHeaders(route.contentType()), probes.example().getBytes(StandardCharsets.UTF_8),
                    Expect.NO_5XX));
            default -> Optional.empty();
        };
    }

    static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || CharSequence.class.isAssignableFrom(type)
                || type == Boolean.class || type.isEnum() || Temporal.class.isAssignableFrom(type)
                || type == UUID.class;
    }

    private void generate() {
        // Every route gets at least these: an undeclared parameter must be ignored or refused, never break it.
        groups.add(List.of(probe("undeclared query parameter", basePath() + "?hostileParameter=%00%ED%A0%80",
                baseHeaders(null), null, Expect.NO_5XX)));
        route.pathVariables().forEach(this::pathVariable);
        route.queryValues().forEach(this::queryValue);
        route.headers().forEach(this::header);
        switch (route.bodyKind()) {
            case JSON -> jsonBody();
            case TEXT -> textBody();
            case MULTIPART -> multipartBody();
            case FORM -> formBody();
            case NONE -> { }
        }
    }

    // ---- path, query, headers ----

    private void pathVariable(String name, Argument<?> type) {
        List<Value> values = new ArrayList<>(List.of(new Value("%01", Expect.NO_5XX), new Value("%00", Expect.NO_5XX),
                new Value("%ED%A0%80", Expect.NO_5XX), new Value("%zz", Expect.NO_5XX),
                new Value("%", Expect.NO_5XX), new Value("%C3%28", Expect.NO_5XX),
                new Value("a".repeat(10_240), Expect.NO_5XX)));
        Kind kind = kind(type.getType());
        if (kind == Kind.INTEGER || kind == Kind.DECIMAL) {
            values.add(new Value("abc", Expect.REFUSE));
            values.add(new Value("99999999999999999999", Expect.REFUSE));
        }
        List<Probe> group = new ArrayList<>();
        for (Value value : values) {
            Map<String, String> path = validPathValues();
            path.put(name, value.text());
            group.add(probe("path {" + name + "}=" + shown(value.text()), route.path(path), baseHeaders(null), null,
                    value.expect()));
        }
        groups.add(group);
    }

    private void queryValue(String name, Argument<?> type) {
        List<Value> values = switch (kind(type.getType())) {
            case INTEGER -> List.of(refuse("abc"), refuse("1.5"), refuse("99999999999999999999"), refuse("1e200000"),
                    refuse("%00"), refuse("%ED%A0%80"), any(""));
            case DECIMAL, NUMBER -> List.of(refuse("abc"), any("99999999999999999999"), any("1e200000"),
                    refuse("%00"), any(""));
            case BOOLEAN -> List.of(refuse("abc"), refuse("yes"), refuse("2"), refuse("%00"), any(""));
            case ENUM -> List.of(refuse("abc"), refuse("%00"), refuse("%ED%A0%80"), any(""));
            case DATE_TIME, DATE -> List.of(refuse("abc"), any("%2B1000000000-01-01T00:00:00Z"),
                    any("10000-01-01T00:00:00Z"), any("10000-01-01"), refuse("%00"), any(""));
            default -> List.of(any("%01"), any("%00"), any("%ED%A0%80"), any("%zz"), any("a".repeat(10_240)),
                    any("abc"), any(""), any("%2B1000000000-01-01T00:00:00Z"), any("10000-01-01"),
                    any("99999999999999999999"));
        };
        List<Probe> group = new ArrayList<>();
        for (Value value : values) {
            group.add(probe("query " + name + "=" + shown(value.text()), basePath() + "?" + name + "=" + value.text(),
                    baseHeaders(null), null, value.expect()));
        }
        groups.add(group);
    }

    private void header(String name, Argument<?> type) {
        List<Probe> group = new ArrayList<>();
        for (String value : List.of("\u0001x", "a".repeat(10_240), "\u00c3(", "%00", "\u00ed\u00a0\u0080")) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(baseHeaders(null));
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            headers.add(Map.entry(name, value));
            group.add(probe("header " + name + ": " + shown(value), basePath(), headers, null, Expect.NO_5XX));
        }
        groups.add(group);
    }

    // ---- JSON bodies ----

    private void jsonBody() {
        String type = route.contentType();
        List<Probe> group = new ArrayList<>();
        group.add(jsonProbe("empty body", "", type, route.bodyRequired() ? Expect.REFUSE : Expect.NO_5XX));
        group.add(jsonProbe("malformed JSON {\"", "{\"", type, Expect.REFUSE));
        group.add(jsonProbe("not JSON", "not json", type, Expect.REFUSE));
        group.add(jsonProbe("trailing garbage after the document", example() + " x", type, Expect.REFUSE));
        group.add(jsonProbe("a second document after the first", example() + " {}", type, Expect.REFUSE));
        group.add(jsonProbe("nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000), type, Expect.REFUSE));
        group.add(jsonProbe("a raw control character in a string", rawControlCharacter(example()), type,
                Expect.REFUSE));
        group.add(jsonProbe("invalid UTF-8 in a string", null, type, Expect.NO_5XX,
                invalidUtf8(example())));
        if (!route.consumes().contains(MediaType.ALL_TYPE)) {
            group.add(jsonProbe("wrong Content-Type " + HOSTILE_TYPE, example(), HOSTILE_TYPE, Expect.REFUSE));
        }
        group.add(jsonProbe("unknown charset (charset=foo)", example(), type + "; charset=foo", Expect.REFUSE));
        group.add(jsonProbe("illegal charset (charset=@@)", example(), type + "; charset=@@", Expect.REFUSE));
        Object tree = Json.parse(example());
        if (tree instanceof Map<?, ?> object && !object.isEmpty()) {
            group.add(jsonProbe("wrong top-level type (array)", "[]", type, Expect.REFUSE));
            group.add(jsonProbe("unknown field " + UNKNOWN_FIELD, withUnknownField(Json.parse(example())), type,
                    Expect.REFUSE));
            group.add(jsonProbe("duplicate key", withDuplicateKey(example()), type, Expect.REFUSE));
        }
        firstStringPath(tree, new ArrayList<>()).ifPresent(path -> {
            // Under and over the 1 MB most bodies are held to.
            for (int size : new int[]{LARGE, ONE_MB_PLUS}) {
                Object big = Json.parse(example());
                set(big, path, "x".repeat(size));
                group.add(jsonProbe(size / 1000 + " kB string in " + pathName(path), Json.write(big), type,
                        Expect.NO_5XX));
            }
        });
        groups.add(group);
        walk(tree, route.body(), new ArrayList<>(), type, this::example);
    }

    /** Each property of the example (typed by the body's introspection where known) given each wrong JSON value. */
    private void walk(Object json, Argument<?> declared, List<Object> path, String type, Supplier<String> document) {
        Argument<?> unwrapped = unwrap(declared);
        Kind kind = unwrapped == null ? Kind.OTHER : kind(unwrapped.getType());
        if (json instanceof Map<?, ?> object) {
            Optional<? extends BeanIntrospection<?>> bean = kind == Kind.BEAN
                    ? BeanIntrospector.SHARED.findIntrospection(unwrapped.getType()) : Optional.empty();
            if (bean.isPresent()) {
                for (BeanProperty<?, ?> property : bean.get().getBeanProperties()) {
                    String name = jsonName(property);
                    List<Object> at = append(path, name);
                    Argument<?> propertyType = property.asArgument();
                    if (object.containsKey(name)) {
                        mutate(at, kindOf(propertyType, object.get(name)), type, false, document);
                        walk(object.get(name), propertyType, at, type, document);
                    } else {
                        mutate(at, kindOf(propertyType, null), type, true, document);
                    }
                }
            } else {
                Argument<?> values = kind == Kind.MAP && unwrapped.getTypeParameters().length == 2
                        ? unwrapped.getTypeParameters()[1] : null;
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    List<Object> at = append(path, entry.getKey());
                    mutate(at, kindOf(values, entry.getValue()), type, false, document);
                    walk(entry.getValue(), values, at, type, document);
                }
            }
        } else if (json instanceof List<?> list && !list.isEmpty()) {
            Argument<?> element = unwrapped != null && unwrapped.getTypeParameters().length == 1
                    ? unwrapped.getTypeParameters()[0] : null;
            List<Object> at = append(path, 0);
            mutate(at, kindOf(element, list.get(0)), type, false, document);
            walk(list.get(0), element, at, type, document);
        }
    }

    private void mutate(List<Object> path, Kind kind, String type, boolean absent, Supplier<String> document) {
        List<Mutation> mutations = mutations(kind);
        if (absent) {
            mutations = mutations.stream().filter(m -> m.expect() == Expect.REFUSE).limit(3).toList();
        }
        List<Probe> group = new ArrayList<>();
        for (Mutation mutation : mutations) {
            Object tree = Json.parse(document.get());
            if (set(tree, path, mutation.value())) {
                String shownValue = mutation.value() instanceof Json.Raw raw ? raw.text() : Json.write(mutation.value());
                group.add(jsonProbe((absent ? "absent property " : "property ") + pathName(path) + " (" + kind
                        + ") = " + shown(shownValue), Json.write(tree), type, mutation.expect()));
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    private static List<Mutation> mutations(Kind kind) {
        return switch (kind) {
            case STRING -> List.of(no(7), no(true), no(Map.of()), no(new Json.Raw("\"a\\u0000b\"")),
                    no(new Json.Raw("\"a\\ud800b\"")), new Mutation("a\r\nb", Expect.NO_5XX));
            case INTEGER -> List.of(no(true), no(new BigDecimal("1.5")), no("7"),
                    no(new Json.Raw("99999999999999999999")), no(new Json.Raw("1e200000")));
            case DECIMAL -> List.of(no(true), no("7"), no(List.of()),
                    new Mutation(new Json.Raw("1e200000"), Expect.NO_5XX),
                    new Mutation(new Json.Raw("99999999999999999999"), Expect.NO_5XX));
            case NUMBER -> List.of(no(true), no("7"), new Mutation(new Json.Raw("1e200000"), Expect.NO_5XX));
            case BOOLEAN -> List.of(no("yes"), no(1), no("true"));
            case ENUM -> List.of(no("NOT_A_VALUE"), no(1));
            case DATE_TIME -> List.of(no("+1000000000-01-01T00:00:00Z"), no(7), no("10000-01-01T00:00:00Z"),
                    no("0999-12-31T00:00:00Z"), no("abc"));
            case DATE -> List.of(no("+1000000000-01-01"), no(7), no("10000-01-01"), no("0999-12-31"), no("abc"));
            case LIST -> List.of(no(Map.of()), no("x"));
            case MAP, BEAN -> List.of(no(List.of()), no("x"));
            case OTHER -> List.of();
        };
    }

    /** A value the contract refuses (the name reads: "no" to this value). */
    private static Mutation no(Object value) {
        return new Mutation(value, Expect.REFUSE);
    }

    // ---- text, multipart and form bodies ----

    private void textBody() {
        String type = route.contentType();
        List<Probe> group = new ArrayList<>();
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        group.add(bodyProbe("empty body", type, new byte[0], Expect.NO_5XX));
        group.add(bodyProbe("garbage text", type, utf8("%%%{{{ <script>not what this route reads</script> }}}\n"),
                Expect.NO_5XX));
        group.add(bodyProbe("binary bytes", type, binary, Expect.NO_5XX));
        group.add(bodyProbe("a 1 MB line", type, utf8("x".repeat(ONE_MB_PLUS)), Expect.NO_5XX));
        group.add(bodyProbe("invalid UTF-8", type, invalidUtf8(example()), Expect.NO_5XX));
        group.add(bodyProbe("NUL and a lone surrogate in the example", type,
                utf8(example().replaceFirst("[A-Za-z]", "\u0000$0\ud800")), Expect.NO_5XX));
        group.add(bodyProbe("unknown charset (charset=foo)", type + "; charset=foo", utf8(example()), Expect.REFUSE));
        group.add(bodyProbe("illegal charset (charset=@@)", type + "; charset=@@", utf8(example()), Expect.REFUSE));
        group.add(bodyProbe("wrong Content-Type " + HOSTILE_TYPE, HOSTILE_TYPE, utf8(example()), Expect.REFUSE));
        groups.add(group);
        if (type.contains("json")) {
            jsonLines(type);
        } else if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            formFields(type);
        }
    }

    /** A form read as text (the web front's): each field of the example given each hostile value. */
    private void formFields(String type) {
        String[] fields = example().split("&");
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].split("=", 2)[0];
            List<Probe> group = new ArrayList<>();
            for (String value : List.of("%00", "%01", "%0D%0A", "%ED%A0%80", "%zz", "a".repeat(10_240))) {
                String[] changed = fields.clone();
                changed[i] = name + "=" + value;
                group.add(bodyProbe("form field " + name + "=" + shown(value), type,
                        utf8(String.join("&", changed)), Expect.NO_5XX));
            }
            groups.add(group);
        }
    }

    /** NDJSON: the first line of the example made wrong one way at a time; the import must not store it. */
    private void jsonLines(String type) {
        String[] lines = example().split("\n", 2);
        Object first = Json.parse(lines[0]);
        String rest = lines.length > 1 ? "\n" + lines[1] : "\n";
        List<Probe> group = new ArrayList<>();
        group.add(bodyProbe("line 1 with trailing garbage", type, utf8(lines[0] + " x" + rest), Expect.NOT_STORED));
        group.add(bodyProbe("line 1 malformed", type, utf8("{\"" + rest), Expect.NOT_STORED));
        if (first instanceof Map<?, ?>) {
            group.add(bodyProbe("line 1 with unknown field", type, utf8(withUnknownField(Json.parse(lines[0])) + rest),
                    Expect.NOT_STORED));
            group.add(bodyProbe("line 1 with a duplicate key", type, utf8(withDuplicateKey(lines[0]) + rest),
                    Expect.NOT_STORED));
        }
        groups.add(group);
        Probes lineProbes = new Probes(route, examples);
        lineProbes.walk(first, null, new ArrayList<>(), type, () -> example().split("\n", 2)[0]);
        for (List<Probe> lineGroup : lineProbes.groups) {
            List<Probe> asLines = new ArrayList<>();
            for (Probe p : lineGroup) {
                String line = new String(p.body(), StandardCharsets.UTF_8);
                asLines.add(bodyProbe("line 1: " + p.label(), type, utf8(line + rest), Expect.NOT_STORED));
            }
            groups.add(asLines);
        }
    }

    private void multipartBody() {
        String type = MediaType.MULTIPART_FORM_DATA;
        List<Probe> group = new ArrayList<>();
        group.add(bodyProbe("garbage multipart", type + "; boundary=b", utf8("garbage\r\n--b\r\nnot a part"),
                Expect.NO_5XX));
        group.add(bodyProbe("multipart without boundary", type, utf8("--b\r\n\r\nx\r\n--b--\r\n"), Expect.NO_5XX));
        group.add(bodyProbe("a field holding NUL", type + "; boundary=b", utf8("--b\r\nContent-Disposition: form-data;"
                + " name=\"series\"\r\n\r\n\u0000\ud800\r\n--b--\r\n"), Expect.NO_5XX));
        group.add(bodyProbe("a part with charset=foo", type + "; boundary=b", utf8("--b\r\nContent-Disposition:"
                + " form-data; name=\"series\"\r\nContent-Type: text/plain; charset=foo\r\n\r\nx\r\n--b--\r\n"),
                Expect.NO_5XX));
        group.add(bodyProbe("a file of binary bytes", type + "; boundary=b", utf8("--b\r\nContent-Disposition:"
                + " form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n\u0000\u0001\u00ff\r\n--b--\r\n"),
                Expect.NO_5XX));
        group.add(bodyProbe("unknown charset on the form", type + "; boundary=b; charset=foo",
                utf8("--b\r\nContent-Disposition: form-data; name=\"series\"\r\n\r\nx\r\n--b--\r\n"), Expect.NO_5XX));
        groups.add(group);
    }

    private void formBody() {
        String type = MediaType.APPLICATION_FORM_URLENCODED;
        String field = route.queryValues().keySet().stream().findFirst().orElse("field");
        List<Probe> group = new ArrayList<>();
        for (String value : List.of("%00", "%01", "%ED%A0%80", "%zz", "a".repeat(10_240))) {
            group.add(bodyProbe("form " + field + "=" + shown(value), type, utf8(field + "=" + value),
                    Expect.NO_5XX));
        }
        group.add(bodyProbe("unknown charset (charset=foo)", type + "; charset=foo", utf8(field + "=x"),
                Expect.NO_5XX));
        group.add(bodyProbe("illegal charset (charset=@@)", type + "; charset=@@", utf8(field + "=x"), Expect.NO_5XX));
        group.add(bodyProbe("binary form", type, new byte[]{0, 1, (byte) 0xff, '=', '%'}, Expect.NO_5XX));
        groups.add(group);
    }

    // ---- building requests ----

    private Probe jsonProbe(String label, String body, String contentType, Expect expect) {
        return jsonProbe(label, body, contentType, expect, null);
    }

    private Probe jsonProbe(String label, String body, String contentType, Expect expect, byte[] bytes) {
        return bodyProbe(label, contentType, bytes != null ? bytes : utf8(body), expect);
    }

    private Probe bodyProbe(String label, String contentType, byte[] body, Expect expect) {
        return probe(label, basePath(), baseHeaders(contentType), body, expect);
    }

    private Probe probe(String label, String target, List<Map.Entry<String, String>> headers, byte[] body,
                        Expect expect) {
        return new Probe(label, route.method().name(), target, headers, body, expect);
    }

    private String basePath() {
        return route.path(validPathValues());
    }

    private Map<String, String> validPathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        route.pathVariables().forEach((name, type) -> values.put(name, URLEncoder.encode(
                examples.validPathValue(route.template(), name).orElse(
                        kind(type.getType()) == Kind.INTEGER ? "1" : "hostile-example"), StandardCharsets.UTF_8)
                .replace("+", "%20")));
        return values;
    }

    private List<Map.Entry<String, String>> baseHeaders(String contentType) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        route.headers().keySet().forEach(name -> examples.header(name).ifPresent(v -> headers.add(Map.entry(name, v))));
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return headers;
    }

    /** A fresh valid body: from the service's examples, else built from the body type's introspection. */
    private String example() {
        Optional<Supplier<String>> given = examples.body(route);
        if (given.isPresent()) {
            return given.get().get();
        }
        if (route.bodyKind() == RouteShape.BodyKind.TEXT) {
            return route.contentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED) ? "field=example"
                    : "hostile example text\n";
        }
        // Without an example, a value per declared type: the service may refuse it for its content (an unknown id),
        // which weakens the "accepted" checks but still exercises its binding.
        return Json.write(built(route.body(), 0));
    }

    private static Object built(Argument<?> declared, int depth) {
        Argument<?> type = unwrap(declared);
        if (type == null || depth > 6) {
            return Json.NULL;
        }
        Class<?> c = type.getType();
        return switch (kind(c)) {
            case STRING -> "example";
            case INTEGER, NUMBER -> 1;
            case DECIMAL -> new BigDecimal("1.5");
            case BOOLEAN -> true;
            case ENUM -> c.getEnumConstants()[0].toString();
            case DATE_TIME -> "2025-01-01T00:00:00Z";
            case DATE -> "2025-01-01";
            case LIST -> type.getTypeParameters().length == 1
                    ? new ArrayList<>(List.of(built(type.getTypeParameters()[0], depth + 1))) : new ArrayList<>();
            case MAP -> new LinkedHashMap<>();
            case BEAN -> {
                Map<String, Object> object = new LinkedHashMap<>();
                BeanIntrospector.SHARED.findIntrospection(c).ifPresent(bean -> bean.getBeanProperties()
                        .forEach(p -> object.put(jsonName(p), built(p.asArgument(), depth + 1))));
                yield object;
            }
            case OTHER -> Json.NULL;
        };
    }

    private List<Probe> interleaved() {
        List<Probe> out = new ArrayList<>();
        List<Iterator<Probe>> iterators = new ArrayList<>(groups.stream().map(List::iterator).toList());
        while (!iterators.isEmpty() && out.size() < MAX_PER_ROUTE) {
            Iterator<Iterator<Probe>> each = iterators.iterator();
            while (each.hasNext() && out.size() < MAX_PER_ROUTE) {
                Iterator<Probe> group = each.next();
                if (group.hasNext()) {
                    out.add(group.next());
                } else {
                    each.remove();
                }
            }
        }
        return out;
    }

    // ---- JSON helpers ----

    private static Kind kind(Class<?> c) {
        if (c == String.class || c == CharSequence.class || c == UUID.class || c == Character.class || c == char.class) {
            return Kind.STRING;
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                || c == Short.class || c == byte.class || c == Byte.class || c == BigInteger.class) {
            return Kind.INTEGER;
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return Kind.DECIMAL;
        }
        if (Number.class.isAssignableFrom(c)) {
            return Kind.NUMBER;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (c.isEnum()) {
            return Kind.ENUM;
        }
        if (c == LocalDate.class) {
            return Kind.DATE;
        }
        if (Temporal.class.isAssignableFrom(c) && c != LocalTime.class) {
            return Kind.DATE_TIME;
        }
        if (Collection.class.isAssignableFrom(c) || c.isArray()) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(c)) {
            return Kind.MAP;
        }
        if (c != Object.class && BeanIntrospector.SHARED.findIntrospection(c).isPresent()) {
            return Kind.BEAN;
        }
        return Kind.OTHER;
    }

    /** The declared kind, or for an undeclared (Object, Map value) property the kind its example value has. */
    private static Kind kindOf(Argument<?> declared, Object example) {
        Argument<?> type = unwrap(declared);
        Kind kind = type == null ? Kind.OTHER : kind(type.getType());
        if (kind != Kind.OTHER) {
            return kind;
        }
        if (example instanceof String) {
            return Kind.STRING;
        }
        if (example instanceof BigDecimal) {
            return Kind.NUMBER;
        }
        if (example instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (example instanceof Map<?, ?>) {
            return Kind.MAP;
        }
        if (example instanceof List<?>) {
            return Kind.LIST;
        }
        return Kind.OTHER;
    }

    private static Argument<?> unwrap(Argument<?> declared) {
        if (declared != null && declared.getType() == Optional.class && declared.getTypeParameters().length == 1) {
            return declared.getTypeParameters()[0];
        }
        return declared;
    }

    private static String jsonName(BeanProperty<?, ?> property) {
        return property.getAnnotationMetadata().stringValue("com.fasterxml.jackson.annotation.JsonProperty")
                .filter(s -> !s.isEmpty()).orElse(property.getName());
    }

    @SuppressWarnings("unchecked")
    private static boolean set(Object tree, List<Object> path, Object value) {
        Object at = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            Object key = path.get(i);
            at = key instanceof Integer index ? ((List<Object>) at).get(index) : ((Map<String, Object>) at).get(key);
            if (at == null) {
                return false;
            }
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index && at instanceof List<?> list) {
            ((List<Object>) list).set(index, value);
            return true;
        }
        if (last instanceof String key && at instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(key, value);
            return true;
        }
        return false;
    }

    private static Optional<List<Object>> firstStringPath(Object json, List<Object> path) {
        if (json instanceof String) {
            return Optional.of(path);
        }
        if (json instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Optional<List<Object>> found = firstStringPath(e.getValue(), append(path, e.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (json instanceof List<?> list && !list.isEmpty()) {
            return firstStringPath(list.get(0), append(path, 0));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static String withUnknownField(Object tree) {
        ((Map<String, Object>) tree).put(UNKNOWN_FIELD, 1);
        return Json.write(tree);
    }

    /** The first key again at the end, with its own value: only the duplication is wrong. */
    private static String withDuplicateKey(String example) {
        Map<?, ?> tree = (Map<?, ?>) Json.parse(example);
        Map.Entry<?, ?> first = tree.entrySet().iterator().next();
        String written = Json.write(tree);
        return written.substring(0, written.length() - 1) + "," + Json.write(first.getKey()) + ":"
                + Json.write(first.getValue()) + "}";
    }

    private static String rawControlCharacter(String example) {
        int quote = example.indexOf('"');
        return quote < 0 ? "\"\u0001\"" : example.substring(0, quote + 1) + "\u0001" + example.substring(quote + 1);
    }

    private static byte[] invalidUtf8(String example) {
        byte[] text = utf8(example);
        int quote = example.indexOf('"');
        int at = quote < 0 ? 0 : utf8(example.substring(0, quote + 1)).length;
        byte[] out = new byte[text.length + 2];
        System.arraycopy(text, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(text, at, out, at + 2, text.length - at);
        return out;
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    private static String pathName(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object key : path) {
            if (key instanceof Integer i) {
                s.append('[').append(i).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(key);
            }
        }
        return s.isEmpty() ? "(body)" : s.toString();
    }

    private static Value refuse(String text) {
        return new Value(text, Expect.REFUSE);
    }

    private static Value any(String text) {
        return new Value(text, Expect.NO_5XX);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A label-friendly form of a value: control characters escaped, long values cut. */
    static String shown(String value) {
        StringBuilder s = new StringBuilder();
        value.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return value.length() > 60 ? s + "…(" + value.length() + " chars)" : s.toString();
    }
}
