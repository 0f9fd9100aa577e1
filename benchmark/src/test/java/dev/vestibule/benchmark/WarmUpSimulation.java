package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * Every kind of request at once for a while before anything is measured, so that the measured workloads meet
 * a service whose code is compiled and whose pools are filled, as in production. Not reported.
 */
public class WarmUpSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private volatile List<Accounts.Account> accounts;

    {
        int visitors = Math.max(1, settings.visitors() / 4);
        setUp(
                        scenario("warm-up ceiling")
                                .during(settings.duration())
                                .on(Workloads.ceiling())
                                .injectOpen(atOnceUsers(visitors)),
                        scenario("warm-up page views")
                                .feed(Workloads.takingTurns(() -> accounts))
                                .exec(Workloads.signedIn())
                                .during(settings.duration())
                                .on(Workloads.pageView())
                                .injectOpen(atOnceUsers(visitors)),
                        scenario("warm-up logins")
                                .during(settings.duration())
                                .on(Workloads.fullLoginOf(Workloads.takingTurns(() -> accounts)))
                                .injectOpen(atOnceUsers(visitors)))
                .protocols(Workloads.protocol(settings));
    }

    @Override
    public void before() {
        accounts = Accounts.signUp(settings.baseUrl(), Math.max(1, settings.visitors() / 4));
    }
}
