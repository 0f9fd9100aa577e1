package dev.vestibule.benchmark;

import java.time.Duration;

/**
 * What a workload runs against and for how long, from system properties, so that the runner and a single
 * simulation started by the Gatling Maven plugin ({@code -Dbase.url=... -Dbenchmark.duration=5}) read the same.
 *
 * @param baseUrl       where the service answers ({@code base.url})
 * @param duration      how long each workload runs ({@code benchmark.duration}, seconds, default 20)
 * @param visitors      concurrent visitors of the ceiling, W1, W2 and W4's page views ({@code benchmark.visitors}, default 16)
 * @param loginVisitors concurrent visitors logging in, one login after another, in W3 ({@code benchmark.login-visitors}, default 8)
 * @param accounts      accounts the logins of W3 and W4 take turns on ({@code benchmark.accounts}, default 32)
 * @param loginRate     logins per second of W4's storm ({@code benchmark.login-rate}; the runner sets W3's result)
 */
public record BenchmarkSettings(
        String baseUrl, Duration duration, int visitors, int loginVisitors, int accounts, double loginRate) {

    public static final String BASE_URL = "base.url";
    public static final String DURATION = "benchmark.duration";
    public static final String VISITORS = "benchmark.visitors";
    public static final String LOGIN_VISITORS = "benchmark.login-visitors";
    public static final String ACCOUNTS = "benchmark.accounts";
    public static final String LOGIN_RATE = "benchmark.login-rate";

    public BenchmarkSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("no service to measure: pass -D" + BASE_URL + "=http://127.0.0.1:PORT");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (duration.isNegative()
                || duration.isZero()
                || visitors < 1
                || loginVisitors < 1
                || accounts < 1
                || loginRate <= 0) {
            throw new IllegalArgumentException("durations, visitors, accounts and rates must be positive");
        }
    }

    public static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                System.getProperty(BASE_URL),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(System.getProperty(DURATION, "20")))),
                Integer.getInteger(VISITORS, 16),
                Integer.getInteger(LOGIN_VISITORS, 8),
                Integer.getInteger(ACCOUNTS, 32),
                Double.parseDouble(System.getProperty(LOGIN_RATE, "10")));
    }
}
