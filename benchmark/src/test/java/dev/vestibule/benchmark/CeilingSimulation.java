package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/** The ceiling: the cheapest WebFlux endpoint of the same build and instance, as fast as the visitors can ask. */
public class CeilingSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();

    {
        setUp(scenario("ceiling")
                        .during(settings.duration())
                        .on(Workloads.ceiling())
                        .injectOpen(atOnceUsers(settings.visitors())))
                .protocols(Workloads.protocol(settings));
    }
}
