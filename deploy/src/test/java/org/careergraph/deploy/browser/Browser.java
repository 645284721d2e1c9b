package org.careergraph.deploy.browser;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for end-to-end tests of web pages: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver} by Selenium WebDriver, both given by path so that Selenium Manager never looks for (or
 * downloads) a browser or a driver.
 *
 * <pre>
 * {@literal @}Test
 * void occupationPageIsAccessible() {
 *     try (Browser browser = Browser.start()) {          // skips the test when Chromium is not installed
 *         browser.open(gatewayUrl + "/occupations/anzsco-411215");
 *         browser.screenshot("occupation-page");          // target/screenshots/occupation-page.png
 *         browser.assertNoSeriousAccessibilityViolations("occupation page");
 *     }
 * }
 * </pre>
 *
 * <p>Paths can be changed with system properties: {@value #CHROMIUM_PROPERTY} (default {@code /usr/bin/chromium}),
 * {@value #CHROMEDRIVER_PROPERTY} (default {@code /usr/bin/chromedriver}) and {@value #OUTPUT_PROPERTY} (default
 * {@code target}, where the profile, the chromedriver log and the screenshots go).
 *
 * <p>One instance is one browser process with one tab; it is not thread-safe. Starting one takes 1-2 s here (about
 * 2.5 s for the first in a JVM); share one per test class ({@code @BeforeAll}) when a class opens many pages.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM_PROPERTY = "careergraph.browser.chromium";
    public static final String CHROMEDRIVER_PROPERTY = "careergraph.browser.chromedriver";
    public static final String OUTPUT_PROPERTY = "careergraph.browser.output";

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;

    /** The axe-core rule tags run by {@link #accessibilityViolations()}: WCAG 2.0/2.1 A and AA, and best practices. */
    public static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private static final String SKIP_HINT = "install Debian's chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver)";

    /**
     * Selenium logs through java.util.logging, which prints to stderr. Kept here, because java.util.logging holds
     * loggers weakly and would forget the levels set on them.
     */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private static final String AXE_RUN = """
            const tags = arguments[0];
            const done = arguments[arguments.length - 1];
            const selector = t => Array.isArray(t) ? t.join(' >> ') : String(t);
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(result => done({violations: result.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({target: n.target.map(selector).join(' >> '), html: n.html || '',
                                            summary: n.failureSummary || ''}))}))}))
              .catch(e => done({error: String(e && e.stack || e)}));
            """;

    private static volatile String axeSource;

    private final ChromeDriver driver;
    private final Path output;
    private final Path profile;

    private Browser(ChromeDriver driver, Path output, Path profile) {
        this.driver = driver;
        this.output = output;
        this.profile = profile;
    }

    // ------------------------------------------------------------------------------------------------ availability

    /** Why a browser cannot start here (Chromium or chromedriver missing), or empty when it can. */
    public static Optional<String> whyUnavailable() {
        Path chromium = chromiumPath();
        Path chromedriver = chromedriverPath();
        if (!Files.isExecutable(chromium)) {
            return Optional.of("Browser tests skipped: no Chromium here (" + chromium + " is missing); " + SKIP_HINT);
        }
        if (!Files.isExecutable(chromedriver)) {
            return Optional.of("Browser tests skipped: no chromedriver here (" + chromedriver + " is missing); "
                    + SKIP_HINT);
        }
        return Optional.empty();
    }

    /** {@code true} when Chromium and chromedriver are both installed. */
    public static boolean isInstalled() {
        return whyUnavailable().isEmpty();
    }

    /**
     * Skips the calling JUnit 5 test (or, from {@code @BeforeAll}, the whole class) with a clear message when Chromium
     * or chromedriver is not installed.
     */
    public static void assumeInstalled() {
        Optional<String> why = whyUnavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> why.orElse(""));
    }

    // ------------------------------------------------------------------------------------------------------- start

    /**
     * Starts a headless Chromium with a new, empty profile, at {@value #WIDTH}x{@value #HEIGHT} and in English.
     * Skips the calling test when Chromium or chromedriver is not installed.
     */
    public static Browser start() {
        assumeInstalled();
        quietSelenium();
        Path output = outputDirectory();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path profile = output.resolve("browser").resolve("profile-" + id);
        // Chromium writes ~/.config/chromium/Crash Reports and ~/.cache/dconf even with its own profile folder
        Path home = output.resolve("browser").resolve("home");
        try {
            Files.createDirectories(profile);
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromiumPath().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                // no keyring daemon here: do not look for one over D-Bus
                "--password-store=basic",
                "--user-data-dir=" + profile,
                // resized below so that the page itself gets WIDTH x HEIGHT
                "--window-size=" + WIDTH + "," + HEIGHT,
                // the same layout width on short and long pages, and no scrollbar in screenshots
                "--hide-scrollbars",
                "--lang=en");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        options.setScriptTimeout(Duration.ofSeconds(60));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriverPath().toFile())
                .usingAnyFreePort()
                // chromedriver's and Chromium's own output (D-Bus complaints, the Debian launcher's) go to a file
                .withLogFile(output.resolve("browser").resolve("chromedriver-" + id + ".log").toFile())
                // added to the inherited environment: Chromium on Linux takes its UI language from LANGUAGE/LANG,
                // and with its own HOME it leaves the user's home alone
                .withEnvironment(Map.of("LANGUAGE", "en", "LANG", "C.UTF-8", "HOME", home.toString(),
                        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                        "XDG_CACHE_HOME", home.resolve(".cache").toString()))
                .build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            fitViewport(driver);
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        return new Browser(driver, output, profile);
    }

    // ---------------------------------------------------------------------------------------------------- browsing

    /** Loads a page and waits for its load event. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Loads a page and waits for its load event. */
    public Browser open(URI url) {
        return open(url.toString());
    }

    /** The WebDriver, for anything this class does not do (find elements, click, type, run scripts, CDP). */
    public ChromeDriver driver() {
        return driver;
    }

    /** A wait for a condition, such as {@code browser.waitUpTo(Duration.ofSeconds(5)).until(...)}. */
    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Lays pages out as a phone's browser does from now on: a viewport {@code width} x {@code height} CSS px, the
     * page's {@code <meta name="viewport">} honoured. Applies to the next page loaded; {@link #stopEmulating} ends it.
     */
    public Browser emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** Back to the desktop window of {@value #WIDTH}x{@value #HEIGHT}, from the next page loaded. */
    public Browser stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    // ------------------------------------------------------------------------------------------------- screenshots

    /**
     * Saves a PNG of the whole page (not only the visible part) as {@code target/screenshots/<name>.png} and returns
     * its path. Characters other than letters, digits, '.', '_' and '-' in the name become '-'.
     */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        long width = Math.max(ceil(content.get("width")), ceil(viewport.get("clientWidth")));
        long height = Math.max(ceil(content.get("height")), ceil(viewport.get("clientHeight")));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Path file = output.resolve("screenshots").resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ----------------------------------------------------------------------------------------------- accessibility

    /**
     * Runs axe-core on the current page (rules tagged {@link #AXE_TAGS}) and returns the violations whose impact is
     * serious or critical.
     */
    public List<AccessibilityViolation> accessibilityViolations() {
        return allAccessibilityViolations().stream().filter(AccessibilityViolation::isSeriousOrCritical).toList();
    }

    /** Runs axe-core on the current page (rules tagged {@link #AXE_TAGS}) and returns every violation, minor too. */
    public List<AccessibilityViolation> allAccessibilityViolations() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeSource());
        }
        Object answer = driver.executeAsyncScript(AXE_RUN, AXE_TAGS);
        if (!(answer instanceof Map<?, ?> result) || result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": "
                    + (answer instanceof Map<?, ?> map ? map.get("error") : answer));
        }
        List<AccessibilityViolation> violations = new ArrayList<>();
        for (Object item : (List<?>) result.get("violations")) {
            Map<?, ?> violation = (Map<?, ?>) item;
            List<AccessibilityViolation.Node> nodes = new ArrayList<>();
            for (Object nodeItem : (List<?>) violation.get("nodes")) {
                Map<?, ?> node = (Map<?, ?>) nodeItem;
                nodes.add(new AccessibilityViolation.Node(text(node.get("target")), text(node.get("html")),
                        text(node.get("summary"))));
            }
            violations.add(new AccessibilityViolation(text(violation.get("id")), text(violation.get("impact")),
                    text(violation.get("help")), text(violation.get("helpUrl")), nodes));
        }
        return violations;
    }

    /**
     * Fails with a readable message (each rule, impact, help and failing element) when axe-core finds a serious or
     * critical violation on the current page.
     *
     * @param pageName how the failure message names the page, such as "occupation page (zh)"
     */
    public void assertNoSeriousAccessibilityViolations(String pageName) {
        List<AccessibilityViolation> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            Assertions.fail(violations.size() + " serious or critical accessibility violation(s) on " + pageName
                    + " (" + driver.getCurrentUrl() + "), axe-core " + axeVersion() + ":\n"
                    + violations.stream().map(AccessibilityViolation::describe).collect(Collectors.joining("\n")));
        }
    }

    /** The axe-core version on the classpath (from the WebJar {@code org.webjars.npm:axe-core}). */
    public static String axeVersion() {
        String properties = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: add the test dependency "
                        + "org.webjars.npm:axe-core (" + properties + " not found)");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        String source = axeSource;
        if (source == null) {
            String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is not on the test classpath");
                }
                source = new String(in.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            axeSource = source;
        }
        return source;
    }

    // ------------------------------------------------------------------------------------------------------- close

    /** Ends Chromium and chromedriver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** --window-size sets the outer size: grow the window until the page's viewport is WIDTH x HEIGHT. */
    private static void fitViewport(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) driver.executeScript(
                "return [window.outerWidth, window.outerHeight, window.innerWidth, window.innerHeight];");
        int extraWidth = sizes.get(0).intValue() - sizes.get(2).intValue();
        int extraHeight = sizes.get(1).intValue() - sizes.get(3).intValue();
        if (extraWidth != 0 || extraHeight != 0) {
            driver.manage().window().setSize(new Dimension(WIDTH + extraWidth, HEIGHT + extraHeight));
        }
    }

    private static Path chromiumPath() {
        return Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
    }

    private static Path chromedriverPath() {
        return Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver"));
    }

    private static Path outputDirectory() {
        return Path.of(System.getProperty(OUTPUT_PROPERTY, "target")).toAbsolutePath().normalize();
    }

    private static synchronized void quietSelenium() {
        if (QUIETED.isEmpty()) {
            // "Unable to find CDP implementation matching 156" at every start: Selenium 4.52 ships no DevTools classes
            // for Chromium 156 (and this harness adds none). Nothing here uses them: screenshots go through
            // chromedriver's own CDP endpoint (executeCdpCommand), which works with any Chromium version.
            QUIETED.add(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"));
            QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        }
    }

    private static long ceil(Object number) {
        return (long) Math.ceil(((Number) number).doubleValue());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Chromium may still be writing while it stops; target/ is cleaned by the next build anyway
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
