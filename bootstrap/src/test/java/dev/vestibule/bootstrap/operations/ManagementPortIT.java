package dev.vestibule.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.SitePages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The actuator answers on the management port only, and there only with health and metrics. */
class ManagementPortIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final ManagementPort management = new ManagementPort(vestibule.managementUrl());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/heapdump",
                "/actuator/metrics",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/threaddump",
                "/actuator/mappings"
            })
    void publicPortAnswersNotFoundForEveryActuatorPath(String path) {
        Page page = new Browser(vestibule.baseUrl()).get(path);

        assertThat(page.status()).as(path).isEqualTo(404);
        SitePages.assertSitePage(page);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/env",
                "/actuator/beans",
                "/actuator/heapdump",
                "/actuator/metrics",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/threaddump",
                "/actuator/mappings",
                "/actuator/info",
                "/actuator/shutdown"
            })
    void managementPortExposesNothingButHealthAndPrometheus(String path) {
        assertThat(management.get(path).status()).as(path).isEqualTo(404);
    }

    @Test
    void readinessIsUpAndLooksAtPostgresAndRedis() {
        ManagementPort.Answer readiness = management.readiness();

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .contains("\"readinessState\"")
                .contains("\"r2dbc\"")
                .contains("\"redis\"");
    }

    @Test
    void livenessIsUpAndDoesNotDependOnTheStores() {
        ManagementPort.Answer liveness = management.liveness();

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body())
                .contains("\"status\":\"UP\"")
                .contains("\"livenessState\"")
                .doesNotContain("r2dbc")
                .doesNotContain("redis");
    }

    @Test
    void healthShowsComponentsButNoConnectionDetails() {
        ManagementPort.Answer health = management.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"r2dbc\"")
                .doesNotContain("PostgreSQL")
                .doesNotContain("version")
                .doesNotContain("database");
    }

    @Test
    void prometheusScrapeCarriesTheServiceMetrics() {
        ManagementPort.Answer scrape = management.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains(
                        "vestibule_logins_total{",
                        "outcome=\"succeeded\"",
                        "outcome=\"failed\"",
                        "outcome=\"throttled\"",
                        "vestibule_registrations_total",
                        "vestibule_sessions_active",
                        "jvm_memory_used_bytes",
                        "r2dbc_pool_acquired_connections",
                        "http_server_requests_seconds_count");
    }
}
