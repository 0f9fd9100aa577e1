package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * W4: W1's signed-in page views while a login storm arrives at the service's login capacity (W3's result,
 * {@code benchmark.login-rate}): new visitors at a fixed rate whatever the answers take (open model), the way
 * a crowd signs in at nine in the morning.
 */
public class PageViewsDuringLoginsSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private volatile List<Accounts.Account> visitors;
    private volatile List<Accounts.Account> accounts;

    {
        setUp(
                        scenario("W4 page views")
                                .feed(Workloads.takingTurns(() -> visitors))
                                .exec(Workloads.signedIn())
                                .during(settings.duration())
                                .on(Workloads.pageView())
                                .injectOpen(atOnceUsers(settings.visitors())),
                        scenario("W4 login storm")
                                .exec(Workloads.fullLoginOf(Workloads.takingTurns(() -> accounts)))
                                .injectOpen(constantUsersPerSec(settings.loginRate())
                                        .during(settings.duration())))
                .protocols(Workloads.protocol(settings));
    }

    @Override
    public void before() {
        visitors = Accounts.signUp(settings.baseUrl(), settings.visitors());
        accounts = Accounts.signUp(settings.baseUrl(), settings.accounts());
    }
}
