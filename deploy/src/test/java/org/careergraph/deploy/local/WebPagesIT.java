package org.careergraph.deploy.local;

import org.careergraph.deploy.WebhookChallenge;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.deploy.browser.Browser;
import org.careergraph.embedded.FreePorts;
import org.careergraph.security.AccessTokens;
import org.careergraph.security.Roles;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages as a person meets them: the whole system with its bundled official releases (about 2,000
 * occupations) and its five seed pages behind the gateway, driven in headless Chromium (skipped with a message where
 * Chromium is not installed), plus the console's access rules over plain HTTP. Screenshots of the main pages land in
 * {@code target/screenshots/}; axe-core checks each main page for serious accessibility violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesIT {

    private static final Duration EVENTUALLY = Duration.ofMinutes(2);
    /** Every occupation of the releases flows through immigration and scoring once before the pages are read. */
    private static final Duration EVERYTHING_SCORED = Duration.ofMinutes(6);
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final int NO_MAIL = 9;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer webhookReceiver;
    private LocalLauncher launcher;
    private String secret;

    @BeforeAll
    void startTheSystem() throws Exception {
        webhookReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhookReceiver.createContext("/hook", exchange -> {
            try (exchange) {
                if (WebhookChallenge.answered(exchange, exchange.getRequestBody().readAllBytes())) {
                    return; // a subscription's verification
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        webhookReceiver.start();

        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalLauncher.Infrastructure infrastructure = new LocalLauncher.Infrastructure(
                TestInfrastructure.kafkaBootstrapServers(),
                database -> TestInfrastructure.jdbcUrl("web_" + run + "_" + database),
                TestInfrastructure.dbUsername(), TestInfrastructure.dbPassword(), NO_MAIL);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        Path root = Path.of(System.getProperty("careergraph.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of("target", "web-pages", run).toAbsolutePath();
        launcher = new LocalLauncher(new LocalLauncher.Config(root, home, FreePorts.pick(), ports, true, true,
                Duration.ofMinutes(4), System.out)).start(infrastructure);
        secret = Files.readString(home.resolve("jwt-secret")).strip();

        // The seed pages are loaded, scored and given a status before anyone looks at them, and so is every
        // occupation of the releases that has something to rate (a search with a score range finds them; the few
        // with no figure at all, such as the military's, have no score), until the count stands still.
        AtomicLong scored = new AtomicLong(-1);
        await().atMost(EVERYTHING_SCORED).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String catalog = get("/?q=" + encode("Community Services Worker")).body();
            assertTrue(catalog.contains("Community Services Worker") && catalog.contains("5.6"), "seeds scored");
            assertTrue(get("/occupations/anzsco-541112").body().contains("not on the Green List"), "status known");
            long all = total(get("/api/occupations?size=1").body());
            assertTrue(all > 2000, "the releases' occupations are listed: " + all);
            long now = total(get("/api/occupations?size=1&minScore=0&maxScore=10").body());
            assertTrue(now > all * 95 / 100 && scored.getAndSet(now) == now, "nearly all scored: " + now);
        });
    }

    @AfterAll
    void stopTheSystem() {
        if (launcher != null) {
            launcher.close();
        }
        webhookReceiver.stop(0);
        http.close();
    }

    @Test
    void anApiUserReadsEveryServicesDocumentOnTheApiReference() {
        try (Browser browser = Browser.start()) {
            browser.open(url("/docs/api"));
            // Swagger UI ran (the one page allowed script) and read the catalog's document through the gateway.
            browser.waitUpTo(EVENTUALLY).until(d -> d.findElement(By.id("swagger-ui")).getText()
                    .contains("/api/occupations/{id}"));
            browser.screenshot("api-reference");
            Map<String, String> pathOf = Map.of("immigration", "/api/immigration/policy-updates",
                    "scoring", "/api/rankings", "notification", "/api/subscriptions/{id}");
            for (Map.Entry<String, String> document : pathOf.entrySet()) {
                new Select(browser.driver().findElement(By.cssSelector("#swagger-ui .topbar select")))
                        .selectByVisibleText(document.getKey());
                browser.waitUpTo(EVENTUALLY).until(d -> d.findElement(By.id("swagger-ui")).getText()
                        .contains(document.getValue()));
            }
            new Select(browser.driver().findElement(By.cssSelector("#swagger-ui .topbar select")))
                    .selectByVisibleText("notification");
            browser.waitUpTo(EVENTUALLY).until(d -> d.findElement(By.id("swagger-ui")).getText()
                    .contains("Webhooks"));
        }
    }

    @Test
    void aReaderSearchesOpensAPageAndSwitchesLanguage() {
        try (Browser browser = Browser.start()) {
            browser.open(url("/"));
            browser.screenshot("catalog-en");
            browser.assertNoSeriousAccessibilityViolations("catalog");

            search(browser, "社區服務工作者");
            assertEquals("Community Services Worker", resultTitles(browser).getFirst(), "best match first");
            // Among some 2,000 occupations, O*NET's coordinators and project managers (some with "IT Project
            // Coordinator" as another title) rank too: the seed page is on the first page of results.
            search(browser, "IT Project Coordinator");
            assertTrue(resultTitles(browser).contains("IT Project Coordinator"), resultTitles(browser).toString());

            // Filters and sorting: ANZSCO professionals by score, highest first; no US occupation among them.
            search(browser, "");
            new Select(browser.driver().findElement(By.id("codeSystem"))).selectByValue("ANZSCO");
            new Select(browser.driver().findElement(By.id("majorGroup"))).selectByValue("2");
            new Select(browser.driver().findElement(By.id("sort"))).selectByValue("SCORE_DESC");
            navigate(browser, By.cssSelector("form.search button"));
            assertEquals(20, resultTitles(browser).size(), "a full first page");
            assertTrue(column(browser, "code").stream().allMatch(code -> code.startsWith("ANZSCO 2")),
                    "ANZSCO major group 2 only");
            List<Double> scores = column(browser, "score").stream().map(Double::valueOf).toList();
            assertEquals(scores.stream().sorted(Comparator.reverseOrder()).toList(), scores,
                    "highest score first");

            browser.open(url("/"));
            search(browser, "社區服務工作者");
            navigate(browser, By.linkText("Community Services Worker"));
            assertEquals("Community Services Worker", browser.driver().findElement(By.tagName("h1")).getText());
            WebElement chart = browser.driver().findElement(By.cssSelector("#score svg[role=img]"));
            assertEquals(8, chart.findElements(By.cssSelector("rect.bar")).size(), "eight dimensions drawn");
            assertTrue(browser.driver().findElement(By.id("score")).getText().contains("5 + 2.5 x log2(pay / median)"),
                    "each dimension's explanation is shown");
            assertTrue(browser.driver().findElement(By.id("revisions")).getText().contains("page created"));
            browser.screenshot("career-en");
            browser.assertNoSeriousAccessibilityViolations("career page");

            navigate(browser, By.cssSelector("a.language"));
            assertEquals("社區服務工作者", browser.driver().findElement(By.tagName("h1")).getText());
            assertEquals("zh-Hant", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("career-zh");
            browser.assertNoSeriousAccessibilityViolations("career page in Chinese");

            // The choice is remembered: the catalog, reached by its link, is in Chinese too.
            navigate(browser, By.linkText("職業"));
            assertEquals("職業目錄", browser.driver().findElement(By.tagName("h1")).getText());
            browser.screenshot("catalog-zh");
        }
    }

    @Test
    void aReaderFindsAnOfficialOccupationInEitherLanguageAndSeesWhereItsFiguresComeFrom() {
        try (Browser browser = Browser.start()) {
            browser.open(url("/"));
            // In no seed page: found by its editorial Chinese title, and by one of O*NET's other titles for it.
            search(browser, "護理師");
            assertEquals("Registered Nurses", resultTitles(browser).getFirst(), "best match first");
            search(browser, "Data Analytics Specialist");
            assertTrue(resultTitles(browser).contains("Data Scientists"), "an O*NET alternate title finds it: "
                    + resultTitles(browser));

            // The new filters and sorts: US health practitioners needing considerable preparation, best paid first.
            search(browser, "");
            new Select(browser.driver().findElement(By.id("majorGroup"))).selectByValue("29-0000");
            new Select(browser.driver().findElement(By.id("jobZone"))).selectByValue("4");
            browser.driver().findElement(By.id("minExposure")).sendKeys("20");
            new Select(browser.driver().findElement(By.id("sort"))).selectByValue("WAGE_DESC");
            navigate(browser, By.cssSelector("form.search button"));
            assertTrue(column(browser, "code").stream().allMatch(code -> code.startsWith("SOC 29-")));
            List<Double> wages = column(browser, "wage").stream()
                    .map(wage -> Double.valueOf(wage.replace("≥", "").replace(",", "").strip())).toList();
            assertEquals(wages.stream().sorted(Comparator.reverseOrder()).toList(), wages, "best paid first");
            assertTrue(column(browser, "exposure").stream()
                    .allMatch(exposure -> Integer.parseInt(exposure.replace("%", "")) >= 20), "20% or more exposed");
            browser.screenshot("catalog-filtered-en");
            browser.assertNoSeriousAccessibilityViolations("catalog with the new filters");

            browser.open(url("/"));
            search(browser, "Registered Nurses");
            navigate(browser, By.linkText("Registered Nurses"));
            assertEquals("Registered Nurses", browser.driver().findElement(By.tagName("h1")).getText());
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Source: BLS OEWS May 2024 (2024-05-01)"), "the wages' source");
            assertTrue(page.contains("Source: O*NET 30.1"), "the tasks' source");
            assertTrue(page.contains("Chinese title: Editorial translation (Career Graph"), "our translation, said so");
            WebElement wageChart = browser.driver().findElement(By.cssSelector("#salary svg[role=img]"));
            assertEquals(5, wageChart.findElements(By.cssSelector("rect.bar")).size(), "five percentiles drawn");
            assertTrue(browser.driver().findElement(By.id("exposure")).getText().contains("GPTs are GPTs"),
                    "the exposure research is cited");
            String footer = browser.driver().findElement(By.cssSelector("footer .attributions")).getText();
            assertTrue(footer.contains("O*NET 30.1 Database by the U.S. Department of Labor"), footer);
            assertTrue(footer.contains("Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage"
                    + " Statistics, May 2024."), footer);
            browser.screenshot("career-official-en");
            browser.assertNoSeriousAccessibilityViolations("career page of an official occupation");

            navigate(browser, By.cssSelector("a.language"));
            assertEquals("護理師 編輯翻譯", browser.driver().findElement(By.tagName("h1")).getText(),
                    "the Chinese title, marked as our translation");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText()
                    .contains("資料來源：BLS OEWS May 2024"));
            browser.screenshot("career-official-zh");
            browser.assertNoSeriousAccessibilityViolations("career page of an official occupation in Chinese");
        }
    }

    @Test
    void aReaderBrowsesRankingsAndComparesOccupationsSideBySide() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(url("/rankings/best-paid?country=US"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.ranking tbody tr"));
            assertEquals(50, rows.size(), "a page of 50");
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains("BLS OEWS May 2024"), "the list names its figure's release");
            browser.screenshot("rankings-best-paid-en");
            browser.assertNoSeriousAccessibilityViolations("best-paid ranking");

            browser.open(url("/rankings/fastest-growing?country=US&lang=zh"));
            assertTrue(browser.driver().findElement(By.tagName("main")).getText()
                    .contains("BLS Employment Projections 2022-32"), "the projections' release, in Chinese too");
            browser.assertNoSeriousAccessibilityViolations("fastest-growing ranking in Chinese");

            browser.open(url("/compare?ids=soc-15-2051,soc-29-1141,anzsco-411215&lang=en"));
            String compared = browser.driver().findElement(By.cssSelector("table.compare")).getText();
            for (String expected : List.of("Data Scientists", "Registered Nurses", "Community Services Worker",
                    "Source: BLS OEWS May 2024")) {
                assertTrue(compared.contains(expected), expected + " in " + compared);
            }
            browser.screenshot("compare-en");
            browser.assertNoSeriousAccessibilityViolations("comparison");
        }
        assertEquals(400, get("/compare?ids=soc-15-2051").statusCode(), "one occupation is no comparison");
    }

    @Test
    void aReaderWatchesAnOccupationThenChangesAndCancelsTheSubscription() {
        String webhook = "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hook";
        try (Browser browser = Browser.start()) {
            browser.open(url("/occupations/anzsco-599614"));
            browser.driver().findElement(By.id("channel-email")).click();
            browser.driver().findElement(By.id("watch-email")).sendKeys("not an address");
            navigate(browser, By.cssSelector("form.watch button"));
            WebElement email = browser.driver().findElement(By.id("watch-email"));
            assertEquals("true", email.getAttribute("aria-invalid"), "the field at fault is marked");
            assertTrue(browser.driver().findElement(By.id("watch-email-error")).getText().contains("email"));

            browser.driver().findElement(By.id("channel-webhook")).click();
            browser.driver().findElement(By.id("watch-webhook")).sendKeys(webhook);
            browser.driver().findElement(By.id("kind-CATALOG")).click();
            navigate(browser, By.cssSelector("form.watch button"));
            assertEquals("You are watching this occupation", browser.driver().findElement(By.tagName("h1")).getText());
            assertTrue(browser.driver().findElement(By.id("signing-secret")).getText().startsWith("whsec_"));
            browser.screenshot("subscribed");

            navigate(browser, By.cssSelector("main form button"));
            assertEquals("Manage a subscription", browser.driver().findElement(By.tagName("h1")).getText());
            assertEquals("active", browser.driver().findElement(By.id("subscription-status")).getText());
            assertTrue(!browser.driver().findElement(By.id("kind-CATALOG")).isSelected(), "the kinds chosen");
            browser.driver().findElement(By.id("kind-SCORE")).click();
            browser.driver().findElement(By.id("manage-enabled")).click();
            navigate(browser, By.cssSelector("form[action='/subscriptions/change'] button"));
            assertEquals("Saved.", browser.driver().findElement(By.cssSelector("p.notice")).getText());
            assertEquals("paused", browser.driver().findElement(By.id("subscription-status")).getText());
            assertTrue(!browser.driver().findElement(By.id("kind-SCORE")).isSelected());
            browser.screenshot("manage");
            browser.assertNoSeriousAccessibilityViolations("manage page");

            navigate(browser, By.cssSelector("form[action='/subscriptions/unsubscribe'] button"));
            assertEquals("Unsubscribed", browser.driver().findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    void anAdminPushesAPolicyUpdateAndTheCareerPageShowsTheNewStatus() {
        String admin = AccessTokens.issue(secret, "web-test-admin", List.of(Roles.ADMIN), Duration.ofHours(1));
        try (Browser browser = Browser.start()) {
            browser.open(url("/admin"));
            assertEquals("Sign in to the admin console", browser.driver().findElement(By.tagName("h1")).getText());
            browser.driver().findElement(By.id("token")).sendKeys("not a token");
            navigate(browser, By.cssSelector("main form button"));
            assertTrue(browser.driver().findElement(By.cssSelector("p.problem")).getText().contains("not accepted"));
            browser.driver().findElement(By.id("token")).sendKeys(admin);
            navigate(browser, By.cssSelector("main form button"));
            assertEquals("Admin console", browser.driver().findElement(By.tagName("h1")).getText());
            browser.screenshot("admin-console");
            browser.assertNoSeriousAccessibilityViolations("admin console");

            navigate(browser, By.linkText("Push a policy update"));
            new Select(browser.driver().findElement(By.id("change-0-kind"))).selectByValue("GREEN_LIST_TIER");
            browser.driver().findElement(By.id("change-0-codeSystem")).sendKeys("ANZSCO");
            browser.driver().findElement(By.id("change-0-code")).sendKeys("541112");
            browser.driver().findElement(By.id("change-0-value")).sendKeys("1");
            browser.driver().findElement(By.id("source")).sendKeys("Immigration NZ Operational Manual, Appendix 13");
            navigate(browser, By.cssSelector("button[value=preview]"));
            assertTrue(browser.driver().findElement(By.id("preview-summary")).getText()
                    .startsWith("Occupations whose status would change: 1."));
            assertTrue(browser.driver().findElement(By.cssSelector("section.preview")).getText()
                    .contains("Tier 1 (Straight to Residence)"));
            browser.screenshot("admin-policy-preview");
            browser.assertNoSeriousAccessibilityViolations("policy update form with its preview");

            navigate(browser, By.cssSelector("button[value=publish]"));
            assertTrue(browser.driver().findElement(By.cssSelector("p.notice")).getText().contains("recorded"));
            browser.screenshot("admin-audit-trail");
            browser.assertNoSeriousAccessibilityViolations("audit trail");

            // The update flows through Kafka: immigration status, then score; the page shows the new tier.
            await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open(url("/occupations/anzsco-541112"));
                return browser.driver().findElement(By.cssSelector(".status-line .tier")).getText()
                        .equals("Tier 1 (Straight to Residence)");
            });
            browser.screenshot("career-after-policy-update");

            browser.open(url("/admin/scoring"));
            browser.driver().findElement(By.id("weight-aiRisk")).clear();
            browser.driver().findElement(By.id("weight-aiRisk")).sendKeys("3");
            navigate(browser, By.cssSelector("button[value=preview]"));
            assertTrue(browser.driver().findElement(By.id("preview-summary")).getText()
                    .matches("Overall scores that would move: \\d+ of \\d{4,}\\."), "the whole catalog");
            browser.screenshot("admin-scoring-preview");
            browser.assertNoSeriousAccessibilityViolations("scoring weights");

            browser.open(url("/admin/occupations/anzsco-224211/edit"));
            browser.screenshot("admin-occupation-edit");
            browser.assertNoSeriousAccessibilityViolations("occupation editor");
        }
    }

    @Test
    void theConsoleNeedsASignInTheRightRoleAndItsOwnForms() throws Exception {
        HttpResponse<String> anonymous = get("/admin/policy-updates");
        assertEquals(303, anonymous.statusCode());
        assertEquals("/admin/login", anonymous.headers().firstValue("Location").orElseThrow());
        assertEquals(401, post("/admin/policy-updates/new", "action=publish&country=NZ", null).statusCode());

        // Expired beyond the minute of clock skew every check allows.
        String expired = AccessTokens.issue(secret, "old-admin", List.of(Roles.ADMIN), Duration.ofMinutes(-5));
        assertEquals(401, post("/admin/login", "token=" + encode(expired), null).statusCode());
        String foreign = AccessTokens.issue(AccessTokens.newSecret(), "intruder", List.of(Roles.ADMIN),
                Duration.ofHours(1));
        assertEquals(401, post("/admin/login", "token=" + encode(foreign), null).statusCode());

        String editor = signIn(AccessTokens.issue(secret, "editor", List.of(Roles.EDITOR), Duration.ofHours(1)));
        assertEquals(403, get("/admin/policy-updates", editor).statusCode());
        assertEquals(403, get("/admin/scoring", editor).statusCode());
        assertEquals(200, get("/admin/occupations", editor).statusCode());

        String admin = signIn(AccessTokens.issue(secret, "admin", List.of(Roles.ADMIN), Duration.ofHours(1)));
        HttpResponse<String> withoutFormToken = post("/admin/policy-updates/new",
                "action=publish&country=NZ&source=x&changes%5B0%5D.kind=GREEN_LIST_TIER"
                        + "&changes%5B0%5D.codeSystem=ANZSCO&changes%5B0%5D.code=411215&changes%5B0%5D.value=1", admin);
        assertEquals(403, withoutFormToken.statusCode(), "a post without the form token is refused");
        HttpResponse<String> trail = get("/admin/policy-updates", admin);
        assertTrue(trail.body().contains("initial-rule-set"));
        assertEquals("private, no-store", trail.headers().firstValue("Cache-Control").orElseThrow(),
                "no cache keeps an admin's page");
        HttpResponse<String> page = get("/");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(page.headers().firstValue("Vary").orElseThrow().contains("Accept-Language"),
                "a shared cache keeps each language apart");
    }

    @Test
    void readingWorksWithoutAScriptAndMissingPagesSayWhat() throws Exception {
        HttpResponse<String> search = get("/?q=" + encode("住房") + "&lang=zh");
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("住房官員"), "server-rendered results");
        assertTrue(search.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lang=zh")),
                "the language choice is remembered");
        assertTrue(search.body().contains("<html lang=\"zh-Hant\""));

        HttpResponse<String> badFilter = get("/?minScore=high");
        assertEquals(400, badFilter.statusCode());
        assertTrue(badFilter.body().contains("aria-invalid=\"true\""), "the filter at fault is marked");

        HttpResponse<String> missing = get("/occupations/anzsco-999999");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Occupation not found"));
        assertEquals(404, get("/no/such/page").statusCode());
        assertEquals(400, get("/?page=abc").statusCode());
        assertEquals(404, get("/prometheus").statusCode(), "the web front's metrics are not served on the public entry");
    }

    /** Signs in over HTTP and returns the session cookie, after checking how it is set. */
    private String signIn(String token) throws Exception {
        HttpResponse<String> response = post("/admin/login", "token=" + encode(token), null);
        assertEquals(303, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"),
                cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static void search(Browser browser, String text) {
        WebElement box = browser.driver().findElement(By.id("q"));
        box.clear();
        box.sendKeys(text);
        awaitNextPage(browser, box::submit);
    }

    /** Clicks a link or a submit button and waits until the next page has replaced this one. */
    private static void navigate(Browser browser, By target) {
        WebElement element = browser.driver().findElement(target);
        awaitNextPage(browser, element::click);
    }

    /**
     * Marks the current document, acts, and waits for a loaded document without the mark: the next page, whatever
     * the browser says about the old page's elements meanwhile.
     */
    private static void awaitNextPage(Browser browser, Runnable action) {
        browser.driver().executeScript("window.careerGraphOldPage = true;");
        action.run();
        browser.waitUpTo(Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(browser.driver().executeScript(
                        "return window.careerGraphOldPage === undefined && document.readyState === 'complete';")));
    }

    /** The texts of one column of the results ({@code code}, {@code wage}, {@code exposure}, {@code score}). */
    private static List<String> column(Browser browser, String cellClass) {
        return browser.driver().findElements(By.cssSelector("table.results tbody td." + cellClass)).stream()
                .map(WebElement::getText).toList();
    }

    private static long total(String json) {
        Matcher total = TOTAL.matcher(json);
        assertTrue(total.find(), json);
        return Long.parseLong(total.group(1));
    }

    private static List<String> resultTitles(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.results tbody td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    private String url(String path) {
        return launcher.url() + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
