package dev.vestibule.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of one password verification as the service under test measures it: it times every verification
 * on its hashing thread ({@code vestibule_password_hashing_seconds{operation="verify"}} on the management
 * port). One account logs in once at a time, on an otherwise quiet machine, and the scrape before and after
 * each login gives that login's verification.
 *
 * <p>Why not time a hash in the benchmark JVM: that times another copy of the code, compiled by another run of
 * the JIT compiler, and the same Argon2 code measured 26 to 33 ms from one JVM start to the next on our 2-core
 * machine; the service's hasher is also not Spring Security's encoder (it reuses its Argon2 memory). The hashing
 * limit is about the service, so the service's own compiled code is timed.
 */
final class ServiceHashTime {

    private static final int WARM_UP = 3;
    static final int TIMED = 15;
    private static final Pattern SAMPLE =
            Pattern.compile("(?m)^vestibule_password_hashing_seconds_(count|sum)\\{([^}]*)} (\\S+)$");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServiceHashTime() {}

    /** The median of {@value #TIMED} single logins' verifications, in milliseconds. */
    static double medianMillis(String baseUrl, String prometheusUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Accounts.Account account = Accounts.signUp(baseUrl, 1).get(0);
        for (int i = 0; i < WARM_UP; i++) {
            Accounts.logIn(baseUrl, account);
        }
        double[] millis = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            Verifications before = scrape(http, prometheusUrl);
            Accounts.logIn(baseUrl, account);
            Verifications after = scrape(http, prometheusUrl);
            if (after.count() <= before.count()) {
                throw new IllegalStateException(
                        "the login was not counted in vestibule_password_hashing_seconds at " + prometheusUrl);
            }
            millis[i] = 1000 * (after.seconds() - before.seconds()) / (after.count() - before.count());
        }
        Arrays.sort(millis);
        return millis[TIMED / 2];
    }

    private record Verifications(double count, double seconds) {}

    private static Verifications scrape(HttpClient http, String prometheusUrl)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(prometheusUrl))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + prometheusUrl + " answered " + answer.statusCode());
        }
        double count = Double.NaN;
        double seconds = Double.NaN;
        Matcher sample = SAMPLE.matcher(answer.body());
        while (sample.find()) {
            if (sample.group(2).contains("operation=\"verify\"")) {
                if (sample.group(1).equals("count")) {
                    count = Double.parseDouble(sample.group(3));
                } else {
                    seconds = Double.parseDouble(sample.group(3));
                }
            }
        }
        if (Double.isNaN(count) || Double.isNaN(seconds)) {
            throw new IllegalStateException(
                    "no vestibule_password_hashing_seconds{operation=\"verify\"} at " + prometheusUrl);
        }
        return new Verifications(count, seconds);
    }
}
