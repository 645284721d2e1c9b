package org.careergraph.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.careergraph.web.StubbedSite.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the running web front: every route is walked as the router lists it (a new route is covered
 * without editing this test), with charsets other than UTF-8, control characters and broken UTF-8 in the address,
 * and wrongly typed values in every typed parameter; the parameters the catalog page reads by hand are tried one by
 * one. Every answer is a 4xx page with the site's headers, naming what it refused and nothing of our internals, and
 * a refused request reaches no service.
 */
class HostileInputTest {

    /** Java's and the framework's words, which no page may show. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|io\\.micronaut|org\\.careergraph|com\\.fasterxml|Exception|\\bclass [a-z]");
    /** A path variable's value that routes to a real page of each kind. */
    private static final Map<String, String> SAMPLE_VARIABLES = Map.of("id", "soc-29-1141", "list",
            "best-paid", "service", "catalog");

    private final StubbedSite site = StubbedSite.start();

    @BeforeEach
    void answerAsTheCapturedCatalog() {
        site.answer(uri -> null);
    }

    @Test
    void everyFormRefusesACharsetOtherThanUtf8AndSendsNothing() {
        List<String> forms = paths(HttpMethod.POST);
        assertTrue(forms.size() >= 12, "the login, manage, watch and admin forms: " + forms);
        for (String path : forms) {
            for (String charset : List.of("foo", "utf-16", "\"a b\"", "", "ISO-8859-1", "utf-8; charset=latin1")) {
                site.answer(uri -> null);
                HttpResponse<String> refused = site.post(path, "token=a&id=1&csrf=x", Map.of("Cookie",
                        StubbedSite.adminCookie(), "Content-Type",
                        "application/x-www-form-urlencoded; charset=" + charset));

                assertEquals(415, refused.statusCode(), path + " charset=" + charset);
                assertRefusedPage(refused, path, "the only character set the site reads");
            }
        }
        HttpResponse<String> utf8 = site.post("/admin/login", "token=a",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=\"UTF-8\""));
        assertEquals(401, utf8.statusCode(), "UTF-8, quoted or not, is read: the token is looked at");
    }

    @Test
    void everyPageRefusesControlCharactersAndBrokenUtf8InItsAddress() {
        List<String> pages = paths(HttpMethod.GET);
        assertTrue(pages.contains("/") && pages.contains("/occupations/soc-29-1141"), pages.toString());
        for (String path : pages) {
            for (String query : List.of("q=%00", "q=a%0Ab", "q=%7F", "q=%C2%85", "q=%ED%A0%80", "q=%FF", "%00=1")) {
                site.answer(uri -> null);
                HttpResponse<String> refused = site.get(path + "?" + query, Map.of("Cookie",
                        StubbedSite.adminCookie()));

                assertEquals(400, refused.statusCode(), path + "?" + query);
                assertRefusedPage(refused, path, "in the address is not accepted");
            }
        }
        for (String path : List.of("/occupations/%00", "/occupations/soc%ED%A0%80", "/rankings/a%0Db")) {
            site.answer(uri -> null);
            HttpResponse<String> refused = site.get(path);
            assertEquals(400, refused.statusCode(), path);
            assertRefusedPage(refused, path, "no page takes");
        }
    }

    @Test
    void everyTypedParameterOfEveryRouteRefusesAWrongValueByName() {
        int tried = 0;
        for (UriRouteInfo<?, ?> route : routes(HttpMethod.GET)) {
            for (Argument<?> argument : route.getTargetMethod().getArguments()) {
                if (!isTypedQueryValue(argument)) {
                    continue;
                }
                for (String value : List.of("abc", "99999999999999999999", "1e3", "%ED%A0%80", "-")) {
                    site.answer(uri -> null);
                    String path = path(route) + "?" + argument.getName() + "=" + value;
                    HttpResponse<String> refused = site.get(path, Map.of("Cookie", StubbedSite.adminCookie()));

                    assertEquals(400, refused.statusCode(), path);
                    assertRefusedPage(refused, path, "“" + argument.getName() + "”");
                    tried++;
                }
            }
        }
        assertTrue(tried >= 10, "the page numbers of the catalog, the rankings and the policy trail: " + tried);
    }

    @Test
    void theCatalogPageReadsEachFilterStrictlyAndSearchesNothingWhenOneIsWrong() {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("skilledMigration", "abc");
        wrong.put("greenListTier", "abc");
        wrong.put("codeSystem", "XYZ");
        wrong.put("verdict", "maybe");
        wrong.put("skillLevel", "9");
        wrong.put("jobZone", "abc");
        wrong.put("sort", "RANDOM");
        wrong.put("majorGroup", "a%20b");
        wrong.put("minWage", "1e999999999");
        wrong.put("maxWage", "-1");
        wrong.put("minScore", "11");
        wrong.put("maxScore", "NaN");
        wrong.put("minExposure", "1e5");
        wrong.put("maxExposure", "0x10");
        wrong.put("q", "a".repeat(201));
        wrong.forEach((name, value) -> {
            site.answer(uri -> null);
            HttpResponse<String> refused = site.get("/?lang=en&" + name + "=" + value);

            assertEquals(400, refused.statusCode(), name + "=" + value);
            assertTrue(refused.body().contains("id=\"" + name + "-error\""), "the field's own error: " + name);
            assertTrue(site.callsTo("/api/occupations").isEmpty(), name + " sent: " + site.calls());
            assertSafe(refused, "/");
        });
        for (String page : List.of("-1", "10001")) {
            site.answer(uri -> null);
            HttpResponse<String> refused = site.get("/?page=" + page);
            assertEquals(400, refused.statusCode(), page);
            assertRefusedPage(refused, "/", "“page”");
        }
        HttpResponse<String> fine = site.get("/?skilledMigration=true&greenListTier=2&minWage=50000.5&minScore=7.5");
        assertEquals(200, fine.statusCode());
    }

    @Test
    void theConsolesChoicesAndTheLanguageAreReadStrictly() {
        Map<String, String> cookie = Map.of("Cookie", StubbedSite.adminCookie());
        for (String path : List.of("/admin/policy-updates?country=XX", "/admin/policy-updates?done=hacked",
                "/admin/policy-updates?page=-1", "/admin/policy-updates/new?country=FR",
                "/admin/dead-letters?state=OLD", "/admin/dead-letters?done=x", "/admin/dead-letters?service=db",
                "/admin/dead-letters?id=x1", "/admin/scoring?done=everything", "/?lang=fr", "/rankings?lang=")) {
            site.answer(uri -> null);
            HttpResponse<String> refused = site.get(path, cookie);
            assertEquals(400, refused.statusCode(), path);
            assertRefusedPage(refused, path, "in the address is not accepted");
        }
        assertEquals(200, site.get("/admin/policy-updates?country=", cookie).statusCode(), "the form's Any");
    }

    @Test
    void aControlCharacterInTheManageTokenIsRefusedAndNothingIsSent() {
        for (String path : List.of("/subscriptions/manage", "/subscriptions/change", "/subscriptions/unsubscribe")) {
            for (String token : List.of("a%01b", "a%00", "a%0D%0Ab", "%ED%A0%80", "a%09b")) {
                site.answer(uri -> null);
                HttpResponse<String> refused = site.post(path, "id=1&token=" + token, Map.of());

                assertEquals(400, refused.statusCode(), path + " token=" + token);
                assertTrue(refused.body().contains("one line of plain text each"), refused.body());
                assertEquals(List.of(), site.calls(), "nothing asked of the notification service");
                assertSafe(refused, path);
            }
        }
    }

    @Test
    void aFieldThatIsNoOneLineIsRefusedOnTheWatchFormAndNothingIsSent() {
        for (String field : List.of("email=ana%00%40example.com", "email=%ED%A0%80%40example.com",
                "channel=webhook&webhookUrl=https%3A%2F%2Fa.example%2F%0D%0AX", "kinds=SCORE%01")) {
            site.answer(uri -> null);
            HttpResponse<String> refused = site.post("/occupations/soc-29-1141/watch?lang=en", field, Map.of());

            assertEquals(400, refused.statusCode(), field);
            assertTrue(refused.body().contains("Give one line of text"), field);
            assertTrue(site.callsTo("/api/subscriptions").isEmpty(), field + " sent: " + site.calls());
            assertSafe(refused, "/occupations/soc-29-1141/watch");
        }
        site.answer(uri -> null);
        HttpResponse<String> login = site.post("/admin/login?lang=en", "token=eyJ%00", Map.of());
        assertEquals(400, login.statusCode());
        assertTrue(login.body().contains("Give one line of text"));
        assertSafe(login, "/admin/login");
    }

    @Test
    void everyHtmlAnswerCarriesTheSecurityHeadersErrorPagesIncluded() {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("/", site.get("/"));
        answers.put("/occupations/soc-29-1141", site.get("/occupations/soc-29-1141"));
        answers.put("/nowhere", site.get("/nowhere"));
        answers.put("/?page=abc", site.get("/?page=abc"));
        answers.put("/?q=" + "a".repeat(10_000), site.get("/?q=" + "a".repeat(10_000)));
        answers.put("/subscriptions/manage", site.get("/subscriptions/manage"));
        answers.put("/subscriptions/manage (POST %)", site.post("/subscriptions/manage", "id=%", Map.of()));
        answers.put("/admin/login", site.get("/admin/login"));
        answers.put("/admin/scoring (415)", site.post("/admin/scoring", "",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-16")));
        answers.put("/subscriptions/manage (JSON)", site.post("/subscriptions/manage", "{}",
                Map.of("Content-Type", "application/json")));
        site.answer(uri -> uri.getPath().equals("/api/occupations") ? new Answer(500, "{}") : null);
        answers.put("/ (a service fails)", site.get("/"));
        // The page answered as soon as the search failed; the reads it had started alongside still land, and must
        // land here rather than in the next test's count of calls.
        await().until(() -> !site.callsTo("/api/releases").isEmpty()
                && !site.callsTo("/api/occupations/groups").isEmpty());

        answers.forEach((what, answer) -> {
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    what + " " + answer.statusCode() + ": " + answer.headers().map());
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), what);
            assertEquals(List.of("DENY"), answer.headers().allValues("X-Frame-Options"), what);
            assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), what);
            assertEquals(List.of("same-origin"), answer.headers().allValues("Referrer-Policy"), what);
            boolean secret = what.startsWith("/subscriptions") || what.startsWith("/admin");
            assertEquals(secret ? List.of("private, no-store") : List.of(),
                    answer.headers().allValues("Cache-Control"), what);
            assertFalse(INTERNALS.matcher(answer.body()).find(), what + ": " + answer.body());
        });
        assertEquals(503, answers.get("/ (a service fails)").statusCode());
        assertEquals(413, answers.get("/?q=" + "a".repeat(10_000)).statusCode());
        assertEquals(415, answers.get("/subscriptions/manage (JSON)").statusCode());
    }

    @Test
    void aServicesWordsThatNameItsInternalsAreNotRepeated() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Failed to convert argument [greenListTier] for value [x] due to: "
                + "java.lang.NumberFormatException thrown\",\"errors\":[{\"field\":\"q\","
                + "\"message\":\"must be java.lang.Integer\"}]}";
        site.answer(uri -> uri.getPath().equals("/api/occupations") ? new Answer(400, problem) : null);

        HttpResponse<String> page = site.get("/?lang=en&q=nurse");

        assertEquals(400, page.statusCode());
        assertFalse(INTERNALS.matcher(page.body()).find(), page.body());
        assertTrue(page.body().contains("id=\"q-error\">is not accepted</p>"), "the field is still named");
    }

    /** A refused request: an error page with the site's headers, saying what was refused, and no service asked. */
    private void assertRefusedPage(HttpResponse<String> answer, String path, String says) {
        assertTrue(StubbedSite.text(answer.body()).contains(says), path + ": " + StubbedSite.text(answer.body()));
        assertEquals(List.of(), site.calls(), path + " reached a service");
        assertSafe(answer, path);
    }

    private static void assertSafe(HttpResponse<String> answer, String path) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                path);
        assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), path);
        assertFalse(INTERNALS.matcher(answer.body()).find(), path + ": " + answer.body());
    }

    /** A query parameter of a type other than text: a number, a truth value, a date. */
    private static boolean isTypedQueryValue(Argument<?> argument) {
        Class<?> type = argument.getType();
        return !argument.getAnnotationMetadata().hasAnnotation(Body.class)
                && !argument.getAnnotationMetadata().hasAnnotation(PathVariable.class)
                && !HttpRequest.class.isAssignableFrom(type) && type != String.class
                && (Number.class.isAssignableFrom(type) || type.isPrimitive() || type == Boolean.class
                || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type));
    }

    private List<UriRouteInfo<?, ?>> routes(HttpMethod method) {
        return site.bean(Router.class).uriRoutes().filter(route -> route.getHttpMethod() == method)
                .<UriRouteInfo<?, ?>>map(route -> route).toList();
    }

    private List<String> paths(HttpMethod method) {
        List<String> paths = new ArrayList<>();
        routes(method).forEach(route -> paths.add(path(route)));
        return paths;
    }

    /** The route's address with a real value for each path variable. */
    private static String path(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new LinkedHashMap<>();
        route.getUriMatchTemplate().getVariableNames().forEach(name -> values.put(name,
                SAMPLE_VARIABLES.getOrDefault(name, "1")));
        String path = route.getUriMatchTemplate().expand(values);
        return URI.create(path.isEmpty() ? "/" : path).getPath();
    }
}
