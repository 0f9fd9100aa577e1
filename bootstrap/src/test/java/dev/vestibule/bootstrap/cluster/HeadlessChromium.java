package dev.vestibule.bootstrap.cluster;

import dev.vestibule.bootstrap.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium: the system's browser and chromedriver (Debian {@code chromium},
 * {@code chromium-driver}), named explicitly so that Selenium Manager never tries to download one. Each instance
 * has a fresh profile. Missing browser or driver fails with directions; it never skips.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path BROWSER =
            Path.of(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    // Selenium warns that it has no DevTools (CDP) binding for this Chromium; these journeys use none. Kept in a
    // field: java.util.logging holds loggers weakly, and a collected one would forget its level.
    private static final Logger CDP_VERSION_WARNINGS =
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
    }

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    HeadlessChromium(String baseUrl) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser journeys need Chromium and its driver at " + BROWSER + " and "
                    + DRIVER + " (or VESTIBULE_TEST_CHROMIUM / VESTIBULE_TEST_CHROMEDRIVER). On Debian: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them).");
        }
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("vestibule-chromium-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--user-data-dir=" + profile,
                // The cluster's certificate is self-signed, generated at start.
                "--ignore-certificate-errors");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void fill(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
    }

    /** Fills the sign-up form (it must be open) for {@code username}, with the test users' password. */
    void fillSignUp(String username) {
        fill("username", username);
        fill("email", TestUsers.emailOf(username));
        fill("password", TestUsers.PASSWORD);
        fill("password2", TestUsers.PASSWORD);
    }

    void check(String checkboxId) {
        WebElement box = driver.findElement(By.id(checkboxId));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Clicks a form's submit button and waits for the next page to replace this one. */
    void submit(String formSelector) {
        WebElement button = driver.findElement(By.cssSelector(formSelector + " button[type=submit]"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(button));
    }

    void clickLink(String text) {
        WebElement link = driver.findElement(By.linkText(text));
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(link));
    }

    /** Opens a full URL, e.g. a link from a mail. */
    void openUrl(String url) {
        driver.get(url);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    List<String> flashes() {
        return driver.findElements(By.cssSelector(".flash")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The user the navigation shows as signed in, empty when none is. */
    String signedInAs() {
        return driver.findElements(By.cssSelector(".current-user")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    /** Our cookie whose name ends with {@code baseName}, as the browser holds it. */
    Cookie cookie(String baseName) {
        return driver.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(baseName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the browser holds no " + baseName + " cookie"));
    }

    /** Forgets our cookie whose name ends with {@code baseName}, as closing the browser forgets a session cookie. */
    void dropCookie(String baseName) {
        driver.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(baseName))
                .forEach(cookie -> driver.manage().deleteCookie(cookie));
    }

    /**
     * What a browser does when it restores {@code count} tabs of this site at once: from a blank page, one script
     * opens them all in the same instant (the requests leave together, over HTTP/2 on one connection, each with
     * the cookies the browser holds at that moment). Waits until every tab has loaded, then reads, per tab, the
     * path it ended on and who it shows as signed in ("" for nobody), and closes the tabs again.
     */
    List<RestoredTab> restoreTabsAtOnce(String path, int count) {
        String blank = driver.getWindowHandle();
        driver.get("about:blank");
        driver.executeScript(
                "for (let i = 0; i < arguments[1]; i++) { window.open(arguments[0], '_blank'); }",
                baseUrl + path,
                count);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(browser -> browser.getWindowHandles().size() == count + 1);
        List<RestoredTab> tabs = new java.util.ArrayList<>();
        for (String handle : driver.getWindowHandles()) {
            if (handle.equals(blank)) {
                continue;
            }
            driver.switchTo().window(handle);
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(browser -> !driver.getCurrentUrl().startsWith("about:")
                            && "complete".equals(driver.executeScript("return document.readyState")));
            tabs.add(new RestoredTab(path(), signedInAs()));
            driver.close();
        }
        driver.switchTo().window(blank);
        return tabs;
    }

    /** One restored tab: where it ended, and who it shows as signed in ("" for nobody). */
    record RestoredTab(String path, String signedInAs) {}

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
