package org.careergraph.deploy.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The browser harness itself, on two tiny pages served from 127.0.0.1: an accessible one, and one with an image
 * without alt text, an input without a label and low-contrast text. Skipped when Chromium is not installed, except
 * for the test of that skip.
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
}
