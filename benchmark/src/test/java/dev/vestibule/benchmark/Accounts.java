package dev.vestibule.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The setup phase of a workload: signs up accounts through the real registration form (CSRF token taken from
 * the page), as a person would, before any measured request. Registration signs the new user in, so each
 * account comes with a signed-in session cookie.
 */
public final class Accounts {

    /** Long, uncommon and free of any username: the password policy accepts it. */
    public static final String PASSWORD = "quiet lantern orbit 42";

    public static final String SESSION_COOKIE = "SESSION";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int AT_ONCE = 4;

    private Accounts() {}

    /** A signed-up user and the session cookie of the browser that signed them up (signed in). */
    public record Account(String username, String sessionCookie) {

        /** The account as a Gatling feeder record. */
        public Map<String, Object> asFeederRecord() {
            return Map.of("username", username, "sessionCookie", sessionCookie);
        }
    }

    /** Signs up {@code count} new accounts, a few at a time. */
    public static List<Account> signUp(String baseUrl, int count) {
        String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Account>> accounts = IntStream.range(0, count)
                    .mapToObj(index -> pool.submit(() -> signUp(baseUrl, "bench-" + run + "-" + index)))
                    .toList();
            return accounts.stream().map(Accounts::await).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Account signUp(String baseUrl, String username) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = browser(cookies);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfToken(http, baseUrl + "/register"));
        fields.put("username", username);
        fields.put("email", username + "@example.org");
        fields.put("password", PASSWORD);
        fields.put("password2", PASSWORD);
        int status = post(http, baseUrl + "/register", fields);
        if (status != 302 && status != 303) {
            throw new IllegalStateException("signing up " + username + " answered " + status
                    + " (is the sign-up limit raised for this instance? see docs/performance.md)");
        }
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("signing up " + username + " gave no session cookie"));
        return new Account(username, session);
    }

    /** One login of the account by a new browser (login page for the token, then the form); fails unless it succeeds. */
    static void logIn(String baseUrl, Account account) throws IOException, InterruptedException {
        HttpClient http = browser(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfToken(http, baseUrl + "/login"));
        fields.put("username", account.username());
        fields.put("password", PASSWORD);
        int status = post(http, baseUrl + "/login", fields);
        if (status != 302) {
            throw new IllegalStateException("logging in " + account.username() + " answered " + status);
        }
    }

    private static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder()
                .cookieHandler(cookies)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    private static String csrfToken(HttpClient http, String formUrl) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(formUrl))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_FIELD.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(
                    "GET " + formUrl + " answered " + form.statusCode() + " without a CSRF token");
        }
        return token.group(1);
    }

    private static int post(HttpClient http, String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Account await(Future<Account> account) {
        try {
            return account.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException("the setup phase could not sign up its accounts", failed.getCause());
        }
    }
}
