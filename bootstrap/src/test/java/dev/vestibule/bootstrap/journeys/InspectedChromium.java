package dev.vestibule.bootstrap.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (as in the cluster journeys: named explicitly, never downloaded) with the
 * DevTools controls the page checks need: viewport and colour-scheme emulation, full-page screenshots, and
 * axe-core injected past the site's CSP. Pages are opened and forms sent as a user's browser would.
 */
final class InspectedChromium implements AutoCloseable {

    private static final Path BROWSER =
            Path.of(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    /** axe-core as Deque ships it inside its Selenium binding (the only part of that jar we use). */
    private static final String AXE_SOURCE = resource("/axe.min.js");

    /** The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA; axe's best practices are left out on purpose. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']},
              resultTypes: ['violations']
            }).then(results => done(results.violations.flatMap(violation => violation.nodes.map(node =>
                violation.id + ' (' + violation.impact + '): ' + violation.help + ' at ' + node.target.join(' ')
                + ' | ' + (node.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240))))
            ).catch(failure => done(['axe-core failed to run: ' + failure]));
            """;

    private final Path profile;
    private final ChromeDriver driver;

    InspectedChromium() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(
                    "The page checks need Chromium and its driver at " + BROWSER + " and " + DRIVER
                            + " (or VESTIBULE_TEST_CHROMIUM / VESTIBULE_TEST_CHROMEDRIVER). On Debian: "
                            + "apt-get install -y chromium chromium-driver (.ci/run installs them).");
        }
        try {
            profile = Files.createTempDirectory("vestibule-chromium-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Our CSP (script-src 'self') would refuse axe-core; the checks read the page, they never change it.
        cdp("Page.enable", Map.of());
        cdp("Page.setBypassCSP", Map.of("enabled", true));
    }

    /** Forgets every cookie: the next page is a first visit. */
    void forgetEverything() {
        cdp("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    void open(String url) {
        driver.get(url);
    }

    void fill(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks the submit button of the form matched by {@code formSelector} and waits for the next page. */
    void submit(String formSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(formSelector + " button[type=submit]"))
                .click();
        awaitNextPage(page);
    }

    /**
     * Sends a form the page does not have, as a browser sends it ({@code enctype} as given), from the page now
     * open: how the error pages for refused requests are reached without leaving the browser.
     */
    void post(String path, Map<String, String> fields, String enctype) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.executeScript("""
                const [action, fields, enctype] = arguments;
                const form = document.createElement('form');
                form.method = 'post';
                form.action = action;
                form.enctype = enctype;
                for (const [name, value] of Object.entries(fields)) {
                  const input = document.createElement('input');
                  input.type = 'hidden';
                  input.name = name;
                  input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """, path, fields, enctype);
        awaitNextPage(page);
    }

    private void awaitNextPage(WebElement previous) {
        WebDriverWait wait = new WebDriverWait(driver, PAGE_LOAD);
        wait.until(browser -> isGone(previous));
        wait.until(browser -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether the previous page's root has left the document. Chromium sometimes answers a node of a document
     * that is being replaced with "Node with given id does not belong to the document" instead of a stale
     * element: that means gone too (Selenium's stalenessOf lets it escape and fail the journey).
     */
    private static boolean isGone(WebElement previous) {
        try {
            previous.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException replaced) {
            String message = replaced.getMessage();
            if (message != null && message.contains("does not belong to the document")) {
                return true;
            }
            throw replaced;
        }
    }

    /** The value of the hidden CSRF field of the page now open. */
    String csrfToken() {
        return driver.findElement(By.cssSelector("input[name=_csrf]")).getDomAttribute("value");
    }

    /** The HTTP status the page now open came with. */
    int status() {
        return ((Number) driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus"))
                .intValue();
    }

    String path() {
        return (String) driver.executeScript("return location.pathname");
    }

    /** Emulates a screen {@code width} CSS pixels wide, a phone's (touch, meta viewport) or a desktop's. */
    void viewport(int width, int height, boolean phone) {
        cdp(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
    }

    void colorScheme(String scheme) {
        cdp(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** axe-core's WCAG 2 A/AA violations on the page now open, one line per element. */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof axe === 'object'"))) {
            driver.executeScript(AXE_SOURCE);
        }
        return (List<String>) driver.executeAsyncScript(RUN_AXE);
    }

    /** Presses Tab: a real key press, so that the page shows its keyboard focus (:focus-visible). */
    void pressTab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    /** Writes the whole page, not only the viewport, as a PNG. */
    void screenshot(Path file) {
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = cdp(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    private static String resource(String name) {
        try (InputStream in = InspectedChromium.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
