package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.metrics.ActiveSessions;
import dev.vestibule.bootstrap.metrics.InMemoryActiveSessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Sessions in this process's memory: the zero-install default for one instance on a laptop. Same Spring
 * Session code path as Redis, so login, logout and session-id rotation behave identically.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vestibule.session.store", havingValue = "memory", matchIfMissing = true)
@EnableSpringWebSession
class InMemorySessionConfiguration {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Bean
    ReactiveMapSessionRepository reactiveSessionRepository(VestibuleProperties properties) {
        var repository = new ReactiveMapSessionRepository(sessions);
        repository.setDefaultMaxInactiveInterval(properties.session().idleTimeout());
        return repository;
    }

    @Bean
    ActiveSessions activeSessions(MeterRegistry meterRegistry) {
        var activeSessions = new InMemoryActiveSessions(sessions);
        ActiveSessions.register(activeSessions, meterRegistry);
        return activeSessions;
    }
}
