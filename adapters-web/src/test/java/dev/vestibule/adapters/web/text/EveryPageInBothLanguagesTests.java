package dev.vestibule.adapters.web.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.port.in.RegisterUser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.view.View;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Every page and every error page, rendered as a browser asking for German and as one asking for English
 * gets it: the words of that language, {@code <html lang>} to match, and nowhere a raw key of the bundles.
 */
@WebAdapterTest
class EveryPageInBothLanguagesTests {

    /** Anything that looks like a key ("login.login.title"), but not a host name inside an address. */
    private static final Pattern KEY_LIKE = Pattern.compile("(?<![@\\w.])[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+(?![\\w.])");

    private static final Set<String> KEYS = keysOfTheBundle();
    private static final String PASSWORD = "amber tiger lantern 7";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    List<ViewResolver> viewResolvers;

    @Autowired
    InMemoryMailOutbox outbox;

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyPageAVisitorSees(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);

        Page home = browser.get("/");
        in.assertPage(home, 200, in.say("Hello, Anonymous!", "Hallo, Gast!"));
        assertThat(home.document().select("main a").eachAttr("href")).contains("/register", "/login");
        assertThat(home.document().select("nav a[href=/login]").text()).isEqualTo(in.say("Log In", "Anmelden"));

        Page login = browser.get("/login");
        in.assertPage(login, 200, in.say("Log In", "Anmelden"));
        assertThat(login.document().title()).isEqualTo(in.say("Log In", "Anmelden") + " · Vestibule");
        assertThat(login.document().select("label[for=username]").text())
                .isEqualTo(in.say("Username or email", "Benutzername oder E-Mail-Adresse"));

        Page rejected = browser.follow(browser.logIn(TestUsers.uniqueName("Nobody"), "wrong password", false, null));
        in.assertPage(rejected, 200, in.say("Log In", "Anmelden"));
        assertThat(rejected.flashes())
                .containsExactly(in.say("Invalid username or password.", "Benutzername oder Passwort ist falsch."));
        assertThat(rejected.document().title()).isEqualTo(in.say("Error: Log In", "Fehler: Anmelden") + " · Vestibule");

        Page loginRequired = browser.follow(browser.get("/top-secret"));
        in.assertPage(loginRequired, 200, in.say("Log In", "Anmelden"));
        assertThat(loginRequired.flashes())
                .containsExactly(in.say(
                        "Please log in to access this page.", "Bitte melden Sie sich an, um diese Seite zu sehen."));

        in.assertPage(browser.get("/register"), 200, in.say("Register", "Registrieren"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void aRefusedSignUpSaysWhatIsWrongAboveTheFormAndAtEachField(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        Page form = browser.get("/register");

        Page refused = browser.post(
                "/register",
                Map.of(
                        "_csrf",
                        form.csrfToken(),
                        "username",
                        "x!y",
                        "email",
                        "not-an-email",
                        "password",
                        "short1",
                        "password2",
                        "different1"));

        in.assertPage(refused, 422, in.say("Register", "Registrieren"));
        Document page = refused.document();
        assertThat(page.title()).isEqualTo(in.say("Error: Register", "Fehler: Registrieren") + " · Vestibule");
        var summary = page.selectFirst("main .error-summary[role=alert]");
        assertThat(summary).isNotNull();
        assertThat(summary.select("h2").text())
                .isEqualTo(in.say("There is a problem", "Bitte prüfen Sie Ihre Angaben"));
        assertThat(summary.select("a").eachAttr("href"))
                .containsExactly("#username", "#email", "#password", "#password2");
        assertThat(summary.select("a").eachText())
                .containsExactly(
                        in.say(
                                "Username may contain only letters, digits, '.', '_' and '-'.",
                                "Der Benutzername darf nur Buchstaben ohne Umlaute (A–Z), Ziffern sowie „.“, „_“ und „-“ enthalten."),
                        in.say(
                                "Please enter a valid email address, like name@example.com.",
                                "Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com."),
                        in.say(
                                "Password must be at least 15 characters long.",
                                "Das Passwort muss mindestens 15 Zeichen lang sein."),
                        in.say("The two passwords do not match.", "Die beiden Passwörter stimmen nicht überein."));
        for (String field : List.of("username", "email", "password", "password2")) {
            assertThat(page.getElementById(field)).as(field).isNotNull();
            assertThat(page.getElementById(field).attr("aria-invalid"))
                    .as(field)
                    .isEqualTo("true");
            assertThat(page.getElementById(field).attr("aria-describedby"))
                    .as(field)
                    .contains(field + "-errors");
            assertThat(page.select("#" + field + "-errors .field-error").eachText())
                    .as(field)
                    .hasSize(1);
        }
        assertThat(page.select("#password-help").text())
                .isEqualTo(in.say(
                        "At least 15 characters. Long passphrases are welcome; no special characters required.",
                        "Mindestens 15 Zeichen. Lange Passphrasen sind willkommen; Sonderzeichen sind nicht nötig."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyPageASignedInUserSees(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        String username = TestUsers.uniqueName("Sprachen");
        Page form = browser.get("/register");

        Page home = browser.follow(browser.post(
                "/register",
                Map.of(
                        "_csrf",
                        form.csrfToken(),
                        "username",
                        username,
                        "email",
                        username.toLowerCase(Locale.ROOT) + "@example.com",
                        "password",
                        PASSWORD,
                        "password2",
                        PASSWORD)));

        in.assertPage(home, 200, in.say("Hi, ", "Hallo, ") + username + "!");
        assertThat(home.flashes())
                .containsExactly(in.say(
                        "Congratulations, you are now a registered user!",
                        "Herzlichen Glückwunsch, Sie sind jetzt registriert!"));
        assertThat(home.document().select("nav form.logout button").text()).isEqualTo(in.say("Log Out", "Abmelden"));
        assertThat(home.document().select("nav ul li").size())
                .as("the signed-in navigation is one list")
                .isEqualTo(5);

        Page secret = browser.get("/top-secret");
        in.assertPage(secret, 200, in.say("Top secret", "Streng geheim"));
        assertThat(secret.document().select("main p").text())
                .contains(in.say("Welcome in, ", "Willkommen, ") + username + ".");

        Page activity = browser.get("/account/activity");
        in.assertPage(activity, 200, in.say("Account activity", "Kontoaktivität"));
        assertThat(activity.document()
                        .select("table.activity tbody tr td:eq(1)")
                        .eachText())
                .containsExactly(in.say("Account created", "Konto angelegt"));
        assertThat(activity.document().select("table.activity th").eachText())
                .contains(in.say("Browser (as reported by the browser)", "Browser (laut Angabe des Browsers)"));
        assertThat(activity.document().select("main a[href=/account/sessions]").text())
                .as("the advice links the page where it can be followed")
                .isEqualTo(in.say("see where you are signed in", "sehen Sie, wo Sie angemeldet sind"));

        Page account = browser.get("/account");
        in.assertPage(account, 200, in.say("Your account", "Ihr Konto"));
        Page password = browser.get("/account/password");
        in.assertPage(password, 200, in.say("Change your password", "Passwort ändern"));
        assertThat(password.document().select("label[for=current-password]").text())
                .isEqualTo(in.say("Current password", "Aktuelles Passwort"));
        Page sessions = browser.get("/account/sessions");
        in.assertPage(sessions, 200, in.say("Where you are signed in", "Wo Sie angemeldet sind"));
        assertThat(sessions.document().select("li.signin.this-browser .badge").text())
                .isEqualTo(in.say("This browser", "Dieser Browser"));

        Page alreadyIn = browser.follow(browser.get("/login"));
        assertThat(alreadyIn.flashes())
                .containsExactly(in.say("You are already logged in.", "Sie sind bereits angemeldet."));

        in.assertPage(browser.get("/no-such-page"), 404, in.say("Page not found", "Seite nicht gefunden"));
        in.assertPage(
                browser.post("/top-secret", Map.of("_csrf", browser.get("/").csrfToken())),
                405,
                in.say("Method not allowed", "Methode nicht erlaubt"));

        Page loggedOut = browser.follow(browser.logOut());
        assertThat(loggedOut.flashes()).containsExactly(in.say("You have been logged out.", "Sie wurden abgemeldet."));
        in.assertPage(loggedOut, 200, in.say("Hello, Anonymous!", "Hallo, Gast!"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyErrorPageARequestCanReach(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        String token = browser.get("/login").csrfToken();

        in.assertPage(
                browser.post("/register", Map.of("username", "nobody")),
                403,
                in.say("Forbidden", "Zugriff verweigert"));

        Page malformed = browser.postRaw("/login", "_csrf=" + token + "&username=%zz&password=x");
        in.assertPage(malformed, 400, in.say("Bad request", "Ungültige Anfrage"));
        assertThat(malformed.document().select(".explanation").text())
                .isEqualTo(
                        in.say(
                                "The form data is not valid URL encoding (a '%' must be followed by two hexadecimal digits).",
                                "Die Formulardaten sind nicht gültig URL-kodiert (auf ein „%“ müssen zwei Hexadezimalziffern folgen)."));

        Page repeated = browser.postRaw("/login", "_csrf=" + token + "&username=a&username=b&password=x");
        assertThat(repeated.document().select(".explanation").text())
                .isEqualTo(in.say(
                        "The field “username” was sent more than once.",
                        "Das Feld „username“ wurde mehr als einmal gesendet."));

        Page notAForm = browser.postAs("/register", MediaType.TEXT_PLAIN, "username=x");
        in.assertPage(notAForm, 415, in.say("Unsupported form encoding", "Nicht unterstützte Formularkodierung"));
        assertThat(notAForm.document().select(".explanation").text())
                .isEqualTo(
                        in.say(
                                "This form must be sent as application/x-www-form-urlencoded, the way browsers send it.",
                                "Dieses Formular muss als application/x-www-form-urlencoded gesendet werden, so wie Browser es tun."));

        Page firewall = browser.get("/top-secret;jsessionid=x");
        in.assertPage(firewall, 400, in.say("Bad request", "Ungültige Anfrage"));

        TestUser user = TestUsers.registered(registerUser, "Gesperrt");
        Page throttled = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            throttled = browser.logIn(user.username(), "not the password " + attempt, false, null);
        }
        in.assertPage(throttled, 429, in.say("Too many attempts", "Zu viele Versuche"));
        assertThat(throttled.document().select("main").text())
                .containsPattern(in.say(
                        "Please try again in \\d+ seconds?\\.",
                        "Bitte versuchen Sie es in (einer Sekunde|\\d+ Sekunden) erneut\\."));
    }

    // Password reset: every page of the journey, in both languages.
    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyPasswordResetPage(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        TestUser user = TestUsers.registered(registerUser, "Zuruecksetzen");

        Page login = browser.get("/login");
        assertThat(login.document().select("main a[href=/password-reset]").text())
                .isEqualTo(in.say("Forgot your password?", "Passwort vergessen?"));
        Page form = browser.get("/password-reset");
        in.assertPage(form, 200, in.say("Forgot your password?", "Passwort vergessen?"));
        assertThat(form.document().select("label[for=email]").text()).isEqualTo(in.say("Email", "E-Mail-Adresse"));

        Page refused = browser.post("/password-reset", Map.of("_csrf", form.csrfToken(), "email", "nope"));
        in.assertPage(refused, 422, in.say("Forgot your password?", "Passwort vergessen?"));
        assertThat(refused.document().title())
                .isEqualTo(in.say("Error: Forgot your password?", "Fehler: Passwort vergessen?") + " · Vestibule");

        Page sent = browser.post("/password-reset", Map.of("_csrf", form.csrfToken(), "email", user.email()));
        in.assertPage(sent, 200, in.say("Check your mail", "Sehen Sie in Ihr Postfach"));

        String path = outbox.entries().stream()
                .map(InMemoryMailOutbox.Entry::mail)
                .filter(mail -> mail instanceof PasswordResetLink link
                        && link.to().value().equals(user.email()))
                .map(mail -> ((PasswordResetLink) mail).link())
                .reduce((first, second) -> second)
                .orElseThrow()
                .substring(WebAdapterTestApplication.PUBLIC_URL.length());
        assertThat(outbox.entries().stream()
                        .map(InMemoryMailOutbox.Entry::mail)
                        .filter(mail -> mail instanceof PasswordResetLink
                                && mail.to().value().equals(user.email()))
                        .map(mail -> mail.languageTag()))
                .as("the reset mail speaks the browser's language")
                .containsOnly(language);
        Page choose = browser.get(path);
        in.assertPage(choose, 200, in.say("Choose a new password", "Neues Passwort wählen"));
        assertThat(choose.document().select("label[for=password2]").text())
                .isEqualTo(in.say("Repeat new password", "Neues Passwort wiederholen"));

        Page weak = browser.post(path, Map.of("_csrf", choose.csrfToken(), "password", "x", "password2", "x"));
        in.assertPage(weak, 422, in.say("Choose a new password", "Neues Passwort wählen"));
        assertThat(weak.document().select(".error-summary h2").text())
                .isEqualTo(in.say("There is a problem", "Bitte prüfen Sie Ihre Angaben"));

        Page done = browser.follow(
                browser.post(path, Map.of("_csrf", choose.csrfToken(), "password", PASSWORD, "password2", PASSWORD)));
        in.assertPage(done, 200, in.say("Log In", "Anmelden"));
        assertThat(done.flashes())
                .containsExactly(
                        in.say(
                                "Your password has been changed and every browser signed in to your account has been signed out. Please log in with your new password.",
                                "Ihr Passwort wurde geändert, und jeder bei Ihrem Konto angemeldete Browser wurde abgemeldet. Bitte melden Sie sich mit dem neuen Passwort an."));

        in.assertPage(browser.get(path), 410, in.say("This link no longer works", "Dieser Link gilt nicht mehr"));

        Page activity = browser.follow(browser.logIn(user.username(), PASSWORD, false, null));
        activity = browser.get("/account/activity");
        assertThat(activity.document()
                        .select("table.activity tbody tr td:eq(1)")
                        .eachText())
                .contains(
                        in.say(
                                "Password reset with a mailed link: every browser signed out",
                                "Passwort per Link aus der Mail zurückgesetzt: jeder Browser abgemeldet"),
                        in.say("Password reset link requested", "Link zum Zurücksetzen des Passworts angefordert"));
    }

    /** The pages a request can hardly reach here (a store outage, a server error), rendered as Boot's handler renders them. */
    @ParameterizedTest
    @CsvSource({
        "de, 403, Zugriff verweigert",
        "de, 404, Seite nicht gefunden",
        "de, 405, Methode nicht erlaubt",
        "de, 413, Anfrage zu groß",
        "de, 415, Nicht unterstützte Formularkodierung",
        "de, 429, Zu viele Versuche",
        "de, 4xx, Ungültige Anfrage",
        "de, 503, Vorübergehend nicht verfügbar",
        "de, 5xx, Etwas ist schiefgelaufen",
        "en, 403, Forbidden",
        "en, 404, Page not found",
        "en, 405, Method not allowed",
        "en, 413, Request too large",
        "en, 415, Unsupported form encoding",
        "en, 429, Too many attempts",
        "en, 4xx, Bad request",
        "en, 503, Temporarily unavailable",
        "en, 5xx, Something went wrong"
    })
    void everyErrorTemplate(String language, String page, String heading) {
        Lang in = new Lang(language);
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/").header(HttpHeaders.ACCEPT_LANGUAGE, language));
        View view = viewResolvers.stream()
                .map(resolver ->
                        resolver.resolveViewName("error/" + page, Locale.ROOT).block(Duration.ofSeconds(5)))
                .filter(found -> found != null)
                .findFirst()
                .orElseThrow();
        Map<String, Object> model = new LinkedHashMap<>(Map.of("status", page.startsWith("5") ? 503 : 400));
        if (page.equals("429")) {
            model.put("retryAfterText", in.say("1 second", "einer Sekunde"));
        }

        view.render(model, MediaType.TEXT_HTML, exchange).block(Duration.ofSeconds(5));

        Document document = Jsoup.parse(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)));
        in.assertDocument(document, heading);
        assertThat(document.title()).isEqualTo(heading + " · Vestibule");
        if (page.equals("429")) {
            assertThat(document.select("main").text())
                    .contains(
                            in.say("Please try again in 1 second.", "Bitte versuchen Sie es in einer Sekunde erneut."));
            assertThat(document.select("main a[href=/password-reset]").text())
                    .isEqualTo(in.say("Reset your password", "Passwort zurücksetzen"));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "de, de",
        "de-AT, de",
        "'de-CH,en;q=0.8', de",
        "'fr,de;q=0.5', de",
        "en-GB, en",
        "fr, en",
        "'', en",
        "'*', en",
        "not a language tag!, en"
    })
    void theLanguageIsWhatAcceptLanguageAsksForAmongEnglishAndGerman(String acceptLanguage, String chosen) {
        Page home = Browser.speaking(client, acceptLanguage).get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.document().selectFirst("html").attr("lang")).isEqualTo(chosen);
    }

    @Test
    void withoutAcceptLanguageThePagesAreEnglish() {
        Page home = new Browser(client).get("/");

        new Lang("en").assertPage(home, 200, "Hello, Anonymous!");
    }

    @Test
    void waitsAreCountedInTheirPlural() {
        assertThat(TestTexts.in(Locale.ENGLISH).get("error.retry-after.seconds", 1L))
                .isEqualTo("1 second");
        assertThat(TestTexts.in(Locale.ENGLISH).get("error.retry-after.seconds", 30L))
                .isEqualTo("30 seconds");
        assertThat(TestTexts.in(Locale.GERMAN).get("error.retry-after.seconds", 1L))
                .isEqualTo("einer Sekunde");
        assertThat(TestTexts.in(Locale.GERMAN).get("error.retry-after.minutes", 5L))
                .isEqualTo("5 Minuten");
        assertThat(TestTexts.in(Locale.ENGLISH).get("registration.throttled", 1L))
                .endsWith("try again in 1 minute.");
    }

    // --- account deletion, email change ---
    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void theAccountDeletionPagesInBothLanguages(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        TestUser user = TestUsers.registered(registerUser, "Loeschen");
        browser.logInAndLand(user);

        Page form = browser.get("/account/delete");
        in.assertPage(form, 200, in.say("Delete your account", "Konto löschen"));
        assertThat(form.document().select("main h2").eachText())
                .containsExactly(in.say("What is deleted", "Was gelöscht wird"), in.say("What is kept", "Was bleibt"));

        Page refused = browser.post(
                "/account/delete", Map.of("_csrf", form.csrfToken(), "current-password", "not the password"));
        in.assertPage(refused, 422, in.say("Delete your account", "Konto löschen"));
        assertThat(refused.document().title())
                .isEqualTo(in.say("Error: Delete your account", "Fehler: Konto löschen") + " · Vestibule");
        assertThat(refused.document().select("label[for=current-password]").text())
                .isEqualTo(in.say("Current password", "Aktuelles Passwort"));
        assertThat(refused.document().select(".error-summary a").eachText())
                .containsExactly(in.say("That is not your current password.", "Das ist nicht Ihr aktuelles Passwort."));

        Page home = browser.follow(browser.post(
                "/account/delete", Map.of("_csrf", refused.csrfToken(), "current-password", user.password())));
        in.assertPage(home, 200, in.say("Hello, Anonymous!", "Hallo, Gast!"));
        assertThat(home.flashes())
                .containsExactly(in.say(
                        "Your account has been deleted. We have sent a last mail to your address to say so.",
                        "Ihr Konto wurde gelöscht. Wir haben Ihnen eine letzte E-Mail geschickt, die das bestätigt."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void theEmailChangeAndConfirmationPagesInBothLanguages(String language) {
        Browser browser = Browser.speaking(client, language);
        Lang in = new Lang(language);
        TestUser user = TestUsers.registered(registerUser, "Adresse");
        browser.logInAndLand(user);

        Page form = browser.get("/account/email");
        in.assertPage(form, 200, in.say("Change your email address", "E-Mail-Adresse ändern"));
        assertThat(form.document().select("label[for=email]").text())
                .isEqualTo(in.say("New email address", "Neue E-Mail-Adresse"));

        Page refused = browser.post("/account/email", Map.of("_csrf", form.csrfToken(), "email", "nope"));
        in.assertPage(refused, 422, in.say("Change your email address", "E-Mail-Adresse ändern"));
        assertThat(refused.document().select(".error-summary a").eachText())
                .containsExactly(in.say(
                        "Please enter a valid email address, like name@example.com.",
                        "Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com."));

        String newAddress = "neu-" + user.email();
        Page sent =
                browser.follow(browser.post("/account/email", Map.of("_csrf", form.csrfToken(), "email", newAddress)));
        in.assertPage(sent, 200, in.say("Change your email address", "E-Mail-Adresse ändern"));
        assertThat(sent.flashes()).singleElement().asString().contains(newAddress);

        String link = outbox.entries().stream()
                .filter(entry -> entry.mail() instanceof EmailConfirmationLink mail
                        && mail.to().value().equals(newAddress))
                .map(entry -> ((EmailConfirmationLink) entry.mail()).link())
                .findFirst()
                .orElseThrow();
        String path = link.substring(link.indexOf("/email-confirmation/"));
        Page confirm = browser.get(path);
        in.assertPage(confirm, 200, in.say("Confirm your email address", "E-Mail-Adresse bestätigen"));
        assertThat(confirm.document().select("main form button").text())
                .isEqualTo(in.say("Confirm This Address", "Diese Adresse bestätigen"));
        in.assertPage(
                browser.post(path, Map.of("_csrf", confirm.csrfToken())),
                200,
                in.say("Email address confirmed", "E-Mail-Adresse bestätigt"));
        in.assertPage(browser.get(path), 410, in.say("This link no longer works", "Dieser Link gilt nicht mehr"));
        in.assertPage(
                Browser.speaking(client, language).get("/email-confirmation/" + "x".repeat(43)),
                410,
                in.say("This link no longer works", "Dieser Link gilt nicht mehr"));

        String wanted = "begehrt-" + user.email();
        browser.post(
                "/account/email", Map.of("_csrf", browser.get("/account/email").csrfToken(), "email", wanted));
        String wantedLink = outbox.entries().stream()
                .filter(entry -> entry.mail() instanceof EmailConfirmationLink mail
                        && mail.to().value().equals(wanted))
                .map(entry -> ((EmailConfirmationLink) entry.mail()).link())
                .findFirst()
                .orElseThrow();
        String wantedPath = wantedLink.substring(wantedLink.indexOf("/email-confirmation/"));
        registerUser
                .register(
                        new dev.vestibule.domain.port.in.RegistrationCommand(
                                TestUsers.uniqueName("Schneller"), wanted, PASSWORD, PASSWORD),
                        dev.vestibule.domain.model.event.Origin.unknown())
                .block(Duration.ofSeconds(5));
        in.assertPage(
                browser.post(wantedPath, Map.of("_csrf", browser.get(wantedPath).csrfToken())),
                409,
                in.say("Address already in use", "Adresse bereits vergeben"));
    }

    /** What a page must be in one language. */
    private record Lang(String tag) {

        String say(String english, String german) {
            return tag.equals("de") ? german : english;
        }

        void assertPage(Page page, int status, String heading) {
            assertThat(page.statusCode())
                    .as("status of the page headed %s", heading)
                    .isEqualTo(status);
            assertDocument(page.document(), heading);
        }

        void assertDocument(Document document, String heading) {
            assertThat(document.selectFirst("html").attr("lang")).as(heading).isEqualTo(tag);
            assertThat(document.select("main h1").text()).isEqualTo(heading);
            assertThat(document.title()).as(heading).endsWith(" · Vestibule");
            assertThat(document.select("meta[name=description]").attr("content"))
                    .as(heading)
                    .isNotBlank();
            assertThat(document.select("nav a[href=/]").not(".brand").text())
                    .as("the navigation speaks the page's language")
                    .isEqualTo(say("Home", "Startseite"));
            List<String> shown = new ArrayList<>(List.of(
                    document.text(),
                    document.title(),
                    document.select("meta[name=description]").attr("content")));
            shown.addAll(document.select("[aria-label]").eachAttr("aria-label"));
            for (String text : shown) {
                assertThat(KEY_LIKE.matcher(text)
                                .results()
                                .map(match -> match.group())
                                .toList())
                        .as("raw keys on the page headed %s", heading)
                        .isEmpty();
                assertThat(KEYS.stream().filter(text::contains).toList())
                        .as("keys of the bundle on the page headed %s", heading)
                        .isEmpty();
            }
        }
    }

    private static Set<String> keysOfTheBundle() {
        var properties = new Properties();
        try (Reader reader = new InputStreamReader(
                EveryPageInBothLanguagesTests.class.getResourceAsStream("/messages.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties.stringPropertyNames().stream().collect(Collectors.toSet());
    }
}
