package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/** W2: anonymous first visits to the login page, each without a cookie (a new session every time). */
public class LoginPageSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();

    {
        setUp(scenario("W2 anonymous login page")
                        .during(settings.duration())
                        .on(Workloads.anonymousLoginPage())
                        .injectOpen(atOnceUsers(settings.visitors())))
                .protocols(Workloads.protocol(settings));
    }
}
