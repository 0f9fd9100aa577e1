package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * W3: full logins (login page for the CSRF token, then the form) as fast as the service takes them: a few
 * more visitors than hashing threads, each logging in again as soon as it is done (closed model), so the
 * result is the service's login capacity.
 */
public class LoginSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private volatile List<Accounts.Account> accounts;

    {
        setUp(scenario("W3 logins")
                        .during(settings.duration())
                        .on(Workloads.fullLoginOf(Workloads.takingTurns(() -> accounts)))
                        .injectOpen(atOnceUsers(settings.loginVisitors())))
                .protocols(Workloads.protocol(settings));
    }

    @Override
    public void before() {
        accounts = Accounts.signUp(settings.baseUrl(), settings.accounts());
    }
}
