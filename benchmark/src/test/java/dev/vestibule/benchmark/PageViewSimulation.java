package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/** W1: signed-in visitors viewing a page that needs a login, one view after another (closed model). */
public class PageViewSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private volatile List<Accounts.Account> visitors;

    {
        setUp(scenario("W1 page views")
                        .feed(Workloads.takingTurns(() -> visitors))
                        .exec(Workloads.signedIn())
                        .during(settings.duration())
                        .on(Workloads.pageView())
                        .injectOpen(atOnceUsers(settings.visitors())))
                .protocols(Workloads.protocol(settings));
    }

    @Override
    public void before() {
        visitors = Accounts.signUp(settings.baseUrl(), settings.visitors());
    }
}
