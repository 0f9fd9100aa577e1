package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.LoggedMails;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.PrivateRedis;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page state a user can reach, in a real Chromium, in the light and the dark colour scheme: no
 * horizontal scroll on a 320 px phone, no axe-core violation of the WCAG 2.x A/AA rules (phone and desktop),
 * input borders and the keyboard focus ring at 3:1 against the page (WCAG 1.4.11, which axe does not check),
 * tap targets of 44 px. Screenshots of each state (390 px and desktop, light and dark) land in
 * {@code target/page-screenshots} for a human to judge the design.
 */
class PageQualityIT {

    private static final Path SCREENSHOTS = Path.of("target", "page-screenshots");
    private static final String FORM = "application/x-www-form-urlencoded";

    /** WCAG's contrast ratio between computed colours, each composited over what lies behind it. */
    private static final String COLOURS = """
            const rgba = text => {
              const parts = (text.match(/rgba?\\(([^)]*)\\)/) || [null, '0 0 0 0'])[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
            };
            const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                            b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
            const behind = element => {
              const layers = [];
              for (let e = element; e; e = e.parentElement) {
                const colour = rgba(getComputedStyle(e).backgroundColor);
                if (colour.a > 0) { layers.push(colour); if (colour.a >= 1) break; }
              }
              return layers.reduceRight((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
            };
            const luminance = c => [c.r, c.g, c.b].map(v => v / 255)
                .map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const contrast = (colour, element) => {
              const page = behind(element);
              const [x, y] = [luminance(over(rgba(colour), page)), luminance(page)].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            };
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + ' "' + (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 24) + '"';
            """;

    /**
     * What axe does not check, one line per finding: every resource loaded, input borders at 3:1 against the page
     * (WCAG 1.4.11), an invalid field that looks different from a valid one, and 44 px tap targets on a phone.
     */
    private static final String DESIGN_PROBLEMS = COLOURS + """
            const problems = [];
            for (const loaded of performance.getEntriesByType('resource')) {
              if (loaded.responseStatus >= 400) problems.push(loaded.name + ' answered ' + loaded.responseStatus);
            }
            if (!document.querySelector('link[rel=stylesheet]')?.sheet) problems.push('the stylesheet did not load');
            for (const input of document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')) {
              const style = getComputedStyle(input);
              const ratio = contrast(style.borderTopColor, input.parentElement);
              if (ratio < 3) problems.push('input border of ' + name(input) + ' is ' + ratio.toFixed(2) + ':1 against the page');
              if (input.getAttribute('aria-invalid') === 'true') {
                const valid = document.createElement('input');
                valid.type = input.type;
                document.body.appendChild(valid);
                const validBorder = getComputedStyle(valid).borderTopColor;
                valid.remove();
                if (validBorder === style.borderTopColor) problems.push('invalid ' + name(input) + ' has the border of a valid one');
              }
            }
            if (innerWidth < 640) {
              const targets = document.querySelectorAll('header a, header button, main button, '
                  + 'main input:not([type=hidden]):not([type=checkbox]), main input[type=checkbox] + label');
              for (const target of targets) {
                const box = target.getBoundingClientRect();
                if (box.height < 44 || box.width < 44) {
                  problems.push('tap target ' + name(target) + ' is ' + Math.round(box.width) + 'x' + Math.round(box.height) + ' px');
                }
              }
            }
            return problems;
            """;

    /** null when the focus left the page; else a finding about the focused element's focus ring, "" when it is fine. */
    private static final String FOCUS_PROBLEM = COLOURS + """
            const focused = document.activeElement;
            if (!focused || focused === document.body) return null;
            const style = getComputedStyle(focused);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
              return 'focused ' + name(focused) + ' shows no focus ring (outline ' + style.outlineStyle + ' ' + style.outlineWidth + ')';
            }
            const ratio = contrast(style.outlineColor, focused.parentElement);
            return ratio < 3 ? 'focus ring of ' + name(focused) + ' is ' + ratio.toFixed(2) + ':1 against the page' : '';
            """;

    private static final RunningVestibule vestibule = RunningVestibule.shared();
    private static InspectedChromium chromium;
    private static PrivateRedis outageRedis;
    private static RunningVestibule outageInstance;

    @BeforeAll
    static void startBrowser() {
        chromium = new InspectedChromium();
    }

    @AfterAll
    static void stopEverything() {
        try {
            chromium.close();
        } finally {
            try {
                if (outageInstance != null) {
                    outageInstance.close();
                }
            } finally {
                if (outageRedis != null) {
                    outageRedis.close();
                }
            }
        }
    }

    /** How a user gets to one state of one page, from a browser that remembers nothing. */
    @FunctionalInterface
    interface Visit {
        void from(String baseUrl);
    }

    record PageState(String name, int status, Visit visit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PageState> pageStates() {
        return Stream.of(
                new PageState("home-anonymous", 200, base -> chromium.open(base + "/")),
                new PageState("login", 200, base -> chromium.open(base + "/login")),
                new PageState("login-rejected", 200, base -> {
                    chromium.open(base + "/login");
                    logIn(uniqueUsername("Nobody"), "not the right password");
                }),
                new PageState("register", 200, base -> chromium.open(base + "/register")),
                new PageState("register-rejected", 422, base -> {
                    chromium.open(base + "/register");
                    chromium.fill("username", "x");
                    chromium.fill("email", "not an address");
                    chromium.fill("password", "short");
                    chromium.fill("password2", "other");
                    chromium.submit("form[action='/register']");
                }),
                new PageState("home-signed-in", 200, base -> signUp(base)),
                new PageState("home-after-logout", 200, base -> {
                    signUp(base);
                    chromium.submit("form.logout");
                }),
                new PageState("top-secret", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/top-secret");
                }),
                new PageState("activity", 200, base -> {
                    String username = signUp(base);
                    chromium.submit("form.logout");
                    chromium.open(base + "/login");
                    logIn(username, "not the right password");
                    logIn(username, PASSWORD);
                    chromium.open(base + "/account/activity");
                }),
                // issue 13 finding 3: a burst of 300 throttled attempts grouped, runs of failures, older pages
                new PageState("activity-grouped-paged", 200, base -> {
                    String username = signUp(base);
                    String id = RunningVestibule.queryForString(
                            "SELECT CAST(id AS VARCHAR) FROM users WHERE username = ?", username);
                    for (int i = 0; i < 60; i++) {
                        RunningVestibule.executeSql(
                                "INSERT INTO security_events (type, occurred_at, user_id, client_address, user_agent)"
                                        + " VALUES (?, now() - (? * interval '1 minute'), CAST(? AS UUID), ?, ?)",
                                i < 6 ? "LOGIN_FAILED" : i % 2 == 0 ? "LOGIN_SUCCEEDED" : "LOGGED_OUT",
                                2 + i,
                                id,
                                "203.0.113." + (1 + i % 3),
                                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36");
                    }
                    RunningVestibule.executeSql(
                            "INSERT INTO security_events (type, occurred_at, user_id, client_address, user_agent,"
                                    + " occurrences, burst_key) VALUES ('LOGIN_THROTTLED', now() - interval '1 minute',"
                                    + " CAST(? AS UUID), '203.0.113.9', 'Vestibule-Security-Team: ignore these', 300, ?)",
                            id,
                            "page-quality-" + id);
                    chromium.open(base + "/account/activity");
                }),
                // account.sessions: the account, password and sessions pages
                new PageState("account", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account");
                }),
                new PageState("account-password", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/password");
                }),
                new PageState("account-password-rejected", 422, base -> {
                    signUp(base);
                    chromium.open(base + "/account/password");
                    chromium.fill("current-password", "not the right password");
                    chromium.fill("password", "short");
                    chromium.fill("password2", "other");
                    chromium.submit("form[action='/account/password']");
                }),
                new PageState("account-sessions", 200, base -> {
                    String username = signUp(base);
                    // Another browser of the same user, remembered: the page lists three sign-ins.
                    new Browser(base).logIn(username, PASSWORD, true);
                    chromium.open(base + "/account/sessions");
                }),
                // --- account deletion, email change ---
                new PageState("account-delete", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/delete");
                }),
                new PageState("account-delete-refused", 422, base -> {
                    signUp(base);
                    chromium.open(base + "/account/delete");
                    // Right after the sign-up the window is open and the page asks for no password: a typed wrong
                    // one is refused all the same, and the refusal shows the field.
                    chromium.post(
                            "/account/delete",
                            Map.of("_csrf", chromium.csrfToken(), "current-password", "not the right password"),
                            FORM);
                }),
                new PageState("account-deleted", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/delete");
                    chromium.submit("form[action='/account/delete']");
                }),
                // --- password reset ---
                new PageState("password-reset", 200, base -> chromium.open(base + "/password-reset")),
                new PageState("password-reset-refused", 422, base -> {
                    chromium.open(base + "/password-reset");
                    chromium.fill("email", "not an address");
                    chromium.submit("form[action='/password-reset']");
                }),
                new PageState("password-reset-sent", 200, base -> {
                    chromium.open(base + "/password-reset");
                    chromium.fill("email", emailOf(uniqueUsername("Nobody")));
                    chromium.submit("form[action='/password-reset']");
                }),
                new PageState("password-reset-choose", 200, base -> chromium.open(resetLink(base))),
                new PageState("password-reset-choose-refused", 422, base -> {
                    chromium.open(resetLink(base));
                    chromium.fill("password", "short");
                    chromium.fill("password2", "other");
                    chromium.submit("form.stacked");
                }),
                new PageState(
                        "password-reset-invalid",
                        410,
                        base -> chromium.open(base + "/password-reset/" + "A".repeat(43))),
                new PageState("account-email", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/email");
                }),
                new PageState("account-email-refused", 422, base -> {
                    signUp(base);
                    chromium.open(base + "/account/email");
                    chromium.post(
                            "/account/email",
                            Map.of(
                                    "_csrf",
                                    chromium.csrfToken(),
                                    "email",
                                    "not an address",
                                    "current-password",
                                    "not the right password"),
                            FORM);
                }),
                new PageState("account-email-sent", 200, base -> {
                    String username = signUp(base);
                    chromium.open(base + "/account/email");
                    chromium.fill("email", "new-" + emailOf(username));
                    chromium.submit("form[action='/account/email']");
                }),
                new PageState("email-confirmation", 200, base -> {
                    String username = signUp(base);
                    chromium.open(base + confirmationPath(username));
                }),
                new PageState("email-confirmation-confirmed", 200, base -> {
                    String username = signUp(base);
                    chromium.open(base + confirmationPath(username));
                    chromium.submit("main form");
                }),
                new PageState("email-confirmation-taken", 409, base -> {
                    String username = signUp(base);
                    String wanted = "wanted-" + emailOf(username);
                    String path = confirmationPath(vestibule, wanted, username);
                    new Browser(vestibule.baseUrl()).register(uniqueUsername("Quick"), wanted, PASSWORD);
                    chromium.open(base + path);
                    chromium.submit("main form");
                }),
                new PageState(
                        "email-confirmation-invalid",
                        410,
                        base -> chromium.open(base + "/email-confirmation/" + "A".repeat(43))),
                // issue 14: twofactor
                new PageState("two-factor-overview", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/two-factor");
                }),
                new PageState("two-factor-setup", 200, base -> {
                    signUp(base);
                    chromium.open(base + "/account/two-factor/totp");
                }),
                new PageState("two-factor-setup-wrong-code", 422, base -> {
                    signUp(base);
                    chromium.open(base + "/account/two-factor/totp");
                    chromium.fill("code", "000000".equals(currentCode()) ? "111111" : "000000");
                    chromium.submit("form[action='/account/two-factor/totp']");
                }),
                new PageState("two-factor-recovery-codes", 200, base -> {
                    signUp(base);
                    enrolApp(base);
                }),
                new PageState("two-factor-overview-enabled", 200, base -> {
                    signUp(base);
                    enrolApp(base);
                    chromium.open(base + "/account/two-factor");
                }),
                new PageState("two-factor-second-step", 200, base -> {
                    String username = signUp(base);
                    enrolApp(base);
                    chromium.submit("form.logout");
                    chromium.open(base + "/login");
                    logIn(username, PASSWORD);
                }),
                new PageState("two-factor-second-step-wrong", 422, base -> {
                    String username = signUp(base);
                    enrolApp(base);
                    chromium.submit("form.logout");
                    chromium.open(base + "/login");
                    logIn(username, PASSWORD);
                    chromium.fill("code", "not a code");
                    chromium.submit("form[action='/login/two-factor']");
                }),
                // Anonymous, an unknown address leads to the login page (deny by default): the 404 page needs a user.
                new PageState("404", 404, base -> {
                    signUp(base);
                    chromium.open(base + "/no/such/page");
                }),
                new PageState("400-malformed-address", 400, base -> chromium.open(base + "/a;b")),
                new PageState("403-stale-form", 403, base -> {
                    chromium.open(base + "/register");
                    chromium.post("/register", Map.of("_csrf", "stale", "username", "x"), FORM);
                }),
                new PageState("405-wrong-method", 405, base -> {
                    signUp(base);
                    chromium.post("/top-secret", Map.of("_csrf", chromium.csrfToken()), FORM);
                }),
                new PageState("413-too-large", 413, base -> {
                    chromium.open(base + "/register");
                    chromium.post(
                            "/register", Map.of("_csrf", chromium.csrfToken(), "padding", "x".repeat(40_000)), FORM);
                }),
                new PageState("415-not-a-form", 415, base -> {
                    chromium.open(base + "/register");
                    chromium.post("/register", Map.of("_csrf", chromium.csrfToken(), "username", "x"), "text/plain");
                }),
                new PageState("429-too-many-attempts", 429, base -> {
                    String username = uniqueUsername("Pressed");
                    chromium.open(base + "/login");
                    for (int attempt = 0; attempt < 20 && chromium.status() != 429; attempt++) {
                        logIn(username, "not the right password " + attempt);
                    }
                }),
                new PageState("503-store-down", 503, base -> {
                    String outageBase = outageInstance().baseUrl();
                    chromium.open(outageBase + "/login");
                    outageRedis.kill();
                    try {
                        logIn(uniqueUsername("Outage"), PASSWORD);
                    } finally {
                        outageRedis.startAgain();
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageStates")
    void everyPageFitsAPhoneAndPassesAxeInLightAndDark(PageState state) {
        chromium.forgetEverything();
        chromium.viewport(320, 640, true);
        chromium.colorScheme("light");
        state.visit().from(vestibule.baseUrl());
        assertThat(chromium.status())
                .as("status of %s (%s)", state, chromium.path())
                .isEqualTo(state.status());

        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            chromium.colorScheme(scheme);
            chromium.viewport(320, 640, true);
            // A phone shrinks an overflowing page to fit (innerWidth grows with it): the layout viewport is the
            // measure.
            long scrollWidth = (Long) chromium.script("return document.documentElement.scrollWidth");
            long viewportWidth =
                    (Long) chromium.script("return Math.min(window.innerWidth, document.documentElement.clientWidth)");
            if (scrollWidth > viewportWidth) {
                problems.add(scheme + ", 320 px: scrolls sideways (" + scrollWidth + " px wide content in "
                        + viewportWidth + " px)");
            }
            problems.addAll(prefixed(scheme + ", 320 px: ", chromium.axeViolations()));
            problems.addAll(prefixed(scheme + ", 320 px: ", designProblems()));
            chromium.viewport(1280, 800, false);
            problems.addAll(prefixed(scheme + ", 1280 px: ", chromium.axeViolations()));
            problems.addAll(prefixed(scheme + ", 1280 px: ", keyboardFocusProblems()));

            chromium.viewport(390, 844, true);
            chromium.screenshot(SCREENSHOTS.resolve(state.name() + "-" + scheme + "-390.png"));
            chromium.viewport(1280, 800, false);
            chromium.screenshot(SCREENSHOTS.resolve(state.name() + "-" + scheme + "-1280.png"));
        }
        assertThat(problems).as("page %s", state).isEmpty();
    }

    @Test
    void theIconsAreServedToAnyoneWithoutALogin() {
        Browser anonymous = new Browser(vestibule.baseUrl());
        Page ico = anonymous.get("/favicon.ico");
        Page svg = anonymous.get("/css/vestibule.svg");

        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @SuppressWarnings("unchecked")
    private static List<String> designProblems() {
        return (List<String>) chromium.script(DESIGN_PROBLEMS);
    }

    /** Tabs through the page (a real key press, so that :focus-visible applies) and checks each focus ring. */
    private static List<String> keyboardFocusProblems() {
        List<String> problems = new ArrayList<>();
        chromium.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int stop = 0; stop < 25; stop++) {
            chromium.pressTab();
            String problem = (String) chromium.script(FOCUS_PROBLEM);
            if (problem == null) {
                break;
            }
            if (!problem.isEmpty() && !problems.contains(problem)) {
                problems.add(problem);
            }
        }
        chromium.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        return problems;
    }

    private static List<String> prefixed(String prefix, List<String> lines) {
        return lines.stream().map(line -> prefix + line).toList();
    }

    /** A fresh user's reset link, read from the mail the instance logs (it has no SMTP server). */
    private static String resetLink(String base) {
        String username = signUp(base);
        chromium.submit("form.logout");
        try (LoggedMails mails = new LoggedMails()) {
            chromium.open(base + "/password-reset");
            chromium.fill("email", emailOf(username));
            chromium.submit("form[action='/password-reset']");
            String link = mails.awaitLink(emailOf(username), "/password-reset/", java.time.Duration.ofSeconds(30));
            return base + java.net.URI.create(link).getPath();
        }
    }

    /** Signs a new user up through the form; the browser ends on the page the sign-up leads to. */
    /** A fresh confirmation link for the user's sign-up address (the mail went to the log): issued as sign-up does. */
    private static String confirmationPath(String username) {
        return confirmationPath(vestibule, emailOf(username), username);
    }

    /** A link to confirm {@code address} for the user, issued as an email change does (its mail went to the log). */
    private static String confirmationPath(RunningVestibule instance, String address, String username) {
        var token = dev.vestibule.domain.model.linktoken.LinkToken.generate(new java.security.SecureRandom());
        var id = dev.vestibule.domain.model.user.UserId.parse(
                RunningVestibule.queryForString("SELECT id::text FROM users WHERE username = ?", username));
        instance.bean(dev.vestibule.domain.port.out.LinkTokens.class)
                .issue(dev.vestibule.domain.model.linktoken.IssuedLink.issue(
                        token,
                        dev.vestibule.domain.model.linktoken.LinkPurpose.EMAIL_CONFIRMATION,
                        id,
                        new dev.vestibule.domain.model.user.EmailAddress(address.toLowerCase()),
                        java.time.Instant.now(),
                        java.time.Duration.ofHours(1)))
                .block(java.time.Duration.ofSeconds(10));
        return "/email-confirmation/" + token.value();
    }

    // issue 14: twofactor
    /** Sets up the authenticator app from the setup page's secret, as the user's app would; ends on the codes page. */
    private static void enrolApp(String base) {
        chromium.open(base + "/account/two-factor/totp");
        chromium.fill("code", currentCode());
        chromium.submit("form[action='/account/two-factor/totp']");
    }

    /** The current code of the secret on the setup page now open. */
    private static String currentCode() {
        String base32 = ((String) chromium.script("return document.querySelector('code.totp-secret').textContent"))
                .replace(" ", "");
        return dev.vestibule.domain.model.twofactor.Totp.code(
                dev.vestibule.domain.model.twofactor.TotpSecret.of(
                        dev.vestibule.domain.model.twofactor.Base32.decode(base32)),
                dev.vestibule.domain.model.twofactor.Totp.stepAt(java.time.Instant.now()));
    }

    private static String signUp(String base) {
        String username = uniqueUsername("Page");
        chromium.open(base + "/register");
        chromium.fill("username", username);
        chromium.fill("email", emailOf(username));
        chromium.fill("password", PASSWORD);
        chromium.fill("password2", PASSWORD);
        chromium.submit("form[action='/register']");
        return username;
    }

    /** Logs in through the form of the login page now open. */
    private static void logIn(String username, String password) {
        chromium.fill("username", username);
        chromium.fill("password", password);
        chromium.submit("form[action='/login']");
    }

    /** An instance on a Redis of this test's own, so that the outage page can be seen without touching the shared one. */
    private static synchronized RunningVestibule outageInstance() {
        if (outageInstance == null) {
            outageRedis = PrivateRedis.start();
            outageInstance = RunningVestibule.start("--spring.data.redis.port=" + outageRedis.port());
        }
        return outageInstance;
    }
}
