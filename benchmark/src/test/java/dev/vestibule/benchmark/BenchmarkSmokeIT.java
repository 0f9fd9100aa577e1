package dev.vestibule.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark in miniature (one second per workload, two visitors, no warm-up) against the packaged
 * service, so that the workloads, the runner and the report reading do not rot between real runs. It asserts
 * that each workload ran and met no error; it asserts no speed.
 */
class BenchmarkSmokeIT {

    private static final Map<String, String> MINIATURE = Map.of(
            BenchmarkSettings.DURATION, "1",
            BenchmarkSettings.VISITORS, "2",
            BenchmarkSettings.LOGIN_VISITORS, "2",
            BenchmarkSettings.ACCOUNTS, "2",
            BenchmarkRun.WARM_UP, "0",
            BenchmarkRun.SETTLE, "0.5",
            BenchmarkRun.SETTLE_ROUNDS, "1",
            BenchmarkRun.RESULTS, "target/benchmark-smoke");

    @AfterEach
    void forgetTheMiniatureSettings() {
        MINIATURE.keySet().forEach(System::clearProperty);
    }

    @Test
    void everyWorkloadRunsAgainstTheStartedServiceWithoutAnError() throws Exception {
        MINIATURE.forEach(System::setProperty);

        Summary summary = BenchmarkRun.run();

        assertThat(summary.ceiling().request(Workloads.CEILING)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.pageViews().request(Workloads.PAGE_VIEW)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.loginPage().request(Workloads.LOGIN_PAGE)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.logins().request(Workloads.LOGIN)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.storm().request(Workloads.PAGE_VIEW)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.storm().request(Workloads.LOGIN)).satisfies(BenchmarkSmokeIT::ranWithoutError);
        assertThat(summary.startup()).isPositive();
        assertThat(summary.peakResidentKib())
                .isGreaterThanOrEqualTo(summary.residentKibReady())
                .isPositive();
        assertThat(summary.hashMillis()).isPositive();
        assertThat(summary.markdown()).contains("W1 throughput / ceiling throughput", "startup to ready");
    }

    private static void ranWithoutError(RequestStats stats) {
        assertThat(stats.ok()).as(stats.name() + " answered").isPositive();
        assertThat(stats.failed()).as(stats.name() + " errors").isZero();
    }
}
