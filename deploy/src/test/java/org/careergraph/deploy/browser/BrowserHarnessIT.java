package org.careergraph.deploy.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The browser harness itself, on two tiny pages served from 127.0.0.1: an accessible one, and one with an image
 * without alt text, an input without a label and low-contrast text. Skipped when Chromium is not installed, except
 * for the test of that skip.
 *
 * <p>Then the reader's career page as Chromium lays it out, on the whole system ({@link ReaderSystem}: the services
 * and the web front behind the gateway, started once, by the first of these tests): its Atom feed announced in the
 * head and linked in the text, the score history spaced by time, the dimension labels inside their chart in both
 * languages, the salary bands as ranges on one scale, and the Chinese tool table on a desktop and on a phone. The
 * occupation they read is made through the API, its score moved by editing its salary bands.
 */
class BrowserHarnessIT {

    private static final String ACCESSIBLE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Accessible page</title></head>
            <body>
              <header><p>Career Graph</p></header>
              <main>
                <h1>Community Services Worker</h1>
                <img src="/pixel.svg" alt="A growing chart" width="40" height="40">
                <form>
                  <label for="email">Email address</label>
                  <input id="email" type="email" name="email">
                  <button type="submit">Subscribe</button>
                </form>
                <p style="color:#222;background:#fff">Readable text, dark on white.</p>
              </main>
            </body>
            </html>
            """;

    private static final String INACCESSIBLE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Inaccessible page</title></head>
            <body>
              <main>
                <h1>Registered Nurse</h1>
                <img id="chart" src="/pixel.svg" width="40" height="40">
                <form>
                  <input id="newsletter-email" type="text" name="email">
                </form>
                <p id="faint" style="color:#bbb;background:#fff">Light grey text on white.</p>
              </main>
            </body>
            </html>
            """;

    /** Taller than the window, to show that screenshots take the whole page. */
    private static final String LONG = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Long page</title></head>
            <body style="margin:0">
              <main>
                <h1>Top</h1>
                <div style="height:3000px;background:linear-gradient(#fff,#369)"></div>
                <p>Bottom</p>
              </main>
            </body>
            </html>
            """;

    private static final String PIXEL = """
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#369"/></svg>
            """;

    private static HttpServer server;
    private static String baseUrl;
    private static Browser browser;

    @BeforeAll
    static void serveAndStart() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, String> pages = Map.of("/accessible.html", ACCESSIBLE, "/inaccessible.html", INACCESSIBLE,
                "/long.html", LONG, "/pixel.svg", PIXEL);
        server.createContext("/", exchange -> {
            try (exchange) {
                String page = pages.get(exchange.getRequestURI().getPath());
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = page.getBytes(UTF_8);
                String type = exchange.getRequestURI().getPath().endsWith(".svg") ? "image/svg+xml" : "text/html";
                exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

        if (Browser.isInstalled()) {
            long started = System.nanoTime();
            browser = Browser.start();
            System.out.printf("Browser harness: Chromium and chromedriver started in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (system != null) {
            system.close();
        }
    }

    private static Browser browser() {
        Browser.assumeInstalled();
        return browser;
    }

    @Test
    void accessiblePageHasNoSeriousViolations() {
        long started = System.nanoTime();
        browser().open(baseUrl + "/accessible.html");
        long opened = System.nanoTime();
        List<AccessibilityViolation> violations = browser.accessibilityViolations();
        long checked = System.nanoTime();
        System.out.printf("Browser harness: page opened in %d ms, axe-core %s ran in %d ms%n",
                (opened - started) / 1_000_000, Browser.axeVersion(), (checked - opened) / 1_000_000);

        assertEquals(List.of(), violations);
        browser.assertNoSeriousAccessibilityViolations("accessible test page");
        assertEquals("Accessible page", browser.driver().getTitle());
        assertEquals(List.of(), browser.allAccessibilityViolations(), "not even minor or moderate ones");
    }

    @Test
    void reportsMissingAltTextMissingLabelAndLowContrast() throws IOException {
        browser().open(baseUrl + "/inaccessible.html");

        Map<String, AccessibilityViolation> byId = browser.accessibilityViolations().stream()
                .collect(Collectors.toMap(AccessibilityViolation::id, Function.identity()));

        assertEquals("critical", byId.get("image-alt").impact(), byId.toString());
        assertEquals(List.of("#chart"), byId.get("image-alt").targets());
        assertEquals("critical", byId.get("label").impact(), byId.toString());
        assertEquals(List.of("#newsletter-email"), byId.get("label").targets());
        assertEquals("serious", byId.get("color-contrast").impact(), byId.toString());
        assertEquals(List.of("#faint"), byId.get("color-contrast").targets());
        assertEquals(3, byId.size(), byId.toString());

        assertTrue(Files.size(browser.screenshot("browser-harness-inaccessible")) > 1000);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> browser.assertNoSeriousAccessibilityViolations("inaccessible test page"));
        String message = failure.getMessage();
        System.out.println("Browser harness: the failure message reads\n" + message);
        assertTrue(message.startsWith("3 serious or critical accessibility violation(s) on inaccessible test page ("
                + baseUrl + "/inaccessible.html)"), message);
        for (String expected : List.of("image-alt [critical]", "#chart", "label [critical]", "#newsletter-email",
                "color-contrast [serious]", "#faint", "insufficient color contrast of 1.9",
                "Fix any of the following: Element does not have an alt attribute; aria-label attribute")) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void screenshotsTakeTheWholePage() throws IOException {
        browser().open(baseUrl + "/long.html");

        Path file = browser.screenshot("browser-harness/long page");

        assertEquals(Path.of("target", "screenshots", "browser-harness-long-page.png").toAbsolutePath(), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Browser.WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 3000, "height " + image.getHeight());
        assertTrue(Files.size(file) > 1000);
        // the viewport is exactly WIDTH x HEIGHT, and the screenshot did not scroll the page
        assertEquals(List.of(1280L, 900L, 0L), browser.driver().executeScript(
                "return [document.documentElement.clientWidth, document.documentElement.clientHeight, window.scrollY];"));
        assertEquals("en", browser.driver().executeScript("return navigator.language;"));
    }

    @Test
    void skipsCleanlyWithoutChromium() {
        assertSkips("/nonexistent/chromium", "/bin/sh", "Browser tests skipped: no Chromium here "
                + "(/nonexistent/chromium is missing); install Debian's chromium and chromium-driver");
        assertSkips("/bin/sh", "/nonexistent/chromedriver", "Browser tests skipped: no chromedriver here "
                + "(/nonexistent/chromedriver is missing); install Debian's chromium and chromium-driver");
    }

    /** With the paths pointed elsewhere (any executable stands in for the one that is "there"). */
    private static void assertSkips(String chromium, String chromedriver, String expectedMessage) {
        Map<String, String> before = new HashMap<>();
        for (String property : List.of(Browser.CHROMIUM_PROPERTY, Browser.CHROMEDRIVER_PROPERTY)) {
            before.put(property, System.getProperty(property));
        }
        System.setProperty(Browser.CHROMIUM_PROPERTY, chromium);
        System.setProperty(Browser.CHROMEDRIVER_PROPERTY, chromedriver);
        try {
            assertFalse(Browser.isInstalled());
            TestAbortedException skipped = assertThrows(TestAbortedException.class, Browser::assumeInstalled);
            assertTrue(skipped.getMessage().contains(expectedMessage), skipped.getMessage());
            assertThrows(TestAbortedException.class, Browser::start, "start() skips too");
        } finally {
            before.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------- the reader's pages

    /** How long the system may take to pass an edit on to the score, the status and the feed. */
    private static final Duration EVENTUALLY = Duration.ofMinutes(2);
    private static final int PHONE_WIDTH = 390;

    private static ReaderSystem system;
    private static Charted charted;

    /** The occupation the page tests read: its id and its salary bands as they stand. */
    private record Charted(String id, List<Map<String, Object>> bands) {
    }

    @Test
    void aCareerPageAnnouncesItsAtomFeedAndLinksItWhereReadersSeeIt() {
        Charted occupation = charted();
        for (String lang : List.of("en", "zh")) {
            browser.open(system.url("/occupations/" + occupation.id() + "?lang=" + lang));

            WebElement announced = browser.driver().findElement(
                    By.cssSelector("head link[rel='alternate'][type='application/atom+xml']"));
            String feed = system.url("/api/feeds/" + occupation.id() + ".atom" + (lang.equals("zh") ? "?lang=zh" : ""));
            assertEquals(feed, announced.getDomProperty("href"), lang);
            String title = announced.getDomAttribute("title");
            assertTrue(title.contains(lang.equals("zh") ? "圖表測試協調員" : "Chart Test Coordinator"), title);
            WebElement visible = browser.driver().findElement(By.cssSelector("main a[type='application/atom+xml']"));
            assertTrue(visible.isDisplayed());
            assertEquals(lang.equals("zh") ? "追蹤變更（Atom 訂閱源）" : "Follow changes (Atom feed)",
                    visible.getText());
            assertEquals(feed, visible.getDomProperty("href"));

            // what a feed reader gets there (the notification service learns of the occupation from its event)
            String path = URI.create(feed).getRawPath() + (lang.equals("zh") ? "?lang=zh" : "");
            HttpResponse<String> answer = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                    .until(() -> system.get(path), response -> response.statusCode() != 404);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"),
                    answer.headers().map().toString());
            assertTrue(answer.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"") && answer.body().contains(
                    lang.equals("zh") ? "圖表測試協調員" : "Chart Test Coordinator"), answer.body());
        }
    }

    @Test
    void theScoreHistorySpacesItsPointsByTheTimeBetweenTheMoves() {
        Charted occupation = charted();
        List<Instant> times = moveTimes(occupation.id());
        browser.open(system.url("/occupations/" + occupation.id() + "?lang=en"));

        List<Box> dots = boxes("svg.history-chart circle.dot");
        assertEquals(times.size(), dots.size(), "a point per move");
        double first = dots.getFirst().centreX();
        double last = dots.getLast().centreX();
        assertTrue(last - first > 400, "the moves span the chart: " + first + " to " + last);
        double span = seconds(times.getFirst(), times.getLast());
        for (int i = 0; i < dots.size(); i++) {
            double expected = first + seconds(times.getFirst(), times.get(i)) / span * (last - first);
            assertEquals(expected, dots.get(i).centreX(), 1.0, "point " + i + " of " + times);
        }
        // What makes this more than spacing by index: the moves were not evenly apart.
        assertTrue(unevenlySpaced(times), times.toString());

        Box chart = boxes("svg.history-chart").getFirst();
        List<Box> labels = boxes("svg.history-chart text.time");
        assertTrue(labels.size() >= 2, labels.toString());
        assertInside(chart, labels);
        assertApart(labels);
        assertInside(chart, boxes("svg.history-chart text.context"));
        browser.screenshot("reader-career-history-en");
    }

    @Test
    void theDimensionLabelsFitInsideTheirChartInBothLanguages() {
        Charted occupation = charted();
        for (String lang : List.of("en", "zh")) {
            browser.open(system.url("/occupations/" + occupation.id() + "?lang=" + lang));

            Box chart = boxes("svg.dimensions-chart").getFirst();
            List<Box> labels = boxes("svg.dimensions-chart text.label");
            List<Box> bars = boxes("svg.dimensions-chart rect.bar");
            assertEquals(8, labels.size(), lang);
            assertFalse(bars.isEmpty(), lang + ": scored");
            assertInside(chart, labels);
            double barsStart = bars.stream().mapToDouble(Box::left).min().orElseThrow();
            for (Box label : labels) {
                assertTrue(label.right() <= barsStart - 2, lang + ": " + label + " ends before the bars at "
                        + barsStart);
            }
            // A reader's larger text (a minimum font size, a wider font than ours) may push a label into its bar,
            // but never off the chart's left edge.
            browser.driver().executeScript("document.querySelectorAll('svg.dimensions-chart text.label')"
                    + ".forEach(label => label.style.fontSize = '17px');");
            for (Box label : boxes("svg.dimensions-chart text.label")) {
                assertTrue(label.left() >= chart.left() - 0.5, lang + " at 17 px: " + label + " inside " + chart);
            }
        }
    }

    @Test
    void theSalaryBandsAreRangesOnOneScaleOneBarEach() {
        Charted occupation = charted();
        browser.open(system.url("/occupations/" + occupation.id() + "?lang=en"));

        WebElement svg = browser.driver().findElement(By.cssSelector("#salary svg.salary-chart"));
        assertEquals("img", svg.getDomAttribute("role"));
        assertEquals("Yearly pay by experience level, NZD",
                svg.findElement(By.tagName("title")).getAttribute("textContent"));
        List<Box> bars = boxes("svg.salary-chart rect.range");
        List<Map<String, Object>> bands = occupation.bands();
        assertEquals(bands.size(), bars.size(), "one bar per band");
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(bars.get(i).top() > bars.get(i - 1).top(), "in the page's order, top down");
        }
        // one linear scale: every end where its amount is, measured from the first band's start
        double perDollar = (bars.getLast().right() - bars.getFirst().left())
                / (amount(bands.getLast(), "max") - amount(bands.getFirst(), "min"));
        for (int i = 0; i < bars.size(); i++) {
            double start = bars.getFirst().left() + (amount(bands.get(i), "min") - amount(bands.getFirst(), "min"))
                    * perDollar;
            double end = bars.getFirst().left() + (amount(bands.get(i), "max") - amount(bands.getFirst(), "min"))
                    * perDollar;
            assertEquals(start, bars.get(i).left(), 1.0, "band " + i + " starts at its lowest pay");
            assertEquals(end, bars.get(i).right(), 1.0, "band " + i + " ends at its highest pay");
        }
        List<Box> ticks = boxes("svg.salary-chart text.tick");
        assertTrue(ticks.size() >= 3 && ticks.stream().allMatch(t -> t.text().matches("NZ\\$\\d{2,3},000")),
                ticks.toString());
        assertApart(ticks);
        Box chart = boxes("svg.salary-chart").getFirst();
        assertInside(chart, ticks);
        assertInside(chart, boxes("svg.salary-chart text"));
        assertEquals(bands.size(),
                browser.driver().findElements(By.cssSelector("#salary table.salary tbody tr")).size(),
                "the table stays");
        assertTrue(browser.driver().findElement(By.cssSelector("#salary table.salary + p.source")).isDisplayed(),
                "and so does its source line");
        browser.screenshot("reader-career-en");
        browser.assertNoSeriousAccessibilityViolations("career page with its charts");
    }

    @Test
    void theChineseToolTableReadsWellOnADesktopAndOnAPhone() {
        Charted occupation = charted();
        try {
            for (int width : List.of(Browser.WIDTH, PHONE_WIDTH)) {
                if (width == PHONE_WIDTH) {
                    browser.emulatePhone(PHONE_WIDTH, 844);
                }
                browser.open(system.url("/occupations/" + occupation.id() + "?lang=zh"));
                assertEquals(List.of((long) width, (long) width), browser.driver().executeScript(
                        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];"),
                        "the page as wide as the window, nothing running off its side");

                List<Map<String, Object>> cells = cells("table.tools");
                assertEquals(4 * 5 - 3, cells.size(), "every cell with something in it: " + cells);
                for (Map<String, Object> cell : cells) {
                    String where = width + " px: " + cell;
                    double em = number(cell, "fontSize");
                    int lines = (int) number(cell, "lines");
                    assertTrue(number(cell, "width") >= 2 * em, "narrower than two characters at " + where);
                    String kind = cell.get("kind").toString();
                    if (kind.contains("short")) {
                        assertEquals(1, lines, "a kind, impact or year on one line at " + where);
                    } else if (kind.contains("tool-name")) {
                        assertTrue(lines <= 2, "a name on two lines at most at " + where);
                    } else {
                        assertTrue(number(cell, "width") >= 12 * em, "the description at least 12 characters wide at "
                                + where);
                        assertTrue(lines <= 6, "the description in six lines at most at " + where);
                    }
                }
                // the salary bands' table too: each level on two lines at most, nothing narrower than two characters
                List<Map<String, Object>> salary = cells("table.salary");
                assertEquals(2 * 3, salary.size(), "level and pay of each band: " + salary);
                for (Map<String, Object> cell : salary) {
                    assertTrue(number(cell, "width") >= 2 * number(cell, "fontSize"), width + " px: " + cell);
                    assertTrue(number(cell, "lines") <= 2, width + " px: " + cell);
                }
                // and the score's explanations beside (or, on a phone, under) the dimensions' names
                for (Box why : boxes("table.dimensions tbody td.why")) {
                    assertTrue(why.right() - why.left() >= 12 * 16, "an explanation 12 characters wide at " + width
                            + " px: " + why);
                }
                browser.screenshot(width == PHONE_WIDTH ? "reader-career-zh-phone" : "reader-career-zh");
                browser.assertNoSeriousAccessibilityViolations("career page in Chinese, " + width + " px wide");
            }
        } finally {
            browser.stopEmulating();
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private static synchronized ReaderSystem system() {
        Browser.assumeInstalled();
        if (system == null) {
            long started = System.nanoTime();
            system = ReaderSystem.start();
            System.out.printf("Browser harness: the system started in %d s%n",
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        return system;
    }

    /**
     * The occupation the page tests read, made once: a New Zealand occupation with three salary bands and four AI
     * tools described in Chinese, scored, its score then moved by edits to its middle band until the moves are
     * unevenly apart in time (the reader opens its page a growing number of times between two edits).
     */
    private static synchronized Charted charted() {
        browser();
        ReaderSystem system = system();
        if (charted != null) {
            return charted;
        }
        List<Map<String, Object>> bands = List.of(band("初級(0-3年)", 52000, 61000),
                band("中級(3-6年)", 61000, 78000), band("Senior (6+ years)", 78000, 104000));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", Map.of("zh", "圖表測試協調員", "en", "Chart Test Coordinator"));
        page.put("codeSystem", "ANZSCO");
        page.put("code", "411298");
        page.put("salaryBands", bands);
        page.put("aiImpact", Map.of("verdict", "MIXED", "tools", List.of(
                tool("ChatGPT", "TOOL", "PARTIAL", 2022,
                        "替代社區服務工作者撰寫個案報告、服務計劃、郵件回覆等文書工作，以及提供初步的情緒支持和資源信息。"),
                tool("Woebot", "PRODUCT", "PARTIAL", 2017,
                        "部分替代社區服務工作者提供基礎情感支持、心理輔導和日常情緒管理建議，減少面對面諮詢需求。"),
                tool("IBM Watson for Social Services", "PLATFORM", "MAJOR", 2019,
                        "輔助社區服務工作者進行案例分類、服務推薦和自動化行政流程，提高效率但未完全替代決策。"),
                tool(null, null, null, null, "替代社區服務工作者處理常見政策諮詢、福利申請引導和基本信息查詢。"))));
        HttpResponse<String> created = system.sendAsAdmin("POST", "/api/occupations",
                Map.of("skillLevel", 2, "page", page), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String id = system.read(created.body()).path("id").asText();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300)).until(() -> !moveTimes(id).isEmpty());

        List<Map<String, Object>> now = bands;
        for (int edit = 1; moveTimes(id).size() < 4 || !unevenlySpaced(moveTimes(id)); edit++) {
            assertTrue(edit <= 8, "eight edits and still no uneven moves: " + moveTimes(id));
            for (int read = 0; read < edit * edit; read++) {
                assertEquals(200, system.get("/occupations/" + id).statusCode());
            }
            int before = moveTimes(id).size();
            // the middle band's top between 78,000 and 98,000: its midpoint, the mid-level pay, moves the income
            now = List.of(bands.get(0), band("中級(3-6年)", 61000, edit % 2 == 1 ? 98000 : 78000), bands.get(2));
            HttpResponse<String> edited = system.sendAsAdmin("PATCH", "/api/occupations/" + id,
                    Map.of("page", Map.of("salaryBands", now)), Map.of());
            assertEquals(200, edited.statusCode(), edited.body());
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).until(() -> moveTimes(id).size() > before);
        }
        charted = new Charted(id, now);
        return charted;
    }

    /** When the score moved, oldest first (the API lists the newest first). */
    private static List<Instant> moveTimes(String id) {
        JsonNode history = system.getJson("/api/scores/" + id + "/history?limit=100");
        return StreamSupport.stream(history.spliterator(), false)
                .map(move -> Instant.parse(move.path("changedAt").asText())).sorted().toList();
    }

    /** Some two gaps between consecutive moves differ at least twofold. */
    private static boolean unevenlySpaced(List<Instant> times) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(seconds(times.get(i - 1), times.get(i)));
        }
        return gaps.size() >= 2 && gaps.stream().max(Comparator.naturalOrder()).orElseThrow()
                >= 2 * gaps.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static double seconds(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return between.getSeconds() + between.getNano() / 1e9;
    }

    private static Map<String, Object> band(String level, int min, int max) {
        return Map.of("level", level, "min", min, "max", max, "currency", "NZD");
    }

    private static Map<String, Object> tool(String name, String kind, String impact, Integer year, String zh) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", name);
        tool.put("kind", kind);
        tool.put("impact", impact);
        tool.put("year", year);
        tool.put("description", Map.of("zh", zh));
        tool.put("hasSource", true);
        return tool;
    }

    private static double amount(Map<String, Object> band, String end) {
        return ((Number) band.get(end)).doubleValue();
    }

    /** Where an element is drawn, in CSS px of the page, and its text. */
    private record Box(double left, double top, double right, double bottom, String text) {

        double centreX() {
            return (left + right) / 2;
        }
    }

    private static List<Box> boxes(String selector) {
        Object found = browser.driver().executeScript("""
                return [...document.querySelectorAll(arguments[0])].map(element => {
                  const box = element.getBoundingClientRect();
                  return [box.left, box.top, box.right, box.bottom, element.textContent];
                });""", selector);
        List<Box> boxes = new ArrayList<>();
        for (Object item : (List<?>) found) {
            List<?> box = (List<?>) item;
            boxes.add(new Box(((Number) box.get(0)).doubleValue(), ((Number) box.get(1)).doubleValue(),
                    ((Number) box.get(2)).doubleValue(), ((Number) box.get(3)).doubleValue(), (String) box.get(4)));
        }
        assertFalse(boxes.isEmpty(), "nothing matches " + selector + " on " + browser.driver().getCurrentUrl());
        return boxes;
    }

    /** Each box within the outer one (half a pixel for rounding). */
    private static void assertInside(Box outer, List<Box> boxes) {
        for (Box box : boxes) {
            assertTrue(box.left() >= outer.left() - 0.5 && box.right() <= outer.right() + 0.5
                    && box.top() >= outer.top() - 0.5 && box.bottom() <= outer.bottom() + 0.5,
                    box + " inside " + outer);
        }
    }

    /** No two boxes overlap across: left to right, each starts after the one before ends. */
    private static void assertApart(List<Box> boxes) {
        List<Box> sorted = boxes.stream().sorted(Comparator.comparingDouble(Box::left)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i).left() >= sorted.get(i - 1).right(), sorted.get(i - 1) + " overlaps "
                    + sorted.get(i));
        }
    }

    /**
     * The cells of a table's body that show something, each with its kind (class), content width (without padding),
     * the lines its text takes and its font size.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(String table) {
        return (List<Map<String, Object>>) browser.driver().executeScript("""
                return [...document.querySelectorAll(arguments[0] + ' tbody th, ' + arguments[0] + ' tbody td')]
                  .filter(cell => getComputedStyle(cell).display !== 'none' && cell.textContent.trim() !== '')
                  .map(cell => {
                    const style = getComputedStyle(cell);
                    const text = document.createRange();
                    text.selectNodeContents(cell);
                    const lines = new Set([...text.getClientRects()].filter(r => r.width > 0)
                      .map(r => Math.round(r.top)));
                    const box = cell.getBoundingClientRect();
                    return {kind: cell.className, text: cell.textContent.trim(), lines: lines.size,
                            width: box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                            fontSize: parseFloat(style.fontSize)};
                  });""", table);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
