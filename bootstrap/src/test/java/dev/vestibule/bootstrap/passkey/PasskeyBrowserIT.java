package dev.vestibule.bootstrap.passkey;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.RunningVestibule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in headless Chromium with WebDriver's virtual authenticator (CTAP2, internal, resident keys, user
 * verification), against an instance whose public URL is {@code http://localhost:<port>}: Chromium refuses WebAuthn
 * on an IP address. The page script runs as shipped, under the real Content-Security-Policy.
 */
class PasskeyBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "page-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RunningVestibule vestibule;
    private static String baseUrl;

    private ChromeDriver driver;
    private VirtualAuthenticator authenticator;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://localhost:" + port;
        vestibule = RunningVestibule.start("--server.port=" + port, "--vestibule.public-url=" + baseUrl);
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @BeforeEach
    void openChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1024,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new File(System.getenv().getOrDefault("VESTIBULE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    @AfterEach
    void closeChromium() {
        driver.quit();
    }

    /**
     * Makes this browser one without passkey autofill: Chromium's virtual authenticator answers a conditional request
     * at once (no one has to pick the suggestion), which would sign in before a test reaches the button or the
     * password form.
     */
    private void withoutAutofill() {
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of(
                        "source",
                        "if (window.PublicKeyCredential) { PublicKeyCredential.isConditionalMediationAvailable ="
                                + " () => Promise.resolve(false); }"));
    }

    private void open(String path) {
        driver.get(baseUrl + path);
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void clickAndWaitForNextPage(By button) {
        WebElement element = driver.findElement(button);
        element.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(element));
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String register() {
        String username = uniqueUsername("Pk");
        open("/register");
        fill("username", username);
        fill("email", emailOf(username));
        fill("password", PASSWORD);
        fill("password2", PASSWORD);
        clickAndWaitForNextPage(By.cssSelector("form[action='/register'] button[type=submit]"));
        return username;
    }

    private void addPasskey(String name) {
        open("/account/passkeys");
        WebElement form = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-add")));
        form.findElement(By.id("passkey-name")).sendKeys(name);
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        assertThat(button.getText()).isEqualTo("Add a passkey");
        button.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(button));
        assertThat(driver.findElements(By.cssSelector("li.passkey h2")).stream()
                        .map(WebElement::getText)
                        .toList())
                .anyMatch(text -> text.startsWith(name));
    }

    private void logOut() {
        open("/");
        clickAndWaitForNextPage(By.cssSelector("form[action='/logout'] button[type=submit]"));
    }

    private void signInWithThePasskeyButton() {
        open("/login");
        WebElement button = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passkey-sign-in button")));
        assertThat(button.getText()).isEqualTo("Sign in with a passkey");
        button.click();
    }

    private boolean signedIn() {
        open("/top-secret");
        return path().equals("/top-secret");
    }

    @Test
    void addAPasskeyLogOutAndSignInWithItAndNoPassword() {
        withoutAutofill();
        register();
        addPasskey("Laptop");
        screenshot("passkey-account-passkeys");
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(authenticator.getCredentials().get(0).isResidentCredential()).isTrue();
        logOut();

        signInWithThePasskeyButton();
        new WebDriverWait(driver, WAIT).until(browser -> !path().equals("/login"));
        screenshot("passkey-signed-in");

        assertThat(signedIn()).isTrue();
        open("/account/passkeys");
        assertThat(driver.findElement(By.cssSelector("li.passkey dl")).getText())
                .doesNotContain("never");
    }

    @Test
    void passkeyAutofillOnTheLoginPageSignsInWithoutAPasswordOrAClick() {
        register();
        addPasskey("Autofill");
        logOut();

        open("/login");
        new WebDriverWait(driver, WAIT).until(browser -> !path().equals("/login"));

        assertThat(signedIn()).isTrue();
    }

    @Test
    void theLoginPageOffersPasskeyAutofillOnTheUsernameField() {
        open("/login");
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passkey-sign-in button")));
        screenshot("passkey-login");

        assertThat(driver.findElement(By.id("username")).getDomAttribute("autocomplete"))
                .isEqualTo("username webauthn");
        assertThat((Boolean) driver.executeAsyncScript(
                        "PublicKeyCredential.isConditionalMediationAvailable().then(arguments[arguments.length - 1])"))
                .as("Chromium offers conditional mediation, so the page starts it on load")
                .isTrue();
        assertThat(driver.findElements(By.cssSelector("script:not([src])")))
                .as("no inline script")
                .isEmpty();
    }

    @Test
    void aPasskeyIsTheSecondFactorAfterThePassword() {
        withoutAutofill();
        String username = register();
        addPasskey("Phone");
        logOut();

        open("/login");
        fill("username", username);
        fill("password", PASSWORD);
        clickAndWaitForNextPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(path()).isEqualTo("/login/two-factor");
        open("/top-secret");
        assertThat(path()).as("the pending second step is no sign-in").isEqualTo("/login");

        // The password again: the look at /top-secret above sent the browser back to the login page.
        fill("username", username);
        fill("password", PASSWORD);
        clickAndWaitForNextPage(By.cssSelector("form[action='/login'] button[type=submit]"));
        open("/login/two-factor/passkey");
        WebElement button = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passkey-second-step button")));
        screenshot("passkey-second-step");
        assertThat(button.getText()).isEqualTo("Use a passkey");
        button.click();
        new WebDriverWait(driver, WAIT).until(browser -> !path().startsWith("/login"));

        assertThat(signedIn()).isTrue();
    }

    @Test
    void aRemovedPasskeyNoLongerSignsIn() {
        withoutAutofill();
        register();
        addPasskey("Old key");
        clickAndWaitForNextPage(By.cssSelector("form.passkey-remove button[type=submit]"));
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).isEmpty();
        logOut();

        signInWithThePasskeyButton();
        WebElement status = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#passkey-sign-in .passkey-status")));

        assertThat(status.getText()).contains("did not sign you in");
        assertThat(path()).isEqualTo("/login");
        assertThat(signedIn()).isFalse();
    }
}
